package io.tailsim.validation.driver;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.SplittableRandom;

/** One producer's keys and explicit partitions, record after record, as {@link Keys} describes. Not thread-safe. */
final class RecordKeys {
    private final Keys keys;
    private final int keyBytes;
    private final int partitions;
    private final int producerIndex;
    private final SplittableRandom random;
    private long index;

    RecordKeys(Keys keys, int keyBytes, int partitions, int producerIndex, SplittableRandom random) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        this.keys = keys;
        this.keyBytes = keyBytes;
        this.partitions = partitions;
        this.producerIndex = producerIndex;
        this.random = random;
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
            case ROUND_ROBIN -> (int) (i % partitions);
            case OWN_PARTITION -> producerIndex % partitions;
            default -> null;
        };
        return new ProducerRecord<>(topic, partition, key, value);
    }

    /** Trogdor's SequentialPayloadGenerator: the index little-endian in the first 8 bytes, the rest zero. */
    static void littleEndian(byte[] key, long v) {
        for (int i = 0; i < key.length; i++) key[i] = i < 8 ? (byte) (v >>> (8 * i)) : 0;
    }
}
