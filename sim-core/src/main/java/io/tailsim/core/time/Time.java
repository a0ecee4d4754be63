package io.tailsim.core.time;

/** Simulated time is a long count of nanoseconds; these convert to and from the units people use. */
public final class Time {
    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;

    private Time() {
    }

    public static long ofMillis(double ms) {
        return Math.round(ms * MILLISECOND);
    }

    public static long ofMicros(double us) {
        return Math.round(us * MICROSECOND);
    }

    public static long ofSeconds(double s) {
        return Math.round(s * SECOND);
    }

    public static double toMillis(long nanos) {
        return nanos / (double) MILLISECOND;
    }

    public static double toMicros(long nanos) {
        return nanos / (double) MICROSECOND;
    }

    public static double toSeconds(long nanos) {
        return nanos / (double) SECOND;
    }
}
