package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.core.stat.ConfidenceInterval;
import io.tailsim.core.stat.LatencyRecorder;
import io.tailsim.core.stat.LatencySummary;
import io.tailsim.core.stat.ReplicationStats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A latency distribution as reported in result files, in milliseconds: each figure is the mean over
 * replications of that replication's estimate, with a Student-t 95% interval from the replication
 * estimates ({@code ci95}: figure -> [low, high]; absent with one replication). Figures that could
 * not be estimated (nothing recorded) are null, never NaN, so the JSON stays valid.
 */
@JsonPropertyOrder({"count", "p50", "p75", "p90", "p95", "p99", "p99.9", "p99.99", "max", "mean", "ci95"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatencyStats(
        long count,
        Double p50,
        Double p75,
        Double p90,
        Double p95,
        Double p99,
        @JsonProperty("p99.9") Double p999,
        @JsonProperty("p99.99") Double p9999,
        Double max,
        Double mean,
        Map<String, double[]> ci95) {

    /** Pools per-replication summaries: point estimates are replication means, intervals Student t. */
    public static LatencyStats of(List<LatencySummary> replications) {
        if (replications.isEmpty()) {
            throw new IllegalArgumentException("no replications");
        }
        long count = replications.stream().mapToLong(LatencySummary::count).sum();
        List<String> names = LatencySummary.STATISTICS;
        Double[] point = new Double[names.size()];
        Map<String, double[]> ci = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int k = i;
            // A replication that recorded nothing has no estimate; the others still do.
            double[] estimates = replications.stream().filter(s -> s.count() > 0)
                    .mapToDouble(s -> s.values()[k]).toArray();
            if (estimates.length == 0) {
                continue;
            }
            ReplicationStats stats = ReplicationStats.of(estimates);
            point[i] = stats.mean();
            if (estimates.length > 1) {
                ConfidenceInterval c = stats.confidenceInterval();
                ci.put(names.get(i), new double[] {c.low(), c.high()});
            }
        }
        return new LatencyStats(count, point[0], point[1], point[2], point[3], point[4], point[5], point[6],
                point[7], point[8], ci.isEmpty() ? null : ci);
    }

    /** Pools one recorder per replication, picked out of each replication's result by {@code pick}. */
    public static <R> LatencyStats over(List<R> replications, Function<R, LatencyRecorder> pick) {
        return of(replications.stream().map(r -> pick.apply(r).summary()).toList());
    }

    /** The figure named as in result files ("p99", "p99.9", "mean", ...); NaN when absent. */
    public double get(String statistic) {
        Double v;
        switch (statistic) {
            case "p50": v = p50; break;
            case "p75": v = p75; break;
            case "p90": v = p90; break;
            case "p95": v = p95; break;
            case "p99": v = p99; break;
            case "p99.9": v = p999; break;
            case "p99.99": v = p9999; break;
            case "max": v = max; break;
            case "mean": v = mean; break;
            default: throw new IllegalArgumentException("unknown statistic '" + statistic + "'");
        }
        return v == null ? Double.NaN : v;
    }
}
