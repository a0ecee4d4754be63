package io.tailsim.models.producer;

/**
 * The order in which Trogdor's ProduceBench cycles through a topic's partitions when it names them
 * itself (trogdor/.../workload/ProduceBenchWorker.SendRecords: {@code activePartitions} is a
 * {@code HashSet<TopicPartition>} filled with partitions 0..n-1 in order, and {@code sendMessage}
 * walks its iterator, starting again at the beginning when it runs out).
 *
 * <p>A HashSet iterates its HashMap's table bucket by bucket, and within a bucket in insertion
 * order (a resize splits a bucket keeping relative order). The bucket of an element is
 * {@code (h ^ (h >>> 16)) & (capacity - 1)} with {@code h = TopicPartition.hashCode() =
 * 31 * (31 + partition) + topic.hashCode()}; the capacity starts at 16 and doubles whenever the
 * size passes 3/4 of it. So the order is a fixed permutation of the partitions, the same for every
 * producer of the topic, which spreads consecutive records over leaders pseudo-randomly instead of
 * cycling through brokers in turn. Left out: bins treeified at 8 or more collisions (not reached for
 * consecutive partition numbers, whose hashes differ by 31). The validation driver builds the real HashSet and is tested
 * against this emulation.
 */
public final class TrogdorPartitionOrder {
    private TrogdorPartitionOrder() {
    }

    /** Partitions 0..n-1 of {@code topic} in HashSet iteration order. */
    public static int[] of(String topic, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + n);
        }
        int capacity = 16;
        while (n > capacity * 3 / 4) {
            capacity <<= 1;
        }
        int topicHash = topic == null ? 0 : topic.hashCode();
        long[] keyed = new long[n];
        for (int p = 0; p < n; p++) {
            int h = 31 * (31 + p) + topicHash;
            int bucket = (h ^ (h >>> 16)) & (capacity - 1);
            keyed[p] = ((long) bucket << 32) | p;
        }
        java.util.Arrays.sort(keyed);   // by bucket, then by insertion order (partition number)
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }
}
