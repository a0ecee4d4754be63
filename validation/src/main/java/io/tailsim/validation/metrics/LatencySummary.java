package io.tailsim.validation.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a microsecond histogram, in milliseconds; null when nothing was recorded. */
public record LatencySummary(long count, Double p50, Double p95, Double p99, @JsonProperty("p99.9") Double p999, Double max, Double mean) {
    public static LatencySummary of(Histogram us) {
        if (us.getTotalCount() == 0) return new LatencySummary(0, null, null, null, null, null, null);
        return new LatencySummary(us.getTotalCount(),
                ms(us.getValueAtPercentile(50)), ms(us.getValueAtPercentile(95)), ms(us.getValueAtPercentile(99)),
                ms(us.getValueAtPercentile(99.9)), ms(us.getMaxValue()), us.getMean() / 1000.0);
    }

    /** The histogram's values at 0%, 1%, ..., 100% in milliseconds (101 values); null when nothing was recorded. */
    public static java.util.List<Double> percentiles(Histogram us) {
        if (us.getTotalCount() == 0) return null;
        java.util.List<Double> q = new java.util.ArrayList<>(101);
        for (int p = 0; p <= 100; p++) q.add(ms(p == 0 ? us.getMinValue() : us.getValueAtPercentile(p)));
        return q;
    }

    private static double ms(long us) {
        return us / 1000.0;
    }

    /** Entries named PREFIX.p50 .. PREFIX.mean, absent when empty. */
    public Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (count == 0) return m;
        m.put(prefix + ".p50", p50);
        m.put(prefix + ".p95", p95);
        m.put(prefix + ".p99", p99);
        m.put(prefix + ".p99.9", p999);
        m.put(prefix + ".max", max);
        m.put(prefix + ".mean", mean);
        return m;
    }
}
