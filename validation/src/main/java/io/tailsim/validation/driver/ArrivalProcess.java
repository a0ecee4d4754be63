package io.tailsim.validation.driver;

import java.util.SplittableRandom;

/**
 * Gaps between intended send times of an open-loop process, in nanoseconds; fractions of a nanosecond are carried so the
 * long-run rate is exact. On-off follows the simulator's Application: an exponential on period, Poisson sends at the on-rate
 * inside it, and a send that would fall past the on period is replaced by the first send of a later on period.
 */
public final class ArrivalProcess {
    private final Arrival kind;
    private final double meanGapNanos;
    private final SplittableRandom random;
    private double carry;
    // on-off state, relative to the first send: the current time and the end of the current on period
    private double onOffNow;
    private double onUntil = Double.NaN;

    public ArrivalProcess(Arrival kind, double recordsPerSec, SplittableRandom random) {
        if (!(recordsPerSec > 0)) throw new IllegalArgumentException("rate must be > 0, got " + recordsPerSec);
        if (!kind.openLoop()) throw new IllegalArgumentException(kind + " is not an open-loop arrival process");
        this.kind = kind;
        double rate = recordsPerSec;
        if (kind instanceof Arrival.OnOff o) rate = recordsPerSec * (o.meanOnNanos() + o.meanOffNanos()) / o.meanOnNanos();
        this.meanGapNanos = 1e9 / rate;
        this.random = random;
    }

    /** A uniform phase in [0, mean gap), so producers at one rate do not send in lock-step. */
    public long firstOffsetNanos() {
        return (long) (random.nextDouble() * meanGapNanos);
    }

    public long nextGapNanos() {
        double gap;
        if (kind instanceof Arrival.Constant) {
            gap = meanGapNanos;
        } else if (kind instanceof Arrival.Poisson) {
            gap = exponential(meanGapNanos);
        } else {
            gap = onOffGap((Arrival.OnOff) kind);
        }
        double exact = gap + carry;
        long whole = (long) exact;
        carry = exact - whole;
        return whole;
    }

    private double onOffGap(Arrival.OnOff o) {
        if (Double.isNaN(onUntil)) onUntil = exponential(o.meanOnNanos());
        double t = onOffNow + exponential(meanGapNanos);
        while (t > onUntil) {
            double offEnd = onUntil + exponential(o.meanOffNanos());
            onUntil = offEnd + exponential(o.meanOnNanos());
            t = offEnd + exponential(meanGapNanos);
        }
        double gap = t - onOffNow;
        onOffNow = t;
        return gap;
    }

    private double exponential(double mean) {
        return -Math.log(1.0 - random.nextDouble()) * mean;
    }

    public double meanGapNanos() {
        return meanGapNanos;
    }
}
