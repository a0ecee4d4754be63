package io.tailsim.models.storage;

/**
 * A batch of records as the log stores it (Kafka's RecordBatch): the unit appended, replicated and
 * fetched. Subclasses carry who produced it; the log only needs offsets, size and times.
 */
public abstract class RecordBatch {
    /** Offset of the first record, assigned by the leader on append; -1 until then. */
    protected long baseOffset = -1;
    /** Bytes on the wire and in the log (compressed records plus the batch header). */
    protected int sizeInBytes;
    /** When the leader appended it (page cache write done), -1 until then. */
    protected long appendTime = -1;
    /** When the leader's high watermark passed its last offset (committed), -1 until then. */
    protected long commitTime = -1;

    /** Number of records in the batch. */
    public abstract int recordCount();

    public final long baseOffset() {
        return baseOffset;
    }

    /** Offset after the last record: the log end offset once this batch is the last one. */
    public final long nextOffset() {
        return baseOffset + recordCount();
    }

    public final int sizeInBytes() {
        return sizeInBytes;
    }

    public final long appendTime() {
        return appendTime;
    }

    public final long commitTime() {
        return commitTime;
    }

    public final boolean isAppended() {
        return baseOffset >= 0;
    }

    /** The high watermark passed this batch at {@code now} (called once, by the leader's partition). */
    public final void commit(long now) {
        if (commitTime >= 0) {
            throw new IllegalStateException(this + " committed twice");
        }
        onCommit(now);
    }

    /** Called by the leader's log on append. */
    protected void onAppend(long offset, long now) {
        this.baseOffset = offset;
        this.appendTime = now;
    }

    /** Called when the high watermark passes the batch (all in-sync replicas have it). */
    protected void onCommit(long now) {
        this.commitTime = now;
    }
}
