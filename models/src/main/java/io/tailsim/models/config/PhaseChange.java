package io.tailsim.models.config;

/** A change applied at a given simulated time (phases of a run, e.g. a topic's partitions stepped up). */
public sealed interface PhaseChange {
    long atNanos();

    /** Raise a topic's partition count (new partitions placed the way Kafka places them). */
    record SetPartitions(long atNanos, String topic, int partitions) implements PhaseChange {
        public SetPartitions {
            ConfigException.requirePositive("partitions", partitions);
        }
    }
}
