package io.tailsim.validation.driver;

/** Driver-clock (System.nanoTime) instants of a run: producers send from start to stop; records intended in [windowStart, windowEnd) count. */
public record Schedule(long startNanos, long windowStartNanos, long windowEndNanos, long stopNanos) {
    public boolean inWindow(long intendedNanos) {
        return intendedNanos >= windowStartNanos && intendedNanos < windowEndNanos;
    }
}
