package io.tailsim.plots;

import io.tailsim.core.stat.ConfidenceInterval;
import io.tailsim.core.stat.IntervalSeries;
import io.tailsim.core.stat.ReplicationStats;
import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.List;

/**
 * Percentile-distribution and CDF curves from one histogram per replication. Each point is the
 * mean over replications of that replication's own value, with the Student-t 95% interval over
 * them: the same estimator summary.json uses for its percentiles, so the curves pass through the
 * table's figures. Values in the histograms are nanoseconds; curves are in milliseconds.
 */
public final class ReplicatedCurves {
    /** Points per decade of "nines" (percentile curve) or of latency (CDF). */
    static final int POINTS_PER_DECADE = 20;
    private static final double NANOS_PER_MS = 1e6;

    private ReplicatedCurves() {
    }

    /**
     * Latency (ms) against x = log10(1 / (1 - p)), p the quantile: x = 0 is the minimum, 1 is p90,
     * 2 is p99 and so on, up to the highest percentile every replication has a record for.
     * Null when some replication has fewer than two records.
     */
    public static Curve percentiles(String name, List<Histogram> reps) {
        long n = reps.stream().mapToLong(Histogram::getTotalCount).min().orElse(0);
        if (n < 2) {
            return null;
        }
        double top = Math.log10(n);
        int steps = (int) Math.floor(top * POINTS_PER_DECADE);
        boolean extra = steps < top * POINTS_PER_DECADE;
        int size = steps + 1 + (extra ? 1 : 0);
        double[] x = new double[size];
        for (int i = 0; i <= steps; i++) {
            x[i] = (double) i / POINTS_PER_DECADE;
        }
        if (extra) {
            x[size - 1] = top;
        }
        double[][] perRep = new double[size][reps.size()];
        for (int i = 0; i < size; i++) {
            double percentile = 100 * (1 - Math.pow(10, -x[i]));
            for (int r = 0; r < reps.size(); r++) {
                perRep[i][r] = reps.get(r).getValueAtPercentile(percentile) / NANOS_PER_MS;
            }
        }
        return pooled(name, x, perRep);
    }

    /**
     * Fraction of records at or below x ms, on a log-spaced grid from the smallest non-zero value to
     * the largest any replication recorded. Null when nothing non-zero was recorded.
     */
    public static Curve cdf(String name, List<Histogram> reps) {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (Histogram h : reps) {
            if (h.getTotalCount() > 0 && h.getMaxValue() > 0) {
                lo = Math.min(lo, h.getMinNonZeroValue());
                hi = Math.max(hi, h.getMaxValue());
            }
        }
        if (hi == 0) {
            return null;
        }
        double decades = Math.log10((double) hi / lo);
        int size = Math.max(2, (int) Math.ceil(decades * POINTS_PER_DECADE) + 1);
        double[] x = new double[size];
        double[][] perRep = new double[size][reps.size()];
        for (int i = 0; i < size; i++) {
            double ns = lo * Math.pow((double) hi / lo, (double) i / (size - 1));
            x[i] = ns / NANOS_PER_MS;
            for (int r = 0; r < reps.size(); r++) {
                perRep[i][r] = reps.get(r).getPercentileAtOrBelowValue((long) Math.floor(ns)) / 100;
            }
        }
        return pooled(name, x, perRep);
    }

    /**
     * Percentile {@code p} (0..100) of each interval of a time series, ms, as the mean over
     * replications with its 95% interval; x is the interval's middle in seconds of simulated time.
     * The input the partition figure's per-broker latency lines take once the model writes interval
     * logs ({@link IntervalSeries#readLogs}). Intervals past the shortest replication are dropped;
     * an interval empty in some replication is a gap (NaN).
     */
    public static Curve percentileOverTime(String name, List<IntervalSeries> reps, double p) {
        int n = reps.stream().mapToInt(IntervalSeries::size).min().orElse(0);
        double[] x = new double[n];
        double[][] perRep = new double[n][reps.size()];
        for (int r = 0; r < reps.size(); r++) {
            double[] values = reps.get(r).percentileSeries(p);
            for (int i = 0; i < n; i++) {
                perRep[i][r] = values[i];
            }
        }
        for (int i = 0; i < n; i++) {
            IntervalSeries.Interval in = reps.get(0).intervals().get(i);
            x[i] = (in.startNanos() + in.endNanos()) / 2e9;
        }
        return pooled(name, x, perRep);
    }

    private static Curve pooled(String name, double[] x, double[][] perRep) {
        double[] y = new double[x.length];
        double[] low = new double[x.length];
        double[] high = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Arrays.stream(perRep[i]).anyMatch(Double::isNaN)) {
                y[i] = low[i] = high[i] = Double.NaN;
                continue;
            }
            double[] band = meanAndInterval(perRep[i]);
            y[i] = band[0];
            low[i] = band[1];
            high[i] = band[2];
        }
        return perRep.length > 0 && perRep[0].length > 1 ? new Curve(name, x, y, low, high) : Curve.of(name, x, y);
    }

    /** {mean, low, high}; the interval ends are the mean itself with fewer than two replications. */
    static double[] meanAndInterval(double[] estimates) {
        ReplicationStats stats = ReplicationStats.of(estimates);
        if (stats.n() < 2) {
            return new double[] {stats.mean(), stats.mean(), stats.mean()};
        }
        ConfidenceInterval ci = stats.confidenceInterval();
        return new double[] {stats.mean(), ci.low(), ci.high()};
    }
}
