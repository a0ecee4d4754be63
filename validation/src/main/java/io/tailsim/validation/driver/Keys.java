package io.tailsim.validation.driver;

/**
 * Which key and partition each record gets, as the simulator's KeyStrategy says. NONE: the producer's partitioner picks
 * (key bytes, if any, are still sent, with partitioner.ignore.keys=true so they do not steer the choice); SEQUENTIAL: the
 * producer's record index little-endian in the key (Trogdor's SequentialPayloadGenerator); RANDOM: random key bytes; both
 * hashed by Kafka's murmur2 partitioner. ROUND_ROBIN: the record names its partition, cycling
 * through the topic's partitions in the order of Trogdor's {@code HashSet<TopicPartition>} from a place drawn per producer
 * (Trogdor's ProduceBench, whose workers start at different times; the simulator does the same);
 * OWN_PARTITION: producer i always writes partition i mod partitions.
 */
public enum Keys {
    NONE, SEQUENTIAL, RANDOM, ROUND_ROBIN, OWN_PARTITION
}
