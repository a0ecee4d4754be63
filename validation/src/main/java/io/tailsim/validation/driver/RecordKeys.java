package io.tailsim.validation.driver;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** One producer's keys and explicit partitions, record after record, as {@link Keys} describes. Not thread-safe. */
final class RecordKeys {
    private final Keys keys;
    private final int keyBytes;
    private final int partitions;
    private final int producerIndex;
    private final SplittableRandom random;
    private long index;
    /** ROUND_ROBIN: where in Trogdor's partition order this producer starts, drawn once (its workers start at different times). */
    private final int start;
    private int[] order;

    RecordKeys(Keys keys, int keyBytes, int partitions, int producerIndex, SplittableRandom random) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        this.keys = keys;
        this.keyBytes = keyBytes;
        this.partitions = partitions;
        this.producerIndex = producerIndex;
        this.random = random;
        this.start = keys == Keys.ROUND_ROBIN ? random.nextInt(partitions) : 0;
    }

    /**
     * Trogdor's ProduceBench order: partitions 0..n-1 added in turn to a {@code HashSet<TopicPartition>}, then its iteration
     * order, which the simulator follows too (TrogdorPartitionOrder).
     */
    static int[] trogdorOrder(String topic, int partitions) {
        Set<TopicPartition> set = new HashSet<>();
        for (int p = 0; p < partitions; p++) set.add(new TopicPartition(topic, p));
        return set.stream().mapToInt(TopicPartition::partition).toArray();
    }

    ProducerRecord<byte[], byte[]> next(String topic, byte[] value) {
        long i = index++;
        byte[] key = keyBytes == 0 ? null : new byte[keyBytes];
        switch (keys) {
            case RANDOM -> random.nextBytes(key);
            case NONE, SEQUENTIAL, ROUND_ROBIN, OWN_PARTITION -> {
                if (key != null) littleEndian(key, i);
            }
        }
        Integer partition = switch (keys) {
            case ROUND_ROBIN -> roundRobin(topic, i);
            case OWN_PARTITION -> producerIndex % partitions;
            default -> null;
        };
        return new ProducerRecord<>(topic, partition, key, value);
    }

    private int roundRobin(String topic, long i) {
        if (order == null) order = trogdorOrder(topic, partitions);
        return order[(int) ((start + i) % partitions)];
    }

    /** Trogdor's SequentialPayloadGenerator: the index little-endian in the first 8 bytes, the rest zero. */
    static void littleEndian(byte[] key, long v) {
        for (int i = 0; i < key.length; i++) key[i] = i < 8 ? (byte) (v >>> (8 * i)) : 0;
    }
}
