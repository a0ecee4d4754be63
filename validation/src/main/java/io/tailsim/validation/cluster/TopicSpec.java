package io.tailsim.validation.cluster;

import java.util.Map;
import java.util.Objects;

/**
 * A topic to create before the workload starts.
 *
 * @param configs further topic-level configs by Kafka name (for example {@code segment.bytes}); min.insync.replicas is set from
 *                {@code minInsyncReplicas} and may not be repeated here
 */
public record TopicSpec(String name, int partitions, int replicationFactor, int minInsyncReplicas, Map<String, String> configs) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        configs = configs == null ? Map.of() : Map.copyOf(configs);
        if (partitions < 1) throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, got " + partitions);
        if (replicationFactor < 1) throw new IllegalArgumentException("topic " + name + ": replication factor must be >= 1, got " + replicationFactor);
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)
            throw new IllegalArgumentException("topic " + name + ": min.insync.replicas must be in 1.." + replicationFactor + ", got " + minInsyncReplicas);
        if (configs.containsKey("min.insync.replicas"))
            throw new IllegalArgumentException("topic " + name + ": give min.insync.replicas as minInsyncReplicas, not in configs");
    }

    public TopicSpec(String name, int partitions, int replicationFactor, int minInsyncReplicas) {
        this(name, partitions, replicationFactor, minInsyncReplicas, Map.of());
    }
}
