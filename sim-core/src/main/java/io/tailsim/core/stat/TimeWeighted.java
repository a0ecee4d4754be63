package io.tailsim.core.stat;

/**
 * The time average of a piecewise-constant quantity: busy servers (utilisation), queue length,
 * bytes in a buffer. The value holds from one {@link #update} to the next, and
 * {@link #average(long)} integrates it over [start, now].
 *
 * <p>Reset at warm-up end with {@link #reset(long)}: the integral restarts from that instant and
 * the current value carries over, because the quantity itself does not change when we start
 * watching it.
 */
public final class TimeWeighted {
    private long startNanos;
    private long lastNanos;
    private double value;
    private double integral;
    private double min;
    private double max;

    /** Starts observing at {@code startNanos} with the quantity at {@code initialValue}. */
    public TimeWeighted(long startNanos, double initialValue) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
        this.value = initialValue;
        this.min = initialValue;
        this.max = initialValue;
    }

    /** Starts at time 0 with value 0. */
    public TimeWeighted() {
        this(0, 0);
    }

    /** The quantity becomes {@code newValue} at {@code nowNanos}. */
    public void update(long nowNanos, double newValue) {
        advance(nowNanos);
        value = newValue;
        if (newValue < min) {
            min = newValue;
        }
        if (newValue > max) {
            max = newValue;
        }
    }

    /** The quantity changes by {@code delta} at {@code nowNanos} (+1 on arrival, -1 on departure). */
    public void add(long nowNanos, double delta) {
        update(nowNanos, value + delta);
    }

    private void advance(long nowNanos) {
        if (nowNanos < lastNanos) {
            throw new IllegalArgumentException("time went backwards: " + nowNanos + "ns < last update "
                    + lastNanos + "ns");
        }
        integral += value * (nowNanos - lastNanos);
        lastNanos = nowNanos;
    }

    /** Restarts the average at {@code nowNanos}, keeping the current value. */
    public void reset(long nowNanos) {
        advance(nowNanos);
        startNanos = nowNanos;
        integral = 0;
        min = value;
        max = value;
    }

    /** The current value. */
    public double value() {
        return value;
    }

    /**
     * Time average over [start, {@code nowNanos}], the current value holding until {@code nowNanos};
     * NaN over an empty interval. Does not change the state.
     */
    public double average(long nowNanos) {
        if (nowNanos < lastNanos) {
            throw new IllegalArgumentException("time " + nowNanos + "ns is before the last update " + lastNanos + "ns");
        }
        long span = nowNanos - startNanos;
        if (span == 0) {
            return Double.NaN;
        }
        return integralAt(nowNanos) / span;
    }

    /** Integral of the value over [start, {@code nowNanos}], in value x nanoseconds. */
    public double integral(long nowNanos) {
        if (nowNanos < lastNanos) {
            throw new IllegalArgumentException("time " + nowNanos + "ns is before the last update " + lastNanos + "ns");
        }
        return integralAt(nowNanos);
    }

    private double integralAt(long nowNanos) {
        return integral + value * (nowNanos - lastNanos);
    }

    /** Start of the averaging window (construction or the last reset). */
    public long startNanos() {
        return startNanos;
    }

    /** Smallest value held since the start of the window. */
    public double min() {
        return min;
    }

    /** Largest value held since the start of the window. */
    public double max() {
        return max;
    }

    @Override
    public String toString() {
        return "TimeWeighted[value=" + value + ", since=" + startNanos + "ns, avg@" + lastNanos + "ns="
                + average(lastNanos) + "]";
    }
}
