package io.tailsim.core.stat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One latency measured in each of several independent replications: a confidence interval for any
 * percentile, the mean or the max comes from the per-replication values (Student t, see
 * {@link ReplicationStats}); {@link #merged()} pools every replication into one histogram for
 * plotting the whole distribution. All figures in milliseconds.
 */
public final class ReplicatedLatency {
    private final List<LatencyRecorder> replications;

    private ReplicatedLatency(List<LatencyRecorder> replications) {
        this.replications = replications;
    }

    /** Latency recorders in replication order; they must not be modified afterwards. */
    public static ReplicatedLatency of(List<LatencyRecorder> perReplication) {
        if (perReplication.isEmpty()) {
            throw new IllegalArgumentException("no replications");
        }
        return new ReplicatedLatency(List.copyOf(perReplication));
    }

    public int replications() {
        return replications.size();
    }

    /** 95% interval for percentile {@code p} (0..100), in milliseconds. */
    public ConfidenceInterval percentile(double p) {
        return percentile(p, ReplicationStats.DEFAULT_LEVEL);
    }

    public ConfidenceInterval percentile(double p, double level) {
        return over(r -> r.valueAtPercentile(p)).confidenceInterval(level);
    }

    /** 95% interval for the mean, in milliseconds. */
    public ConfidenceInterval mean() {
        return over(LatencyRecorder::mean).confidenceInterval();
    }

    /** 95% interval for the expected per-replication maximum, in milliseconds. */
    public ConfidenceInterval max() {
        return over(LatencyRecorder::max).confidenceInterval();
    }

    /** The per-replication values of {@code statistic}, e.g. {@code r -> r.valueAtPercentile(99)}. */
    public ReplicationStats over(ToDoubleFunction<LatencyRecorder> statistic) {
        return ReplicationStats.of(replications, statistic);
    }

    /** 95% intervals for every {@link LatencySummary#STATISTICS} figure, in that order. */
    public Map<String, ConfidenceInterval> summary() {
        Map<String, ConfidenceInterval> out = new LinkedHashMap<>();
        List<LatencySummary> summaries = replications.stream().map(LatencyRecorder::summary).toList();
        for (String stat : LatencySummary.STATISTICS) {
            out.put(stat, ReplicationStats.of(summaries, s -> s.get(stat)).confidenceInterval());
        }
        return out;
    }

    /** Every replication pooled into a fresh recorder. */
    public LatencyRecorder merged() {
        LatencyRecorder all = new LatencyRecorder();
        replications.forEach(all::add);
        return all;
    }

    public List<LatencyRecorder> perReplication() {
        return replications;
    }
}
