package io.tailsim.models.broker;

import io.tailsim.models.replication.FetchSession;

import java.util.Arrays;

/**
 * A Fetch request in an incremental session: it carries the fetch offsets that changed since the
 * previous fetch (the partitions that got data), and on its way back the response data (a copy of
 * the session's read). One fetcher has at most one fetch outstanding, so the fetcher reuses one
 * request object.
 */
public final class FetchRequest extends Request {
    public static final int REQUEST_OVERHEAD = 80;
    public static final int PER_PARTITION_REQUEST = 28;
    public static final int RESPONSE_OVERHEAD = 60;
    public static final int PER_PARTITION_RESPONSE = 40;

    final FetchSession session;
    final long maxWaitNanos;
    final int minBytes;
    final int maxPartitionBytes;
    final int maxResponseBytes;
    /** The purgatory entry this request uses when it must wait (one per fetcher, reused). */
    DelayedFetch delayed;

    private int[] changedIdx = new int[4];
    private long[] changedOffset = new long[4];
    private int changedCount;
    /** Session partitions the fetcher leaves out of this fetch (a consumer's buffered partitions: toForget). */
    private int[] forgottenIdx = new int[0];
    private int forgottenCount;
    /** Session partitions the consumer no longer owns (revoked): they leave the session for good. */
    private int[] removedIdx = new int[0];
    private int removedCount;

    private int[] respIdx = new int[4];
    private long[] respEnd = new long[4];
    private int[] respBytes = new int[4];
    private long[] respHw = new long[4];
    private int respCount;
    private long respTotalBytes;

    public FetchRequest(ApiKey api, FetchSession session, long maxWaitNanos, int minBytes, int maxPartitionBytes,
                        int maxResponseBytes) {
        super(api);
        this.session = session;
        this.maxWaitNanos = maxWaitNanos;
        this.minBytes = minBytes;
        this.maxPartitionBytes = maxPartitionBytes;
        this.maxResponseBytes = maxResponseBytes;
    }

    public FetchSession session() {
        return session;
    }

    /** Starts a new fetch: no changed offsets yet. */
    public void reset() {
        changedCount = 0;
        forgottenCount = 0;
        removedCount = 0;
        respCount = 0;
        respTotalBytes = 0;
    }

    /** Partition {@code idx} of the session is now fetched from {@code offset}. */
    public void addChanged(int idx, long offset) {
        if (changedCount == changedIdx.length) {
            changedIdx = Arrays.copyOf(changedIdx, changedCount * 2);
            changedOffset = Arrays.copyOf(changedOffset, changedCount * 2);
        }
        changedIdx[changedCount] = idx;
        changedOffset[changedCount] = offset;
        changedCount++;
    }

    /**
     * Partition {@code idx} leaves the session until a later fetch carries its offset again
     * (FetchSessionHandler puts partitions absent from a fetch in toForget).
     */
    public void addForgotten(int idx) {
        if (forgottenCount == forgottenIdx.length) {
            forgottenIdx = Arrays.copyOf(forgottenIdx, Math.max(4, forgottenCount * 2));
        }
        forgottenIdx[forgottenCount++] = idx;
    }

    /** Partition {@code idx} leaves the session for good: the consumer gave it up in a rebalance (toForget too). */
    public void addRemoved(int idx) {
        if (removedCount == removedIdx.length) {
            removedIdx = Arrays.copyOf(removedIdx, Math.max(4, removedCount * 2));
        }
        removedIdx[removedCount++] = idx;
    }

    public void seal() {
        requestBytes = REQUEST_OVERHEAD + PER_PARTITION_REQUEST * (changedCount + forgottenCount + removedCount);
    }

    int removedCount() {
        return removedCount;
    }

    int removedIdx(int i) {
        return removedIdx[i];
    }

    public int changedPartitions() {
        return changedCount;
    }

    int forgottenCount() {
        return forgottenCount;
    }

    int forgottenIdx(int i) {
        return forgottenIdx[i];
    }

    int changedCount() {
        return changedCount;
    }

    int changedIdx(int i) {
        return changedIdx[i];
    }

    long changedOffset(int i) {
        return changedOffset[i];
    }

    /** Copies the session's last read as this request's response. */
    void takeResponse() {
        int n = session.readCount();
        if (respIdx.length < n) {
            int cap = Math.max(n, respIdx.length * 2);
            respIdx = Arrays.copyOf(respIdx, cap);
            respEnd = Arrays.copyOf(respEnd, cap);
            respBytes = Arrays.copyOf(respBytes, cap);
            respHw = Arrays.copyOf(respHw, cap);
        }
        int bytes = RESPONSE_OVERHEAD;
        for (int i = 0; i < n; i++) {
            respIdx[i] = session.readIndex(i);
            respEnd[i] = session.readEndOffset(i);
            respBytes[i] = session.readBytes(i);
            respHw[i] = session.readHighWatermark(i);
            bytes += PER_PARTITION_RESPONSE + respBytes[i];
        }
        respCount = n;
        respTotalBytes = session.readTotalBytes();
        responseBytes = bytes;
    }

    public int responsePartitions() {
        return respCount;
    }

    public int responseIdx(int i) {
        return respIdx[i];
    }

    public long responseEndOffset(int i) {
        return respEnd[i];
    }

    public int responseBytes(int i) {
        return respBytes[i];
    }

    public long responseHighWatermark(int i) {
        return respHw[i];
    }

    public long responseRecordBytes() {
        return respTotalBytes;
    }
}
