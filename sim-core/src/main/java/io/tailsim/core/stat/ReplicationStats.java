package io.tailsim.core.stat;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Summary of one quantity estimated once per independent replication (a mean wait, a p99): the
 * replication estimates are i.i.d., so the Student-t interval over them is valid even when the
 * observations inside a replication are strongly correlated. That is why percentiles get their
 * intervals this way too: each replication's p99 is one observation of "the p99 estimator".
 */
public final class ReplicationStats {
    public static final double DEFAULT_LEVEL = 0.95;

    private final double[] estimates;
    private final double mean;
    private final double stdDev;

    private ReplicationStats(double[] estimates) {
        this.estimates = estimates;
        Tally t = new Tally();
        for (double x : estimates) {
            t.add(x);
        }
        this.mean = t.mean();
        this.stdDev = t.stdDev();
    }

    /** Statistics over {@code estimates}, one per replication (copied). */
    public static ReplicationStats of(double[] estimates) {
        if (estimates.length == 0) {
            throw new IllegalArgumentException("no replication estimates");
        }
        return new ReplicationStats(estimates.clone());
    }

    /** Statistics over {@code estimate(result)} for each replication's result, in replication order. */
    public static <E> ReplicationStats of(List<E> results, ToDoubleFunction<? super E> estimate) {
        return of(results.stream().mapToDouble(estimate).toArray());
    }

    public int n() {
        return estimates.length;
    }

    /** Mean of the replication estimates: the point estimate. */
    public double mean() {
        return mean;
    }

    /** Sample standard deviation across replications (NaN for one replication). */
    public double stdDev() {
        return stdDev;
    }

    public double[] estimates() {
        return estimates.clone();
    }

    /** The 95% Student-t interval. */
    public ConfidenceInterval confidenceInterval() {
        return confidenceInterval(DEFAULT_LEVEL);
    }

    /** mean ± t(1-(1-level)/2, n-1) · s / sqrt(n). */
    public ConfidenceInterval confidenceInterval(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " is outside (0, 1)");
        }
        int n = estimates.length;
        if (n < 2) {
            return ConfidenceInterval.of(mean, Double.NaN, n, level);
        }
        // A null RandomGenerator: we only need the quantile function, not sampling.
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return ConfidenceInterval.of(mean, t * stdDev / Math.sqrt(n), n, level);
    }

    @Override
    public String toString() {
        return "ReplicationStats[" + confidenceInterval() + ", estimates=" + Arrays.toString(estimates) + "]";
    }
}
