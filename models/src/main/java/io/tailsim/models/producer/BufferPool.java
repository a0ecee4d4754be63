package io.tailsim.models.producer;

/**
 * The producer's buffer.memory (BufferPool): each new batch takes max(batch.size, one record's
 * upper bound) bytes until it is acknowledged. When a new batch does not fit, send() blocks until
 * enough is freed; while a thread waits the pool is "exhausted" and every batch becomes sendable.
 * Counts bytes only (no free-list of pooled buffers: the amounts are the same).
 */
final class BufferPool {
    private final long totalMemory;
    private long available;
    private long waitingFor;

    BufferPool(long totalMemory) {
        this.totalMemory = totalMemory;
        this.available = totalMemory;
    }

    /** Takes {@code size} bytes; false (and the caller waits) when not available. */
    boolean tryAllocate(long size) {
        if (size > totalMemory) {
            throw new IllegalArgumentException("a batch of " + size + " bytes exceeds buffer.memory " + totalMemory);
        }
        if (available >= size) {
            available -= size;
            waitingFor = 0;
            return true;
        }
        waitingFor = size;
        return false;
    }

    /** Returns {@code size} bytes; true when a waiting send() can now proceed. */
    boolean deallocate(long size) {
        available += size;
        if (available > totalMemory) {
            throw new IllegalStateException("buffer pool over-freed: " + available + " > " + totalMemory);
        }
        return waitingFor > 0 && available >= waitingFor;
    }

    boolean exhausted() {
        return waitingFor > 0;
    }

    long available() {
        return available;
    }

    long totalMemory() {
        return totalMemory;
    }
}
