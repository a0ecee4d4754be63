package io.tailsim.cli.bench;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;

/**
 * The classic hold model: {@code pending} events wait in the future event list; firing the earliest
 * schedules one more after a delay drawn U(0, 2 * mean), so the pending count never changes.
 *
 * <p>Every engine draws its delays, in firing order, from a fresh stream with the same seed. The times
 * fired then depend only on the draws, not on the engine, so a correct engine ends at the same clock.
 */
public record HoldModel(int pending, long meanDelayNanos, long seed) {
    /** One second: ties between nanosecond times stay negligible even at 10^6 pending. */
    public static final long DEFAULT_MEAN_DELAY_NANOS = 1_000_000_000L;
    public static final long DEFAULT_SEED = 20250101L;

    public HoldModel {
        if (pending < 1) {
            throw new IllegalArgumentException("pending must be at least 1, got " + pending);
        }
        if (meanDelayNanos < 1) {
            throw new IllegalArgumentException("mean delay must be at least 1 ns, got " + meanDelayNanos);
        }
    }

    public static HoldModel of(int pending) {
        return new HoldModel(pending, DEFAULT_MEAN_DELAY_NANOS, DEFAULT_SEED);
    }

    /** A fresh delay stream: every engine gets identical draws. */
    RandomStream newRandom() {
        return new RandomStreams(seed).newStream("hold");
    }

    double twiceMean() {
        return 2.0 * meanDelayNanos;
    }

    /** A delay U[0, 2 * mean) in whole nanoseconds, exact as a double too (so SSJ sees the same value). */
    static long draw(RandomStream rng, double twiceMean) {
        return (long) (rng.nextDouble() * twiceMean);
    }
}
