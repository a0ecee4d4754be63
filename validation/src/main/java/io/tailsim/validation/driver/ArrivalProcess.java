package io.tailsim.validation.driver;

import java.util.SplittableRandom;

/** Gaps between intended send times, in nanoseconds; fractions of a nanosecond are carried so the long-run rate is exact. */
public final class ArrivalProcess {
    private final Arrival kind;
    private final double meanGapNanos;
    private final SplittableRandom random;
    private double carry;

    public ArrivalProcess(Arrival kind, double recordsPerSec, SplittableRandom random) {
        if (!(recordsPerSec > 0)) throw new IllegalArgumentException("rate must be > 0, got " + recordsPerSec);
        this.kind = kind;
        this.meanGapNanos = 1e9 / recordsPerSec;
        this.random = random;
    }

    /** A uniform phase in [0, mean gap), so producers at one rate do not send in lock-step. */
    public long firstOffsetNanos() {
        return (long) (random.nextDouble() * meanGapNanos);
    }

    public long nextGapNanos() {
        double gap = switch (kind) {
            case CONSTANT -> meanGapNanos;
            case POISSON -> -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
        };
        double exact = gap + carry;
        long whole = (long) exact;
        carry = exact - whole;
        return whole;
    }

    public double meanGapNanos() {
        return meanGapNanos;
    }
}
