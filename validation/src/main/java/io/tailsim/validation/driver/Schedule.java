package io.tailsim.validation.driver;

import java.util.concurrent.TimeUnit;

/**
 * Driver-clock (System.nanoTime) instants of a run: producers send from start to stop; records intended in [windowStart,
 * windowEnd) count; the counters' snapshots come SNAPSHOT_LEAD_NANOS before the window and SNAPSHOT_LAG_NANOS after it.
 */
public record Schedule(long startNanos, long windowStartNanos, long windowEndNanos, long stopNanos) {
    /**
     * The counters' snapshots (every broker's JMX over RMI, with a thread dump; /proc for every thread) load the shared
     * machine for half a second or more, and under a high load the queues they leave take seconds to drain: taken as the
     * window opened, they held linger-steady-0's first three seconds at a median of 21 ms against 2 ms for the rest, and most
     * of its p99 (2026-12-07, validation/README.md). So they are taken this long before the window opens ...
     */
    public static final long SNAPSHOT_LEAD_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** ... and this long after it closes, once its records have been acknowledged, while the load goes on. */
    public static final long SNAPSHOT_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    public boolean inWindow(long intendedNanos) {
        return intendedNanos >= windowStartNanos && intendedNanos < windowEndNanos;
    }

    /** The counters' first snapshot: SNAPSHOT_LEAD_NANOS before the window (before the load starts if the warm-up is shorter). */
    public long countersStartNanos() {
        return windowStartNanos - SNAPSHOT_LEAD_NANOS;
    }

    /** The counters' last snapshot: SNAPSHOT_LAG_NANOS after the window, or as the producers stop if they stop sooner. */
    public long countersEndNanos() {
        return Math.min(windowEndNanos + SNAPSHOT_LAG_NANOS, stopNanos);
    }
}
