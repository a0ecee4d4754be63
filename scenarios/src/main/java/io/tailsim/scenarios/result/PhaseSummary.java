package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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
}
