package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.PhaseResult;
import io.tailsim.models.report.RunResult;
import io.tailsim.models.report.TopicRecorders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;

import java.util.List;
import java.util.Map;

/**
 * One phase of a phased run (the interval between two phase changes), measured after warm-up:
 * the partitions each topic had, latencies per topic, and each broker's CPU.
 */
@JsonPropertyOrder({"index", "startSeconds", "endSeconds", "partitions", "replicasPerBroker",
        "producerLatencyMs", "endToEndLatencyMs", "topics", "brokerCpuUtilization"})
public record PhaseSummary(
        int index,
        double startSeconds,
        double endSeconds,
        Map<String, Integer> partitions,
        double replicasPerBroker,
        LatencyStats producerLatencyMs,
        LatencyStats endToEndLatencyMs,
        Map<String, TopicSummary> topics,
        List<Double> brokerCpuUtilization) {

    /**
     * Phase {@code index} of every replication pooled (the replications of a scenario share its
     * phase boundaries): latencies as everywhere else, CPU and replicas per broker as means.
     */
    public static PhaseSummary of(List<RunResult> reps, int index) {
        List<PhaseResult> ph = reps.stream().map(r -> r.phases().get(index)).toList();
        PhaseResult first = ph.get(0);
        List<Double> seconds = ph.stream().map(p -> (p.endNanos() - p.startNanos()) / 1e9).toList();
        Map<String, TopicSummary> topics = new TreeMap<>();
        for (String t : first.topics().keySet()) {
            List<TopicRecorders> rec = ph.stream().map(p -> p.topic(t)).toList();
            topics.put(t, TopicSummary.of(rec, seconds, first.partitions().getOrDefault(t, 0)));
        }
        List<Double> cpu = new ArrayList<>();
        for (int b = 0; b < first.brokerCpu().size(); b++) {
            int k = b;
            cpu.add(Estimate.of(ph, p -> p.brokerCpu().get(k)).orNaN());
        }
        return new PhaseSummary(index, first.startNanos() / 1e9,
                Estimate.of(ph, p -> p.endNanos() / 1e9).orNaN(), new LinkedHashMap<>(first.partitions()),
                first.meanReplicasPerBroker(),
                LatencyStats.over(ph, p -> p.total().producerLatency),
                LatencyStats.over(ph, p -> p.total().endToEnd),
                topics, cpu);
    }

    /** Every phase of the replications, or null when the scenario changes nothing during the run. */
    public static List<PhaseSummary> all(List<RunResult> reps, boolean phased) {
        if (!phased) {
            return null;
        }
        int n = reps.stream().mapToInt(r -> r.phases().size()).min().orElse(0);
        List<PhaseSummary> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(of(reps, i));
        }
        return out;
    }
}
