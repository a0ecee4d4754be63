package io.tailsim.validation.driver;

/**
 * When a producer's thread calls send(). Open-loop processes ({@link Constant}, {@link Poisson}, {@link OnOff}) fix each
 * record's intended send time in advance, and latency runs from that time whatever send() does. {@link Trogdor} and
 * {@link Saturating} are closed loop (the next call waits for the previous one, or for a flush), so a record's intended
 * time is the moment its send() is called, as Trogdor and the simulator measure it.
 */
public sealed interface Arrival {
    Arrival CONSTANT = new Constant();
    Arrival POISSON = new Poisson();
    Arrival SATURATING = new Saturating();

    /** Evenly spaced sends at the producer's rate. */
    record Constant() implements Arrival {
    }

    /** Exponential gaps at the producer's rate. */
    record Poisson() implements Arrival {
    }

    /**
     * Exponential on and off periods with these means; Poisson sends while on, at rate x (on + off) / on, so the long-run rate
     * is the producer's rate.
     */
    record OnOff(long meanOnNanos, long meanOffNanos) implements Arrival {
        public OnOff {
            if (meanOnNanos <= 0 || meanOffNanos <= 0)
                throw new IllegalArgumentException("on-off periods must be > 0, got on " + meanOnNanos + " ns, off " + meanOffNanos + " ns");
        }
    }

    /**
     * Trogdor ProduceBench's throttle (trogdor/.../ProduceBenchWorker, Throttle): each period's quota of send() calls back to
     * back, then (unless {@code flush} is false) producer.flush(), then a wait for the next period less the time the flush took.
     * Periods start at the schedule's start plus the machine's clock offset, drawn once for the driver in [0, maxClockSkewNanos):
     * Trogdor's throttle follows the wall clock (now / period), so producers on one machine burst together and machines' clocks
     * differ by up to the skew; the driver is one machine (the simulator's Host.clockOffset likewise).
     */
    record Trogdor(long periodNanos, boolean flush, long maxClockSkewNanos) implements Arrival {
        /** Trogdor's THROTTLE_PERIOD_MS. */
        public static final long DEFAULT_PERIOD_NANOS = 100_000_000L;

        public Trogdor {
            if (periodNanos <= 0) throw new IllegalArgumentException("trogdor period must be > 0, got " + periodNanos + " ns");
            if (maxClockSkewNanos < 0) throw new IllegalArgumentException("trogdor clock skew must be >= 0, got " + maxClockSkewNanos + " ns");
        }

        /** Sends per period, as Trogdor's WorkerUtils.perSecToPerPeriod computes it (float arithmetic, at least one). */
        public int recordsPerPeriod(double recordsPerSec) {
            float perPeriod = (float) recordsPerSec * (periodNanos / 1e9f);
            return (int) Math.max(1.0f, perPeriod);
        }

        /** The rate a producer actually offers: whole records per period. */
        public double effectiveRecordsPerSec(double recordsPerSec) {
            return recordsPerPeriod(recordsPerSec) * 1e9 / periodNanos;
        }
    }

    /** send() again as soon as the last call returns: bounded only by buffer.memory and max.in.flight. */
    record Saturating() implements Arrival {
    }

    /** Whether intended send times come from a schedule fixed in advance. */
    default boolean openLoop() {
        return this instanceof Constant || this instanceof Poisson || this instanceof OnOff;
    }
}
