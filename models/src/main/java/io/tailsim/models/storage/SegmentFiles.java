package io.tailsim.models.storage;

/**
 * The files of one replica's log beyond its records, and the appends that must write them before they return.
 * Kafka writes the leader-epoch checkpoint (LeaderEpochFileCache.assign) on a log's first append, and a segment's
 * offset and time indexes are created, sized to segment.index.bytes and memory-mapped (LazyIndex) when its first
 * index entry is written, log.index.interval.bytes into the segment; both run on the appending thread: the request
 * handler on a leader, the replica fetcher on a follower. Later index entries land in pages already mapped (a new
 * page every 512 offset-index entries, 2 MiB of log) and are left out.
 */
public final class SegmentFiles {
    /** log.index.interval.bytes, Kafka's default. */
    public static final int LOG_INDEX_INTERVAL_BYTES = 4096;
    /** log.segment.bytes, Kafka's default. */
    public static final long LOG_SEGMENT_BYTES = 1L << 30;

    /** {@link #append} wrote the leader-epoch checkpoint. */
    public static final int CHECKPOINT = 1;
    /** {@link #append} created the segment's index files for its first entry. */
    public static final int INDEX_CREATE = 2;

    private boolean epochCheckpointed;
    private long segmentBytes;
    private long bytesSinceIndexEntry;
    private boolean indexCreated;

    /** One append of {@code bytes} (a batch on a leader, a partition's fetched records on a follower): what it wrote. */
    public int append(long bytes) {
        int wrote = 0;
        if (!epochCheckpointed) {
            epochCheckpointed = true;
            wrote |= CHECKPOINT;
        }
        if (segmentBytes > 0 && segmentBytes + bytes > LOG_SEGMENT_BYTES) {
            // UnifiedLog.maybeRoll: a new segment with indexes not yet created.
            segmentBytes = 0;
            bytesSinceIndexEntry = 0;
            indexCreated = false;
        }
        // LogSegment.append: the entry is written when the bytes before this append exceed the interval.
        if (bytesSinceIndexEntry > LOG_INDEX_INTERVAL_BYTES) {
            if (!indexCreated) {
                indexCreated = true;
                wrote |= INDEX_CREATE;
            }
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += bytes;
        segmentBytes += bytes;
        return wrote;
    }
}
