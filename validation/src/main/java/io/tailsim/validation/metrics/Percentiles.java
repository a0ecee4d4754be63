package io.tailsim.validation.metrics;

import java.util.Arrays;

/** Measured values at 0%, 1%, ..., 100%: what a profile's empirical distributions are written from. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The values of {@code xs} at whole percents, 101 of them (the nearest rank; xs is not changed). */
    public static double[] atWholePercents(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        double[] q = new double[101];
        for (int p = 0; p <= 100; p++) q[p] = s[(int) Math.round(p / 100.0 * (s.length - 1))];
        return q;
    }
}
