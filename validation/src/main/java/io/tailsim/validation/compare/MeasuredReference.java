package io.tailsim.validation.compare;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.metrics.MachineSpeed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * DIR/measured.json: the reference the simulator is compared with, made from every real run of a scenario kept in DIR
 * (measured-1.json ... measured-N.json). Per metric: the median over the runs that observed it, with the smallest and largest
 * run's figure. Latency percentiles are the median of the per-run percentiles (not a percentile of the runs' merged
 * histograms). With an even number of runs the median is the mean of the middle two.
 *
 * @param runs       each real run, in run order (run k of every suite scenario ran in round k)
 * @param metrics    metric name to its median, min, max and the number of runs that observed it
 * @param runMetrics each run's own figures, aligned with {@code runs}: the per-round ratios of the suite's pairs use them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"statistic", "runs", "metrics", "runMetrics"})
public record MeasuredReference(String statistic, List<RealRun> runs, Map<String, Spread> metrics, List<Map<String, Double>> runMetrics) {
    public static final String STATISTIC = "median over the real runs of each run's figure (latency percentiles: median of the per-run "
            + "percentiles; mean of the middle two for an even count), with min and max";

    public MeasuredReference {
        runs = List.copyOf(runs);
        metrics = new LinkedHashMap<>(metrics);
        runMetrics = runMetrics.stream().map(m -> (Map<String, Double>) new LinkedHashMap<>(m)).toList();
    }

    /** One metric over the runs. */
    public record Spread(double median, double min, double max, int runs) {
        public static Spread of(double... values) {
            if (values.length == 0) throw new IllegalArgumentException("no values");
            // commons-math's median: the middle value, or the mean of the middle two for an even count
            return new Spread(new Median().evaluate(values), StatUtils.min(values), StatUtils.max(values), values.length);
        }
    }

    /**
     * One real run as the report lists it.
     *
     * @param run            its number in DIR (measured-RUN.json); in a suite, the round it ran in
     * @param brokerCpuCores all brokers' CPU in the measured window
     */
    public record RealRun(int run, String runId, MachineSpeed machineSpeed, double brokerCpuCores, double otherCpuCores, boolean otherCpuFlagged,
                          boolean machineCpuSaturated, Double cpuPressureSome, Double driverSendLagP99Ms, long failedSends,
                          long consumedInWindow, long expectedConsumed, Integer driverGcPauses, Double driverGcPauseMs,
                          Boolean perMachineClock, Double stealCpuCores) {
        static RealRun of(int run, MeasuredRun r) {
            List<Double> gc = r.driverGcPausesMs();
            return new RealRun(run, r.runId(), r.machineSpeed(), r.brokerCpuCores().values().stream().mapToDouble(Double::doubleValue).sum(),
                    r.otherCpuCores(), r.otherCpuFlagged(), r.machineCpuSaturated(), r.cpuPressureSome(), r.driverSendLagMs().p99(),
                    r.failedSends(), r.consumedInWindow(), r.expectedConsumed(),
                    gc == null ? null : gc.size(), gc == null ? null : gc.stream().mapToDouble(Double::doubleValue).sum(),
                    r.perMachineClock(), r.stealCpuCores());
        }
    }

    /** A run's figures under the comparison's names: {@link MeasuredRun#metrics()} and the brokers' and driver's CPU together. */
    public static Map<String, Double> metricsOf(MeasuredRun r) {
        Map<String, Double> m = new LinkedHashMap<>(r.metrics());
        m.put(Comparison.CPU, m.get("cpuCores.brokers") + m.get("cpuCores.driver"));
        return m;
    }

    /** @param runs run number to run, in run order */
    public static MeasuredReference of(Map<Integer, MeasuredRun> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no real run to make a reference from");
        List<RealRun> list = new ArrayList<>();
        List<Map<String, Double>> perRun = new ArrayList<>();
        runs.forEach((k, r) -> {
            list.add(RealRun.of(k, r));
            perRun.add(metricsOf(r));
        });
        return new MeasuredReference(STATISTIC, list, aggregate(perRun), perRun);
    }

    public static MeasuredReference of(MeasuredRun single) {
        return of(Map.of(1, single));
    }

    /** Per metric, the spread over the runs that have it; metrics in the first-seen order. */
    static Map<String, Spread> aggregate(List<Map<String, Double>> perRun) {
        List<String> names = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Map<String, Double> m : perRun)
            for (String n : m.keySet()) if (seen.add(n)) names.add(n);
        Map<String, Spread> out = new LinkedHashMap<>();
        for (String n : names) {
            double[] v = perRun.stream().map(m -> m.get(n)).filter(x -> x != null && Double.isFinite(x)).mapToDouble(Double::doubleValue).toArray();
            if (v.length > 0) out.put(n, Spread.of(v));
        }
        return out;
    }

    /** Each run's figure for a metric by run number (runs without it left out). */
    public Map<Integer, Double> byRun(String metric) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Double v = runMetrics.get(i).get(metric);
            if (v != null) m.put(runs.get(i).run(), v);
        }
        return m;
    }

    public String runIds() {
        return String.join(", ", runs.stream().map(RealRun::runId).toList());
    }
}
