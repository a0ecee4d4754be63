package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.RunResult;
import io.tailsim.models.report.TopicRecorders;

import java.util.List;

/** One topic's latencies and throughput, pooled over replications. */
@JsonPropertyOrder({"partitions", "throughputMBps", "producerLatencyMs", "endToEndLatencyMs", "components"})
public record TopicSummary(int partitions, double throughputMBps, LatencyStats producerLatencyMs,
                           LatencyStats endToEndLatencyMs, Components components) {

    /** One topic's recorders per replication over spans of {@code seconds} each (a phase, say). */
    public static TopicSummary of(List<TopicRecorders> t, List<Double> seconds, int partitions) {
        double mbps = Estimate.of(java.util.stream.IntStream.range(0, t.size()).boxed().toList(),
                i -> seconds.get(i) <= 0 ? Double.NaN : t.get(i).bytesAcked / 1e6 / seconds.get(i)).orNaN();
        return new TopicSummary(partitions, mbps,
                LatencyStats.over(t, x -> x.producerLatency),
                LatencyStats.over(t, x -> x.endToEnd),
                Components.over(t, x -> x));
    }

    public static TopicSummary of(List<RunResult> reps, String topic, int partitions) {
        List<TopicRecorders> t = reps.stream().map(r -> r.topic(topic)).toList();
        double mbps = Estimate.of(reps, r -> r.measuredNanos() <= 0 ? Double.NaN
                : r.topic(topic).bytesAcked / 1e6 / (r.measuredNanos() / 1e9)).orNaN();
        return new TopicSummary(partitions, mbps,
                LatencyStats.over(t, x -> x.producerLatency),
                LatencyStats.over(t, x -> x.endToEnd),
                Components.over(t, x -> x));
    }
}
