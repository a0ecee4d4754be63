package io.tailsim.models.producer;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.Partitioner;

/**
 * Where each record goes (KafkaProducer.partition and the partitioners):
 * <ul>
 * <li>ROUND_ROBIN: the application names the partition, cycling over all of them (Trogdor's
 *     ProduceBench without useConfiguredPartitioner): in the order of Trogdor's HashSet of
 *     TopicPartitions ({@link TrogdorPartitionOrder}) from a position drawn per producer (workers
 *     start at different times, so they are at different points of the cycle), or, with the
 *     original constructor, 0, 1, 2, ... from 0; OWN_PARTITION: always producer i mod n;</li>
 * <li>keyed records (SEQUENTIAL: Trogdor's SequentialPayloadGenerator, the record index little-endian;
 *     RANDOM): murmur2 of the key, toPositive, mod partitions;</li>
 * <li>keyless with UNIFORM_STICKY (BuiltInPartitioner, KIP-794): stay on one partition until
 *     batch.size bytes were produced to it and its batches are full (or 2 x batch.size regardless),
 *     then pick the next at random, weighted by (max queue + 1 - queue) once every partition has a
 *     batch deque when adaptive partitioning is on;</li>
 * <li>keyless with STICKY (KIP-480, StickyPartitionCache): stay until a record would need a new
 *     batch there, then switch to another random partition.</li>
 * </ul>
 * Simplification: adaptive weights are computed from the deques at switch time, not from the
 * sender's last ready() pass; partitioner.availability.timeout.ms is not modelled.
 */
final class PartitionSelector {
    enum Mode { ROUND_ROBIN, OWN_PARTITION, KEYED, UNIFORM_STICKY, STICKY }

    private final Mode mode;
    private final KeyStrategy keys;
    private final RandomStream rng;
    private final byte[] key;
    private final int ownIndex;
    private final int batchSize;
    private final boolean adaptive;
    private long roundRobin;
    // Trogdor's order (null topic: plain 0..n-1 from 0)
    private final String topic;
    private final double startFraction;
    private int[] order;
    private int orderFor = -1;
    private int sticky = -1;
    private long producedBytes;

    PartitionSelector(KeyStrategy keys, Partitioner partitioner, int keyBytes, int ownIndex, int batchSize,
                      boolean adaptive, RandomStream rng) {
        this(keys, partitioner, keyBytes, ownIndex, batchSize, adaptive, rng, null);
    }

    /**
     * With {@code topic} non-null, ROUND_ROBIN follows Trogdor's partition order for that topic from
     * a start position drawn now from {@code rng}.
     */
    PartitionSelector(KeyStrategy keys, Partitioner partitioner, int keyBytes, int ownIndex, int batchSize,
                      boolean adaptive, RandomStream rng, String topic) {
        this.topic = keys == KeyStrategy.ROUND_ROBIN ? topic : null;
        this.startFraction = this.topic != null ? rng.nextDouble() : 0;
        this.keys = keys;
        this.rng = rng;
        this.key = new byte[keyBytes];
        this.ownIndex = ownIndex;
        this.batchSize = batchSize;
        this.adaptive = adaptive;
        switch (keys) {
            case ROUND_ROBIN:
                mode = Mode.ROUND_ROBIN;
                break;
            case OWN_PARTITION:
                mode = Mode.OWN_PARTITION;
                break;
            case SEQUENTIAL:
            case RANDOM:
                if (keyBytes == 0) {
                    throw new io.tailsim.models.config.ConfigException("key-bytes",
                            "keyed records (" + keys + ") need key-bytes > 0");
                }
                mode = Mode.KEYED;
                break;
            default:
                if (partitioner == Partitioner.KEYED) {
                    throw new io.tailsim.models.config.ConfigException("partitioner",
                            "KEYED needs keyed records (keys SEQUENTIAL or RANDOM), not " + keys);
                }
                mode = partitioner == Partitioner.STICKY ? Mode.STICKY : Mode.UNIFORM_STICKY;
        }
    }

    Mode mode() {
        return mode;
    }

