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

    /** Mean records per second per producer (for saturating: NaN, unknown in advance). */
    default double meanRate() {
        if (this instanceof Constant c) {
            return c.recordsPerSecond();
        } else if (this instanceof Poisson p) {
            return p.recordsPerSecond();
        } else if (this instanceof OnOff o) {
            return o.onRecordsPerSecond() * o.meanOnNanos() / (double) (o.meanOnNanos() + o.meanOffNanos());
        }
        return Double.NaN;
    }
}
