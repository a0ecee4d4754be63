package io.tailsim.models.config;

/**
 * How a keyless record picks its partition. UNIFORM_STICKY is Kafka 3.3+'s built-in partitioner
 * (KIP-794: switch after batch.size bytes), STICKY is KIP-480 (switch when a new batch is created),
 * KEYED hashes the record key with murmur2 (used whenever records carry keys).
 */
public enum Partitioner {
    UNIFORM_STICKY, STICKY, KEYED
}
