package io.tailsim.models.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything one simulated run needs: hardware, brokers, topics, clients, how long, which seed. */
public record ClusterSpec(
        HardwareProfile profile,
        int brokers,
        int availabilityZones,
        BrokerConfig brokerConfig,
        List<TopicSpec> topics,
        List<ProducerGroupSpec> producerGroups,
        List<ConsumerGroupSpec> consumerGroups,
        List<PhaseChange> phases,
        long durationNanos,
        long warmupNanos,
        long seed) {

    public ClusterSpec {
        ConfigException.requirePositive("brokers", brokers);
        ConfigException.requirePositive("availability-zones", availabilityZones);
        ConfigException.requirePositive("duration", durationNanos);
        ConfigException.requireNonNegative("warmup", warmupNanos);
        if (warmupNanos >= durationNanos) {
            throw new ConfigException("warmup", "must be shorter than duration (" + durationNanos / 1e9 + " s)");
        }
        topics = List.copyOf(topics);
        producerGroups = List.copyOf(producerGroups);
        consumerGroups = List.copyOf(consumerGroups);
        phases = List.copyOf(phases);
        Set<String> names = new HashSet<>();
        for (TopicSpec t : topics) {
            if (!names.add(t.name())) {
                throw new ConfigException("topics", "topic '" + t.name() + "' is defined twice");
            }
            if (t.replicationFactor() > brokers) {
                throw new ConfigException("replication.factor", "topic '" + t.name() + "' asks for "
                        + t.replicationFactor() + " replicas but the cluster has only " + brokers + " brokers");
            }
        }
        for (ProducerGroupSpec g : producerGroups) {
            requireTopic(names, g.topic(), "producer group '" + g.name() + "'");
        }
        for (ConsumerGroupSpec g : consumerGroups) {
            requireTopic(names, g.topic(), "consumer group '" + g.groupId() + "'");
        }
        for (PhaseChange p : phases) {
            if (p.atNanos() > durationNanos) {
                throw new ConfigException("at", "phase at " + p.atNanos() / 1e9 + " s is past the duration ("
                        + durationNanos / 1e9 + " s)");
            }
            if (p instanceof PhaseChange.SetPartitions sp) {
                requireTopic(names, sp.topic(), "phase");
            }
        }
    }

    private static void requireTopic(Set<String> names, String topic, String who) {
        if (!names.contains(topic)) {
            throw new ConfigException("topic", who + " names topic '" + topic + "', which is not defined");
        }
    }

    public TopicSpec topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic " + name));
    }
}
