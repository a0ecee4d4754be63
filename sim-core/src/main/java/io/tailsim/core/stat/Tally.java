package io.tailsim.core.stat;

/**
 * Count, mean, variance, min and max of a stream of observations (SSJ's Tally). Mean and variance
 * use Welford's update, and merging uses Chan, Golub and LeVeque's pairwise formula, so neither
 * loses precision when the mean is large next to the spread (waits in nanoseconds are ~1e6 with
 * differences of a few units).
 *
 * <p>Not thread-safe; merge per-replication tallies with {@link #add(Tally)}.
 */
public final class Tally {
    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds one observation. */
    public void add(double x) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    /** Merges {@code other}'s observations into this tally. */
    public void add(Tally other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            n = other.n;
            mean = other.mean;
            m2 = other.m2;
            min = other.min;
            max = other.max;
            return;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * other.n / total;
        m2 += other.m2 + delta * delta * ((double) n * other.n / total);
        n = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Forgets every observation (a reset at warm-up end). */
    public void reset() {
        n = 0;
        mean = 0;
        m2 = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    public long count() {
        return n;
    }

    /** Sample mean, NaN when empty. */
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** Unbiased sample variance (divisor n-1), NaN with fewer than two observations. */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    public double stdDev() {
        return Math.sqrt(variance());
    }

    public double sum() {
        return n == 0 ? 0 : mean * n;
    }

    /** Smallest observation, NaN when empty. */
    public double min() {
        return n == 0 ? Double.NaN : min;
    }

    /** Largest observation, NaN when empty. */
    public double max() {
        return n == 0 ? Double.NaN : max;
    }

    @Override
    public String toString() {
        return "Tally[n=" + n + ", mean=" + mean() + ", sd=" + stdDev() + ", min=" + min() + ", max=" + max() + "]";
    }
}
