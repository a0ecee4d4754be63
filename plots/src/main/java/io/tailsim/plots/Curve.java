package io.tailsim.plots;

import java.util.Arrays;
import java.util.Objects;

/**
 * What every XY figure draws: a named line of points (x, y), each optionally with a 95% interval
 * [low, high] on y. Time series are curves whose x is seconds of simulated time; a curve without
 * intervals has {@code low} and {@code high} null. NaN points are gaps (nothing measured there).
 */
public record Curve(String name, double[] x, double[] y, double[] low, double[] high) {

    public Curve {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException(name + ": give both interval ends or neither");
        }
        if (low != null && (low.length != x.length || high.length != x.length)) {
            throw new IllegalArgumentException(name + ": interval arrays differ in length from x");
        }
    }

    /** A curve without intervals. */
    public static Curve of(String name, double[] x, double[] y) {
        return new Curve(name, x, y, null, null);
    }

    public int size() {
        return x.length;
    }

    /** True when at least one point carries a proper interval (low < high). */
    public boolean hasIntervals() {
        if (low == null) {
            return false;
        }
        for (int i = 0; i < low.length; i++) {
            if (low[i] < high[i]) {
                return true;
            }
        }
        return false;
    }

    /** The same curve with every x and y (and interval) multiplied: seconds to minutes, fractions to %. */
    public Curve scaled(double xFactor, double yFactor) {
        return new Curve(name, times(x, xFactor), times(y, yFactor), times(low, yFactor), times(high, yFactor));
    }

    private static double[] times(double[] a, double f) {
        return a == null ? null : Arrays.stream(a).map(v -> v * f).toArray();
    }
}
