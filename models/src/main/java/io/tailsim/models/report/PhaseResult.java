package io.tailsim.models.report;

import java.util.List;
import java.util.Map;

/**
 * One phase of a run: the measured time between two phase changes (or the warm-up end, or the
 * run's end). Latencies are what was recorded during the phase (recorded when known: a record
 * sent late in one phase may be acknowledged in the next).
 *
 * @param partitions        partitions of each topic during the phase (the scenario's topics)
 * @param replicasPerBroker partition replicas on each broker during the phase, every topic
 *                          counted, __consumer_offsets included (Kafka's PartitionCount metric)
 * @param brokerCpu         CPU utilisation of each broker's host over the phase
 */
public record PhaseResult(
        int index,
        long startNanos,
        long endNanos,
        Map<String, Integer> partitions,
        List<Integer> replicasPerBroker,
        Map<String, TopicRecorders> topics,
        TopicRecorders total,
        List<Double> brokerCpu) {

    public PhaseResult {
        partitions = Map.copyOf(partitions);
        replicasPerBroker = List.copyOf(replicasPerBroker);
        topics = Map.copyOf(topics);
        brokerCpu = List.copyOf(brokerCpu);
    }

    /** Mean partition replicas per broker. */
    public double meanReplicasPerBroker() {
        return replicasPerBroker.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    public TopicRecorders topic(String name) {
        TopicRecorders t = topics.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no topic '" + name + "' in phase " + index);
        }
        return t;
    }
}
