package io.tailsim.models.storage;

import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.models.config.HardwareProfile;

/**
 * A broker host's page cache and disk, as a fluid model. Log appends dirty the cache; background
 * write-back drains dirty bytes at the disk's write bandwidth while more than
 * {@code dirtyBackgroundBytes} are dirty (Linux's dirty_background threshold); a writer that would
 * push dirty data past {@code dirtyLimitBytes} stalls until write-back has made room (Linux's
 * balance_dirty_pages). Optional disk stalls (an EBS hiccup) stop write-back for a drawn duration.
 *
 * <p>Kafka does not fsync by default (log.flush.interval.messages = Long.MAX_VALUE), so appends
 * cost a memory copy plus this back-pressure only. Reads of recently written data (followers,
 * caught-up consumers) hit the cache; {@link #readDelay} prices a read of data further behind
 * the tail than the cache holds.
 *
 * <p>Left out: the 30 s dirty-expire write-back, read-ahead, per-file flushing, cache eviction
 * order beyond "the newest pageCacheBytes are resident".
 */
public final class PageCache {
    private final Simulator sim;
    private final double writeBytesPerNano;
    private final double readNanosPerByte;
    private final HardwareProfile.Disk disk;
    private final RandomStream rng;

    private double dirty;
    private long last;
    private long stalledUntil = -1;
    private long nextStallAt = Long.MAX_VALUE;
    private double writeBusyNanos;
    private double bytesWritten;
    private long writerStallNanos;

    public PageCache(Simulator sim, HardwareProfile.Disk disk, RandomStream rng) {
        this.sim = sim;
        this.disk = disk;
        this.rng = rng;
        this.writeBytesPerNano = disk.writeBytesPerSecond() / 1e9;
        this.readNanosPerByte = 1e9 / disk.readBytesPerSecond();
        this.last = sim.now();
        if (disk.stallInterval() != null && disk.stallDuration() != null) {
            nextStallAt = last + Math.max(1, Math.round(disk.stallInterval().sample(rng)));
        }
    }

    /** Brings the fluid state to now: write-back progress, disk stalls starting and ending. */
    private void advance() {
        long now = sim.now();
        while (last < now) {
            long segmentEnd = now;
            boolean stalled = stalledUntil > last;
            if (stalled) {
                segmentEnd = Math.min(now, stalledUntil);
            } else if (nextStallAt < now) {
                segmentEnd = nextStallAt;
            }
            if (!stalled) {
                drain(segmentEnd - last);
            }
            last = segmentEnd;
            if (!stalled && last == nextStallAt) {
                stalledUntil = last + Math.max(0, Math.round(disk.stallDuration().sample(rng)));
                nextStallAt = stalledUntil + Math.max(1, Math.round(disk.stallInterval().sample(rng)));
            }
        }
    }

    private void drain(long dt) {
        double above = dirty - disk.dirtyBackgroundBytes();
        if (above <= 0 || dt <= 0) {
            return;
        }
        double can = writeBytesPerNano * dt;
        double w = Math.min(above, can);
        dirty -= w;
        bytesWritten += w;
        writeBusyNanos += w / writeBytesPerNano;
    }

    /**
     * Appends {@code bytes} to the cache now. Returns how long the writing thread stalls (ns)
     * because dirty data would exceed the dirty limit; the bytes count as dirty at once.
     */
    public long write(int bytes) {
        advance();
        dirty += bytes;
        double excess = dirty - disk.dirtyLimitBytes();
        if (excess <= 0) {
            return 0;
        }
        // Wait for write-back to bring dirty data back to the limit, through any current stall.
        long wait = 0;
        long now = sim.now();
        if (stalledUntil > now) {
            wait += stalledUntil - now;
        }
        wait += (long) Math.ceil(excess / writeBytesPerNano);
        writerStallNanos += wait;
        return wait;
    }

    /**
     * Time to read {@code bytes} that lie {@code bytesBehindTail} bytes behind the newest data:
     * zero when resident in the page cache, else the disk's latency plus transfer time.
     */
    public long readDelay(long bytesBehindTail, int bytes) {
        if (bytesBehindTail + bytes <= disk.pageCacheBytes()) {
            return 0;
        }
        double latency = disk.readLatency() == null ? 0 : disk.readLatency().sample(rng);
        return Math.round(latency + bytes * readNanosPerByte);
    }

    public double dirtyBytes() {
        advance();
        return dirty;
    }

    /** Fraction of time since the last reset the disk spent writing back. */
    public double utilisation(long sinceNanos) {
        advance();
        long span = sim.now() - sinceNanos;
        return span <= 0 ? Double.NaN : Math.min(1.0, writeBusyNanos / span);
    }

    /** Bytes written back to disk since the last reset. */
    public double bytesWrittenBack() {
        advance();
        return bytesWritten;
    }

    public long writerStallNanos() {
        return writerStallNanos;
    }

    public void resetStats() {
        advance();
        writeBusyNanos = 0;
        bytesWritten = 0;
        writerStallNanos = 0;
    }
}
