package io.tailsim.models.config;

/**
 * When a producer's application calls send(). Rates are records per second per producer.
 * {@link Saturating} means "as fast as the produce logic allows": send() is called again as soon as
 * the previous one returns, so throughput is bounded by buffer.memory back-pressure (the acks
 * experiment).
 */
public sealed interface ArrivalProcess {
    record Constant(double recordsPerSecond) implements ArrivalProcess {
        public Constant {
            ConfigException.requirePositive("rate", recordsPerSecond);
        }
    }

    record Poisson(double recordsPerSecond) implements ArrivalProcess {
        public Poisson {
            ConfigException.requirePositive("rate", recordsPerSecond);
        }
    }

    /** Exponentially distributed on and off periods; Poisson arrivals at {@code onRecordsPerSecond} while on. */
    record OnOff(double onRecordsPerSecond, long meanOnNanos, long meanOffNanos) implements ArrivalProcess {
        public OnOff {
            ConfigException.requirePositive("rate", onRecordsPerSecond);
            ConfigException.requirePositive("on", meanOnNanos);
            ConfigException.requirePositive("off", meanOffNanos);
        }
    }

    /** Closed loop: the application sends as fast as the producer accepts records. */
    record Saturating() implements ArrivalProcess {
    }

    /**
     * Trogdor's ProduceBench throttle (trogdor/.../workload/ProduceBenchWorker, Throttle, WorkerUtils):
     * each wall-clock period of {@code periodNanos} (Trogdor: 100 ms) the worker calls send()
     * {@code max(1, (int) (recordsPerSecond * period))} times back to back, then, unless skipFlush,
     * calls producer.flush() (every batch becomes sendable at once and the worker waits for all
     * acknowledgements) and sleeps until the next period starts. Periods are aligned to the wall
     * clock, so producers on different machines burst together, up to {@code maxClockSkewNanos}
     * apart (each machine draws its clock offset uniformly in [0, skew); producers on one machine share it).
     */
    record TrogdorThrottle(double recordsPerSecond, long periodNanos, boolean flush, long maxClockSkewNanos)
            implements ArrivalProcess {
        public TrogdorThrottle {
            ConfigException.requirePositive("rate", recordsPerSecond);
            ConfigException.requirePositive("period", periodNanos);
            ConfigException.requireNonNegative("clock-skew", maxClockSkewNanos);
        }

        /** Records sent per period, as Trogdor's WorkerUtils.perSecToPerPeriod computes it. */
        public int recordsPerPeriod() {
            float perPeriod = (float) recordsPerSecond * (periodNanos / 1e9f);
            return (int) Math.max(1.0f, perPeriod);
        }
    }

    /** Mean records per second per producer (for saturating: NaN, unknown in advance). */
    default double meanRate() {
        if (this instanceof Constant c) {
            return c.recordsPerSecond();
        } else if (this instanceof Poisson p) {
            return p.recordsPerSecond();
        } else if (this instanceof OnOff o) {
            return o.onRecordsPerSecond() * o.meanOnNanos() / (double) (o.meanOnNanos() + o.meanOffNanos());
        } else if (this instanceof TrogdorThrottle t) {
            return t.recordsPerPeriod() * 1e9 / t.periodNanos();
        }
        return Double.NaN;
    }
}
