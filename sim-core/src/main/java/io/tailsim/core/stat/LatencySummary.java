package io.tailsim.core.stat;

import java.util.List;
import java.util.Locale;

/**
 * The figures a latency report quotes, all in milliseconds: the standard percentiles, the maximum
 * and the mean, with the number of values behind them. NaN figures mean nothing was recorded.
 */
public record LatencySummary(long count, double p50, double p75, double p90, double p95, double p99,
                             double p999, double p9999, double max, double mean) {

    /** The percentiles a summary carries, in the order of {@link #STATISTICS}. */
    public static final List<Double> PERCENTILES = List.of(50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 99.99);

    /** Names of the figures, in the order of {@link #values()}: p50 .. p99.99, then max and mean. */
    public static final List<String> STATISTICS =
            List.of("p50", "p75", "p90", "p95", "p99", "p99.9", "p99.99", "max", "mean");

    public static LatencySummary of(LatencyRecorder r) {
        return new LatencySummary(r.count(),
                r.valueAtPercentile(50), r.valueAtPercentile(75), r.valueAtPercentile(90),
                r.valueAtPercentile(95), r.valueAtPercentile(99), r.valueAtPercentile(99.9),
                r.valueAtPercentile(99.99), r.max(), r.mean());
    }

    /** The figures in {@link #STATISTICS} order. */
    public double[] values() {
        return new double[] {p50, p75, p90, p95, p99, p999, p9999, max, mean};
    }

    /** The figure named {@code statistic} (one of {@link #STATISTICS}). */
    public double get(String statistic) {
        int i = STATISTICS.indexOf(statistic);
        if (i < 0) {
            throw new IllegalArgumentException("unknown statistic '" + statistic + "'; expected one of " + STATISTICS);
        }
        return values()[i];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "[n=%d p50=%.3f p75=%.3f p90=%.3f p95=%.3f p99=%.3f p99.9=%.3f p99.99=%.3f max=%.3f mean=%.3f ms]",
                count, p50, p75, p90, p95, p99, p999, p9999, max, mean);
    }
}
