package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;
import java.util.Arrays;

/**
 * A distribution taken from measured samples, in one of two readings:
 *
 * <ul>
 *   <li>{@link #interpolated}: the inverse of the piecewise-linear empirical CDF through the sorted
 *       samples x(1) &lt;= ... &lt;= x(n), with F(x(i)) = (i-1)/(n-1) (Law and Kelton). Draws are
 *       continuous and stay within [x(1), x(n)]: the right choice for a measured service time, which
 *       should not repeat the same few values. Equivalently, a mixture of n-1 equally likely uniforms
 *       on the gaps between consecutive samples, which is how mean() and variance() are computed.
 *   <li>{@link #resampled}: each draw is one of the samples, uniformly at random (the bootstrap):
 *       for discrete quantities such as batch sizes, or to replay a trace's exact values.
 * </ul>
 *
 * Either way a draw costs one uniform.
 */
public final class Empirical implements Distribution {
    private final double[] sorted;
    private final int count;
    private final boolean interpolate;
    private final double mean;
    private final double variance;

    private Empirical(double[] sorted, int count, boolean interpolate, double mean, double variance) {
        this.sorted = sorted;
        this.count = count;
        this.interpolate = interpolate;
        this.mean = mean;
        this.variance = variance;
    }

    /** Inverse of the linearly interpolated empirical CDF; a single sample gives that value always. */
    public static Empirical interpolated(double... samples) {
        double[] x = validSorted(samples);
        int count = x.length;
        if (count == 1) {
            // One gap of width zero keeps the sampling path free of a special case.
            x = new double[] {x[0], x[0]};
        }
        int gaps = x.length - 1;
        double sum = 0;
        for (int i = 0; i < gaps; i++) {
            sum += (x[i] + x[i + 1]) / 2;
        }
        double mean = sum / gaps;
        // Law of total variance over the gaps: spread of the gap midpoints plus each uniform's own.
        double ss = 0;
        for (int i = 0; i < gaps; i++) {
            double mid = (x[i] + x[i + 1]) / 2 - mean;
            double w = x[i + 1] - x[i];
            ss += mid * mid + w * w / 12;
        }
        return new Empirical(x, count, true, mean, ss / gaps);
    }

    /** Draws one of the samples, each with probability 1/n. */
    public static Empirical resampled(double... samples) {
        double[] x = validSorted(samples);
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new Empirical(x, x.length, false, mean, ss / x.length);
    }

    private static double[] validSorted(double[] samples) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("an empirical distribution needs at least one sample, got "
                    + (samples == null ? "null" : "0"));
        }
        for (int i = 0; i < samples.length; i++) {
            double v = samples[i];
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("empirical sample[" + i + "] must be non-negative and finite, was " + v);
            }
        }
        double[] x = samples.clone();
        Arrays.sort(x);
        return x;
    }

    /** Whether draws interpolate between samples (true) or repeat them (false). */
    public boolean isInterpolated() {
        return interpolate;
    }

    /** Number of samples the distribution was built from. */
    public int size() {
        return count;
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    @Override
    public double sample(RandomStream rng) {
        if (!interpolate) {
            return sorted[rng.nextInt(sorted.length)];
        }
        int gaps = sorted.length - 1;
        double p = rng.nextDouble() * gaps;
        int i = Math.min((int) p, gaps - 1);
        double lo = sorted[i];
        return lo + (p - i) * (sorted[i + 1] - lo);
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public String describe() {
        return "empirical(" + (interpolate ? "interpolated" : "resampled") + ", n=" + size()
                + ", min=" + Check.num(min()) + ", max=" + Check.num(max()) + ", mean=" + Check.num(mean) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
