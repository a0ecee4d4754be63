package io.tailsim.core.stat;

import java.util.Arrays;

/**
 * Warm-up (initial transient) removal for an output series: fixed truncation, or MSER-5.
 *
 * <p>MSER (White 1997, "An effective truncation heuristic for bias reduction in simulation output",
 * Simulation 69(6); MSER-5 as in White, Cobb and Spratt 2000): batch the series into means of 5,
 * Z_1..Z_k (a trailing partial batch is dropped), and choose the number of batches d to delete
 * that minimises the marginal standard error
 * <pre>
 *   MSER(d) = 1/(k-d)^2 · Σ_{j=d+1..k} (Z_j - mean(Z_{d+1..k}))^2
 * </pre>
 * over d in [0, k/2] (the search stops at half the series: a minimum beyond that says the run is
 * too short to have reached steady state, which {@link Mser#atLimit()} flags). The truncation point
 * is 5·d observations.
 */
public final class Warmup {
    private Warmup() {
    }

    /**
     * MSER-5 outcome: delete the first {@code truncation} observations ({@code batchesDeleted} batches
     * of {@code batchSize}); {@code statistic} is the minimal MSER value; {@code atLimit} is true when
     * the minimum sits at the end of the search range, i.e. the warm-up may be longer than the run
     * can show.
     */
    public record Mser(int truncation, int batchesDeleted, int batches, int batchSize, double statistic,
                       boolean atLimit) {
    }

    /** MSER-5 truncation point: how many leading observations of {@code series} to delete. */
    public static int mser5(double[] series) {
        return mser(series, 5).truncation();
    }

    /** MSER with batch means of {@code batchSize} (1 gives plain MSER). Needs at least 4 full batches. */
    public static Mser mser(double[] series, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        int k = series.length / batchSize;
        if (k < 4) {
            throw new IllegalArgumentException("MSER needs at least 4 batches of " + batchSize + " ("
                    + 4 * batchSize + " observations); got " + series.length);
        }
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = j * batchSize, end = i + batchSize; i < end; i++) {
                s += series[i];
            }
            z[j] = s / batchSize;
        }
        int limit = k / 2;
        // Welford backwards over the suffix Z_{d+1..k}: stable even when the mean dwarfs the spread.
        double mean = 0;
        double m2 = 0;
        int m = 0;
        double[] mser = new double[limit + 1];
        for (int d = k - 1; d >= 0; d--) {
            m++;
            double delta = z[d] - mean;
            mean += delta / m;
            m2 += delta * (z[d] - mean);
            if (d <= limit) {
                mser[d] = m2 / ((double) m * m);
            }
        }
        int best = 0;
        for (int d = 1; d <= limit; d++) {
            if (mser[d] < mser[best]) {
                best = d;
            }
        }
        return new Mser(best * batchSize, best, k, batchSize, mser[best], best == limit);
    }

    /**
     * The point-wise mean of several replications' series over their common length: the series to
     * run MSER on when there are replications. One truncation point chosen from the ensemble is then
     * applied to every replication; choosing it per replication lets MSER cut whatever excursion
     * happens to sit early in each run, which pulls the truncated means low.
     */
    public static double[] ensembleMean(double[]... series) {
        if (series.length == 0) {
            throw new IllegalArgumentException("no series");
        }
        int n = Arrays.stream(series).mapToInt(x -> x.length).min().orElseThrow();
        double[] mean = new double[n];
        for (double[] x : series) {
            for (int i = 0; i < n; i++) {
                mean[i] += x[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= series.length;
        }
        return mean;
    }

    /** Fixed truncation: the number of observations in the first {@code fraction} of {@code n}. */
    public static int fixed(int n, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("warm-up fraction " + fraction + " is outside [0, 1)");
        }
        return (int) Math.floor(n * fraction);
    }

    /** The series without its first {@code truncation} observations. */
    public static double[] truncate(double[] series, int truncation) {
        if (truncation < 0 || truncation > series.length) {
            throw new IllegalArgumentException("truncation " + truncation + " outside [0, " + series.length + "]");
        }
        return Arrays.copyOfRange(series, truncation, series.length);
    }
}
