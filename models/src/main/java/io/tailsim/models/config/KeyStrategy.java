package io.tailsim.models.config;

/**
 * Where a producer's records go. NONE: keyless, the partitioner decides. SEQUENTIAL / RANDOM: keyed
 * records (murmur2 of the key). ROUND_ROBIN: the application names the partition explicitly, cycling
 * through all partitions (Trogdor's ProduceBench default). OWN_PARTITION: producer i always writes
 * partition i mod partitions (topic B of the partition experiment).
 */
public enum KeyStrategy {
    NONE, SEQUENTIAL, RANDOM, ROUND_ROBIN, OWN_PARTITION
}
