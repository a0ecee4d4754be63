package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.RunResult;
import io.tailsim.models.report.TopicRecorders;

import java.util.List;

/** One topic's latencies and throughput, pooled over replications. */
@JsonPropertyOrder({"partitions", "throughputMBps", "producerLatencyMs", "endToEndLatencyMs", "components"})
public record TopicSummary(int partitions, double throughputMBps, LatencyStats producerLatencyMs,
                           LatencyStats endToEndLatencyMs, Components components) {

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