    /**
     * The partition {@link #choose} will name {@code ahead} calls from now, when that needs no random
     * draw and no accumulator state (ROUND_ROBIN with its order set up, OWN_PARTITION); else -1.
     */
    int peek(int partitions, int ahead) {
        switch (mode) {
            case ROUND_ROBIN:
                if (topic == null) {
                    return (int) ((roundRobin + ahead) % partitions);
                }
                return orderFor == partitions ? order[(int) ((roundRobin + ahead) % partitions)] : -1;
            case OWN_PARTITION:
                return ownIndex % partitions;
            default:
                return -1;
        }
    }

    /** The partition for the record with producer index {@code recordIndex}. */
    int choose(int partitions, long recordIndex, RecordAccumulator acc) {
        switch (mode) {
            case ROUND_ROBIN:
                if (topic == null) {
                    return (int) (roundRobin++ % partitions);
                }
                if (orderFor != partitions) {
                    // a new partition set: Trogdor's partition refresher starts a new iterator
                    roundRobin = orderFor < 0 ? Math.min(partitions - 1, (long) (startFraction * partitions)) : 0;
                    order = TrogdorPartitionOrder.of(topic, partitions);
                    orderFor = partitions;
                }
                return order[(int) (roundRobin++ % partitions)];
            case OWN_PARTITION:
                return ownIndex % partitions;
            case KEYED:
                fillKey(recordIndex);
                return Murmur2.partition(key, key.length, partitions);
            default:
                if (sticky < 0 || sticky >= partitions) {
                    sticky = next(partitions, -1, acc);
                    producedBytes = 0;
                }
                return sticky;
        }
    }

    private void fillKey(long recordIndex) {
        if (keys == KeyStrategy.SEQUENTIAL) {
            long v = recordIndex;
            for (int i = 0; i < key.length; i++) {
                key[i] = i < 8 ? (byte) (v >>> (8 * i)) : 0;
            }
        } else {
            for (int i = 0; i < key.length; i += 8) {
                long v = rng.nextLong();
                for (int j = 0; j < 8 && i + j < key.length; j++) {
                    key[i + j] = (byte) (v >>> (8 * j));
                }
            }
        }
    }

    /** KIP-480: a record needs a new batch in the sticky partition: switch (returns the new partition). */
    int onNewBatch(int previous, int partitions, RecordAccumulator acc) {
        sticky = next(partitions, previous, acc);
        return sticky;
    }

    /** KIP-794 accounting after an append to the sticky partition (BuiltInPartitioner.updatePartitionInfo). */
    void afterAppend(int appendedBytes, boolean allBatchesFull, int partitions, RecordAccumulator acc) {
        if (mode != Mode.UNIFORM_STICKY) {
            return;
        }
        producedBytes += appendedBytes;
        if ((producedBytes >= batchSize && allBatchesFull) || producedBytes >= 2L * batchSize) {
            sticky = next(partitions, -1, acc);
            producedBytes = 0;
        }
    }

    private int next(int partitions, int avoid, RecordAccumulator acc) {
        if (partitions == 1) {
            return 0;
        }
        int random = Murmur2.toPositive(rng.nextInt());
        if (mode == Mode.UNIFORM_STICKY && adaptive && acc.allPartitionsHaveDeques(partitions)) {
            int max = 0;
            for (int i = 0; i < partitions; i++) {
                max = Math.max(max, acc.dequeSize(i));
            }
            long total = 0;
            for (int i = 0; i < partitions; i++) {
                total += max + 1 - acc.dequeSize(i);
            }
            long pick = random % total;
            for (int i = 0; i < partitions; i++) {
                pick -= max + 1 - acc.dequeSize(i);
                if (pick < 0) {
                    return i;
                }
            }
            return partitions - 1;
        }
        if (mode == Mode.STICKY && avoid >= 0) {
            // StickyPartitionCache: a random partition other than the previous one
            int p = random % (partitions - 1);
            return p >= avoid ? p + 1 : p;
        }
        return random % partitions;
    }
}
