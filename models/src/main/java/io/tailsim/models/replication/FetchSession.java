package io.tailsim.models.replication;

import java.util.Arrays;

/**
 * An incremental fetch session (KIP-227) on a leader: the partitions one fetcher (a follower's
 * replica fetcher thread, or a consumer) reads from this broker, with each partition's fetch
 * offset. The leader walks every session partition on every fetch (the cost the hardware profile
 * prices per session partition); the response holds only partitions with new data or a new high
 * watermark. The simulator tracks those "dirty" partitions as they change instead of walking, so
 * its own cost does not grow with the session.
 *
 * <p>Follower sessions read up to the log end offset and are woken by appends; consumer sessions
 * read up to the high watermark and are woken when it advances. A consumer leaves partitions whose
 * data it still buffers out of its next fetch, which removes them from the session (toForget)
 * until a later fetch carries their offset again: {@link #exclude} and {@link #setFetchOffset}.
 * A partition revoked from the consumer is {@link #forget forgotten} for good.
 */
public final class FetchSession {
    private final String name;
    private final boolean fromFollower;
    private Partition[] partitions = new Partition[4];
    private int[] replicaIndex = new int[4];
    private long[] fetchOffset = new long[4];
    private long[] sentHighWatermark = new long[4];
    private boolean[] dirtyFlag = new boolean[4];
    private int[] dirty = new int[4];
    private boolean[] excluded = new boolean[4];
    private boolean[] detached = new boolean[4];
    private int size;
    private int excludedCount;
    private int dirtyCount;
    private FetchWaiter waiter;

    // result of the last read
    private int[] readIdx = new int[4];
    private long[] readEnd = new long[4];
    private int[] readBytes = new int[4];
    private long[] readHw = new long[4];
    private int readCount;
    private long readTotalBytes;

    public FetchSession(String name, boolean fromFollower) {
        this.name = name;
        this.fromFollower = fromFollower;
    }

    public String name() {
        return name;
    }

    public boolean fromFollower() {
        return fromFollower;
    }

    /** Partitions ever added to the session (indices run from 0 to size - 1). */
    public int size() {
        return size;
    }

    /** Partitions in the session now, those left out of it excluded: what the leader walks on every fetch. */
    public int activeSize() {
        return size - excludedCount;
    }

    public boolean isExcluded(int idx) {
        return excluded[idx];
    }

    /** Revoked for good: the partition's log no longer keeps data for this session. */
    public boolean isDetached(int idx) {
        return detached[idx];
    }

    public Partition partition(int idx) {
        return partitions[idx];
    }

    /** Index of the fetching replica in the partition's replica list (followers), or -1 (consumers). */
    public int replicaIndex(int idx) {
        return replicaIndex[idx];
    }

    public long fetchOffset(int idx) {
        return fetchOffset[idx];
    }

    public int dirtyCount() {
        return dirtyCount;
    }

    /** Adds a partition the fetcher reads from {@code startOffset}; returns its index in the session. */
    public int add(Partition p, int replicaIdx, long startOffset) {
        if (size == partitions.length) {
            int n = size * 2;
            partitions = Arrays.copyOf(partitions, n);
            replicaIndex = Arrays.copyOf(replicaIndex, n);
            fetchOffset = Arrays.copyOf(fetchOffset, n);
            sentHighWatermark = Arrays.copyOf(sentHighWatermark, n);
            dirtyFlag = Arrays.copyOf(dirtyFlag, n);
            dirty = Arrays.copyOf(dirty, n);
            excluded = Arrays.copyOf(excluded, n);
            detached = Arrays.copyOf(detached, n);
            readIdx = Arrays.copyOf(readIdx, n);
            readEnd = Arrays.copyOf(readEnd, n);
            readBytes = Arrays.copyOf(readBytes, n);
            readHw = Arrays.copyOf(readHw, n);
        }
        int idx = size++;
        partitions[idx] = p;
        replicaIndex[idx] = replicaIdx;
        fetchOffset[idx] = startOffset;
        sentHighWatermark[idx] = -1;
        if (fromFollower) {
            p.attachFollowerSession(replicaIdx, this, idx);
        } else {
            p.attachConsumerSession(this, idx);
        }
        if (limit(p) > startOffset || p.highWatermark() > sentHighWatermark[idx]) {
            markDirty(idx);
        }
        return idx;
    }

    private long limit(Partition p) {
        return fromFollower ? p.logEndOffset() : p.highWatermark();
    }

    /**
     * Adds a partition a consumer will start fetching with its next request: outside the session
     * until that request carries its offset ({@link #setFetchOffset}).
     */
    public int addExcluded(Partition p, long startOffset) {
        if (fromFollower) {
            throw new IllegalStateException(name + ": follower sessions hold every partition they replicate");
        }
        int idx = add(p, -1, startOffset);
        exclude(idx);
        return idx;
    }

