package io.tailsim.models.storage;

import java.util.Arrays;

/**
 * The leader's log of one partition: batches in offset order in a ring, oldest first. Only what
 * some reader may still need is kept (see {@link #truncateBefore}); offsets keep counting.
 */
public final class PartitionLog {
    private RecordBatch[] ring = new RecordBatch[8];
    /** Byte position of each held batch in the log (the file position Kafka reads by). */
    private long[] positions = new long[8];
    private int head;
    private int size;
    private long logStartOffset;
    private long logEndOffset;
    private long bytesAppended;
    /** Bytes returned by the last {@link #readEnd} call. */
    private int lastReadBytes;
    private int lastReadBatches;

    /** Appends {@code b} at the log end: assigns its offsets; returns the new log end offset. */
    public long append(RecordBatch b, long now) {
        if (size == ring.length) {
            grow();
        }
        b.onAppend(logEndOffset, now);
        int slot = (head + size) & (ring.length - 1);
        ring[slot] = b;
        positions[slot] = bytesAppended;
        size++;
        logEndOffset += b.recordCount();
        bytesAppended += b.sizeInBytes();
        return logEndOffset;
    }

    public long logEndOffset() {
        return logEndOffset;
    }

    /** Offset of the oldest batch still held. */
    public long logStartOffset() {
        return logStartOffset;
    }

    public long bytesAppended() {
        return bytesAppended;
    }

    public int batchesHeld() {
        return size;
    }

    /** The i-th batch held (0 = oldest). */
    public RecordBatch batch(int i) {
        return ring[(head + i) & (ring.length - 1)];
    }

    /** Bytes between {@code fromOffset} and {@code toOffset} (both at batch boundaries or the log end). */
    public long bytesBetween(long fromOffset, long toOffset) {
        if (toOffset <= fromOffset) {
            return 0;
        }
        return position(toOffset) - position(fromOffset);
    }

    private long position(long offset) {
        int i = indexOf(offset);
        return i == size ? bytesAppended : positions[(head + i) & (ring.length - 1)];
    }

    /** Index (among held batches) of the batch containing {@code offset}, or size when at the end. */
    public int indexOf(long offset) {
        if (offset < logStartOffset) {
            throw new IllegalArgumentException("offset " + offset + " was truncated (log start " + logStartOffset + ")");
        }
        if (offset >= logEndOffset) {
            return size;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (batch(mid).baseOffset() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Reads from {@code fetchOffset} up to {@code limitOffset} (the LEO for followers, the high
     * watermark for consumers), whole batches, stopping before {@code maxBytes} is exceeded but
     * always returning at least one batch (Kafka's rule, so one large batch cannot stall a reader).
     * Returns the offset after the last batch read; {@link #lastReadBytes()} gives the bytes.
     */
    public long readEnd(long fetchOffset, long limitOffset, int maxBytes) {
        lastReadBytes = 0;
        lastReadBatches = 0;
        if (fetchOffset >= limitOffset) {
            return fetchOffset;
        }
        int i = indexOf(fetchOffset);
        long end = fetchOffset;
        int bytes = 0;
        int n = 0;
        while (i < size) {
            RecordBatch b = batch(i);
            if (b.nextOffset() > limitOffset) {
                break;
            }
            if (n > 0 && bytes + b.sizeInBytes() > maxBytes) {
                break;
            }
            bytes += b.sizeInBytes();
            end = b.nextOffset();
            n++;
            i++;
        }
        lastReadBytes = bytes;
        lastReadBatches = n;
        return end;
    }

    public int lastReadBytes() {
        return lastReadBytes;
    }

    public int lastReadBatches() {
        return lastReadBatches;
    }

    /** Drops batches that end at or before {@code offset}: nobody will read them again. */
    public void truncateBefore(long offset) {
        while (size > 0) {
            RecordBatch b = ring[head];
            if (b.nextOffset() > offset) {
                break;
            }
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            logStartOffset = b.nextOffset();
        }
        if (size == 0) {
            logStartOffset = logEndOffset;
        }
    }

    private void grow() {
        RecordBatch[] n = new RecordBatch[ring.length * 2];
        long[] np = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (ring.length - 1);
            n[i] = ring[slot];
            np[i] = positions[slot];
        }
        Arrays.fill(ring, null);
        ring = n;
        positions = np;
        head = 0;
    }
}
