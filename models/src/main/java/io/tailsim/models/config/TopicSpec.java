package io.tailsim.models.config;

/** A topic: partitions, replication.factor, min.insync.replicas. */
public record TopicSpec(String name, int partitions, int replicationFactor, int minInsyncReplicas) {
    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new ConfigException("name", "a topic needs a name");
        }
        ConfigException.requirePositive("partitions", partitions);
        ConfigException.requirePositive("replication.factor", replicationFactor);
        ConfigException.requirePositive("min.insync.replicas", minInsyncReplicas);
        if (minInsyncReplicas > replicationFactor) {
            throw new ConfigException("min.insync.replicas", "is " + minInsyncReplicas
                    + " but replication.factor of topic '" + name + "' is only " + replicationFactor);
        }
    }
}