    /**
     * The fetcher's position in partition {@code idx} moved to {@code offset} (carried by its
     * request): a partition left out before is back in the session, answered in full once.
     */
    public void setFetchOffset(int idx, long offset) {
        if (detached[idx]) {
            // a fetch sent before the consumer gave the partition up: nothing to read for it any more
            return;
        }
        if (excluded[idx]) {
            excluded[idx] = false;
            excludedCount--;
            sentHighWatermark[idx] = -1;
        }
        fetchOffset[idx] = offset;
        if (limit(partitions[idx]) > offset || partitions[idx].highWatermark() != sentHighWatermark[idx]) {
            markDirty(idx);
        }
    }

    /** Partition {@code idx} is left out of the session (toForget) until a fetch carries its offset again. */
    public void exclude(int idx) {
        if (!excluded[idx]) {
            excluded[idx] = true;
            excludedCount++;
        }
    }

    /** The consumer no longer owns partition {@code idx}: out of the session for good, its log released. */
    public void forget(int idx) {
        if (detached[idx]) {
            return;
        }
        exclude(idx);
        detached[idx] = true;
        partitions[idx].detachConsumerSession(this, idx);
    }

    void markDirty(int idx) {
        if (excluded[idx]) {
            return;
        }
        if (!dirtyFlag[idx]) {
            dirtyFlag[idx] = true;
            dirty[dirtyCount++] = idx;
        }
    }

    /** Data this session reads has arrived in partition {@code idx}: mark it and wake a parked fetch. */
    void dataArrived(int idx, long now, CompletionSink sink) {
        if (excluded[idx]) {
            return;
        }
        markDirty(idx);
        FetchWaiter w = waiter;
        if (w != null) {
            w.dataArrived(this, now, sink);
        }
    }

    /** Parks (or with null unparks) the session's one outstanding fetch. */
    public void setWaiter(FetchWaiter w) {
        this.waiter = w;
    }

    public FetchWaiter waiter() {
        return waiter;
    }

    /** Bytes readable now over the dirty partitions (DelayedFetch.tryComplete's accumulated size). */
    public long availableBytes(int maxPartitionBytes) {
        long total = 0;
        for (int k = 0; k < dirtyCount; k++) {
            int idx = dirty[k];
            if (excluded[idx]) {
                continue;
            }
            Partition p = partitions[idx];
            total += Math.min(maxPartitionBytes, p.log().bytesBetween(fetchOffset[idx], limit(p)));
        }
        return total;
    }

    /**
     * Reads the response now: for each dirty partition, whole batches from its fetch offset up to
     * the limit (LEO or HW), at most {@code maxPartitionBytes} per partition (at least one batch)
     * and {@code maxResponseBytes} in all; partitions whose high watermark moved are included even
     * without data. Partitions read to their limit stop being dirty.
     */
    public void read(int maxPartitionBytes, long maxResponseBytes) {
        readCount = 0;
        readTotalBytes = 0;
        int kept = 0;
        for (int k = 0; k < dirtyCount; k++) {
            int idx = dirty[k];
            if (excluded[idx]) {
                dirtyFlag[idx] = false;
                continue;
            }
            Partition p = partitions[idx];
            long off = fetchOffset[idx];
            long lim = limit(p);
            long end = off;
            int bytes = 0;
            if (readTotalBytes < maxResponseBytes || readTotalBytes == 0) {
                int cap = (int) Math.min(maxPartitionBytes, Math.max(1, maxResponseBytes - readTotalBytes));
                end = p.log().readEnd(off, lim, cap);
                bytes = p.log().lastReadBytes();
            }
            long hw = p.highWatermark();
            if (end > off || hw != sentHighWatermark[idx]) {
                readIdx[readCount] = idx;
                readEnd[readCount] = end;
                readBytes[readCount] = bytes;
                readHw[readCount] = hw;
                readCount++;
                readTotalBytes += bytes;
                sentHighWatermark[idx] = hw;
            }
            if (end < lim) {
                dirty[kept++] = idx;
            } else {
                dirtyFlag[idx] = false;
            }
        }
        dirtyCount = kept;
    }

    /** Partitions in the last read. */
    public int readCount() {
        return readCount;
    }

    public int readIndex(int i) {
        return readIdx[i];
    }

    public long readEndOffset(int i) {
        return readEnd[i];
    }

    public int readBytes(int i) {
        return readBytes[i];
    }

    public long readHighWatermark(int i) {
        return readHw[i];
    }

    public long readTotalBytes() {
        return readTotalBytes;
    }

    /** Partitions in the last read that carried records. */
    public int readPartitionsWithData() {
        int n = 0;
        for (int i = 0; i < readCount; i++) {
            if (readBytes[i] > 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "FetchSession[" + name + ", " + activeSize() + " of " + size + " partitions, " + dirtyCount + " dirty]";
    }
}
