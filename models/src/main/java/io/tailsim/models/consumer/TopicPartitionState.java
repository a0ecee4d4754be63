package io.tailsim.models.consumer;

import io.tailsim.models.replication.Partition;

/**
 * A consumer's state for one assigned partition (SubscriptionState.TopicPartitionState): its
 * position — the offset of the next record poll() returns, which is also where the next fetch
 * starts, since Kafka advances the position only as poll() hands records out — and whether
 * fetched records of it still wait in the fetch buffer (then it is left out of fetches).
 */
final class TopicPartitionState {
    final Partition partition;
    /** Index of the partition in the consumer's fetch session on its leader. */
    int sessionIdx = -1;
    long position;
    /** A completed fetch of this partition is in the fetch buffer. */
    boolean buffered;
    /** In the leader's session: the offset last sent there is {@link #sentOffset}. */
    boolean inSession;
    long sentOffset = -1;
    /** Changed since the last fetch to its leader (position moved, buffered or drained). */
    boolean touched;
    /** No longer assigned (rebalance): fetched data of it is dropped. */
    boolean revoked;
    /** Revoked and removed from the leader's session (with a fetch, or at once when the session went idle). */
    boolean removed;
    /** The last poll that returned records of it (for per-poll commits). */
    long lastPoll = -1;

    TopicPartitionState(Partition partition, long position) {
        this.partition = partition;
        this.position = position;
    }

    int id() {
        return partition.id();
    }

    int leader() {
        return partition.leader();
    }

    /** Records the consumer is behind: high watermark minus position (records-lag). */
    long lag() {
        return Math.max(0, partition.highWatermark() - position);
    }

    @Override
    public String toString() {
        return partition + "@" + position + (buffered ? " (buffered)" : "");
    }
}
