package io.tailsim.validation.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The brokers' stop-the-world GC pauses logged in the calibration runs' windows (GcPauses), pooled over the runs the fits
 * use: their lengths at 0%, 1%, ..., 100% (gc.pause-duration), how many per broker-second, and how their number follows
 * the work that allocates: a non-negative least-squares fit of each run's pauses per broker on its window (idle), requests,
 * partitions read by fetches and MiB produced per broker (a young collection comes each time eden fills, and eden fills
 * with what the broker allocates; the runs here pause from 0.1 to 1.8 times a second with their work).
 *
 * @param quantilesMs    the pooled pauses' lengths at 0..100%, ms
 * @param pauses         how many were pooled
 * @param brokerSeconds  broker-seconds of window they came from
 * @param runs           the runs that logged them
 * @param allocation     pauses per broker on idle seconds, requests, partitions read and MiB produced; null if not fitted
 * @param steadySpans    the pauses were counted over each run's span of steady load, not its window alone
 */
public record GcPauseFit(double[] quantilesMs, int pauses, double brokerSeconds, List<String> runs, Fit allocation,
                         boolean steadySpans) {

    /** What one run's brokers did in its window, per broker: requests handled, partitions fetches read, MiB produced. */
    public record Work(double requests, double partitionReads, double mibProduced) {
    }

    /** A run's work per broker over its window, from its request rates and BrokerTopicMetrics (cluster-wide rates). */
    public static Work work(io.tailsim.validation.MeasuredRun r) {
        double perBroker = r.windowSeconds() / r.brokers();
        double requests = r.requestsPerSec().values().stream().mapToDouble(Double::doubleValue).sum();
        return new Work(requests * perBroker,
                r.brokerTopicMetersPerSec().getOrDefault("TotalFetchRequestsPerSec", 0.0) * perBroker,
                r.brokerTopicMetersPerSec().getOrDefault("BytesInPerSec", 0.0) / (1024.0 * 1024.0) * perBroker);
    }

    public static final List<String> REGRESSORS = List.of("idle", "requests", "partitionReads", "mibProduced");

    /**
     * A run's pauses over its longer span of steady load (MeasuredRun#brokerGcSteadyPausesMs), which ends with the window: a
     * broker collects a few times a minute, so a 15 s window holds one or two per broker and counts them to within 50%.
     */
    public record Steady(List<Double> pausesMs, double seconds) {
        public static Steady of(io.tailsim.validation.MeasuredRun r) {
            return r.brokerGcSteadyPausesMs() == null || r.brokerGcSteadySeconds() == null || !(r.brokerGcSteadySeconds() > 0)
                    ? null : new Steady(r.brokerGcSteadyPausesMs(), r.brokerGcSteadySeconds());
        }
    }

    /** As {@link #of(CalibrationFit, Map, Map, Map)} without the allocation fit. */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun) {
        return of(fit, pausesByRun, Map.of(), Map.of());
    }

    /** As {@link #of(CalibrationFit, Map, Map, Map)} from the windows' pauses alone. */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun, Map<String, Work> workByRun) {
        return of(fit, pausesByRun, workByRun, Map.of());
    }

    /**
     * Null unless every used run read its brokers' GC logs and they held 20 pauses or more (older runs: JMX counts only). The
     * allocation fit needs each used run's work in {@code workByRun}. Where every used run also has its span of steady load
     * ({@code steadyByRun}), its pauses are pooled and counted from there: the fit's count for a run is its steady span's
     * pauses per broker scaled to its window (the load is the same over both), against the window's work.
     */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun, Map<String, Work> workByRun,
                                Map<String, Steady> steadyByRun) {
        boolean steady = !fit.used().isEmpty() && fit.used().stream().allMatch(s -> steadyByRun.get(s.name()) != null);
        List<Double> pooled = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double brokerSeconds = 0;
        for (CalibrationSample s : fit.used()) {
            Steady span = steady ? steadyByRun.get(s.name()) : null;
            List<Double> p = span != null ? span.pausesMs() : pausesByRun.get(s.name());
            if (p == null) return null;
            double seconds = span != null ? span.seconds() : s.seconds();
            pooled.addAll(p);
            brokerSeconds += seconds * s.brokers();
            if (!p.isEmpty()) runs.add(s.name());
            Work w = workByRun.get(s.name());
            if (w != null) {
                names.add(s.name());
                x.add(new double[]{s.seconds(), w.requests(), w.partitionReads(), w.mibProduced()});
                y.add(p.size() / (double) s.brokers() * s.seconds() / seconds);
            }
        }
        if (pooled.size() < 20) return null;
        double[] q = MachineProbe.percentiles(pooled.stream().mapToDouble(Double::doubleValue).toArray());
        Fit allocation = null;
        if (names.size() == fit.used().size() && names.size() > REGRESSORS.size()) {
            allocation = Fit.nnls("broker GC pauses", REGRESSORS, names, x.toArray(double[][]::new),
                    y.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new GcPauseFit(q, pooled.size(), brokerSeconds, List.copyOf(runs), allocation, steady);
    }

    /** Whether the pauses' number was fitted on the work and some of it follows the work (else: a rate by the clock). */
    public boolean followsWork() {
        return allocation != null && (allocation.coefficient("requests") > 0 || allocation.coefficient("partitionReads") > 0
                || allocation.coefficient("mibProduced") > 0);
    }

    /** Mean time between pauses on one broker, ms. */
    public double meanIntervalMs() {
        return brokerSeconds * 1000 / pauses;
    }

    public String empirical() {
        return LocalProfileWriter.empiricalMs(quantilesMs);
    }

    public String intervalSource(String basis) {
        return String.format(Locale.ROOT, "measured: %d stop-the-world pauses (G1 Young, Remark, Cleanup, Full) in %.0f broker-seconds "
                + "of %s of %s, from the brokers' GC logs (-Xlog:gc, GcPauses); exponential gaps are an assumption",
                pauses, brokerSeconds, spans(), basis);
    }

    /** The allocation fit's source text for {@code key} (one of the coefficients). */
    public String allocationSource(String regressor, String basis) {
        return String.format(Locale.ROOT, "fit: non-negative least squares of the young collections each broker logged (GcPauses) over %s "
                        + "on its idle seconds, requests, partitions read by fetches and MiB produced in the window (%s): %.3g +/- %.2g per %s; "
                        + "R^2 %.3f. A collection comes when eden fills, and eden fills with what the broker's work allocates",
                basis, steadySpans ? "the collections counted from " + (int) io.tailsim.validation.RealKafkaRun.STEADY_AFTER_LOAD_SECONDS
                        + " s after the load started to the window's end and scaled to the window, the load being the same" : "the collections in the window",
                allocation.coefficient(regressor), allocation.standardError(regressor),
                switch (regressor) {
                    case "requests" -> "request";
                    case "partitionReads" -> "partition a fetch reads";
                    case "mibProduced" -> "MiB produced";
                    default -> "second";
                }, allocation.rSquared());
    }

    private String spans() {
        return steadySpans ? "steady load (from " + (int) io.tailsim.validation.RealKafkaRun.STEADY_AFTER_LOAD_SECONDS
                + " s after each run's load started to its window's end)" : "the measured windows";
    }

    public String durationSource() {
        return String.format(Locale.ROOT, "measured: the lengths of those %d pauses as the brokers' G1 logged them (%d runs: %s): values at "
                        + "0%%, 1%%, ..., 100%% (median %.1f ms, p90 %.1f ms, max %.1f ms); on this crowded machine a pause also holds the GC "
                        + "threads' wait for a core", pauses, runs.size(), String.join(", ", runs), quantilesMs[50], quantilesMs[90],
                quantilesMs[100]);
    }
}
