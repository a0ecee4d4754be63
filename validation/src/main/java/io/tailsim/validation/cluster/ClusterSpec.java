package io.tailsim.validation.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The real cluster to start: N combined broker+controller nodes.
 *
 * @param brokerConfigs broker configs by Kafka name, applied to every node over {@link BrokerConfig#runDefaults(int)};
 *                      the listener, quorum and directory layout is the harness's and may not be set here
 */
public record ClusterSpec(int brokers, int heapMb, Map<String, String> brokerConfigs, List<TopicSpec> topics) {
    /** real-kafka-here.md: 1 GiB per node was enough (170-340 MB used under load). */
    public static final int DEFAULT_HEAP_MB = 1024;

    public ClusterSpec {
        brokerConfigs = brokerConfigs == null ? Map.of() : Map.copyOf(brokerConfigs);
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (brokers < 1) throw new IllegalArgumentException("brokers must be >= 1, got " + brokers);
        if (heapMb < 128) throw new IllegalArgumentException("heapMb must be >= 128, got " + heapMb);
        BrokerConfig.requireNoReservedKeys(brokerConfigs);
        for (TopicSpec t : topics) {
            Objects.requireNonNull(t, "topic");
            if (t.replicationFactor() > brokers)
                throw new IllegalArgumentException("topic " + t.name() + ": replication factor " + t.replicationFactor() + " exceeds the " + brokers + " brokers");
        }
    }

    public ClusterSpec(int brokers, List<TopicSpec> topics) {
        this(brokers, DEFAULT_HEAP_MB, Map.of(), topics);
    }
}
