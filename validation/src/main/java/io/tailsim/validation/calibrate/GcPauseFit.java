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
 * @param workQuantilesMs the pooled pauses' work at 0..100%: the CPU of all of a broker's parallel GC workers for one pause,
 *                       ms of one core (gc.pause-work), from the used runs that read their GC workers ({@code GcWorkerThreads});
 *                       null if none did
 * @param workers        parallel GC workers per broker (gc.workers); 0 with no work fitted
 * @param workPauses     the pauses of the runs that read their GC workers, and {@code workRuns} those runs
 */
public record GcPauseFit(double[] quantilesMs, int pauses, double brokerSeconds, List<String> runs, Fit allocation,
                         double[] workQuantilesMs, int workers, int workPauses, int workRuns) {

    /** Lengths and counts only: the pauses are not fitted as work. */
    public GcPauseFit(double[] quantilesMs, int pauses, double brokerSeconds, List<String> runs, Fit allocation) {
        this(quantilesMs, pauses, brokerSeconds, runs, allocation, null, 0, 0, 0);
    }

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

    /** As {@link #of(CalibrationFit, Map, Map, Map)} without the allocation fit. */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun) {
        return of(fit, pausesByRun, Map.of(), Map.of());
    }

    /** As {@link #of(CalibrationFit, Map, Map, Map)} without the pauses' work. */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun, Map<String, Work> workByRun) {
        return of(fit, pausesByRun, workByRun, Map.of());
    }

    /**
     * Null unless every used run read its brokers' GC logs and they held 20 pauses or more (older runs: JMX counts only). The
     * allocation fit needs each used run's work in {@code workByRun}. The pauses' work comes from the used runs that read
     * their GC workers ({@code workersByRun}, and {@link CalibrationSample#gcWorkerCpu()}): each run's workers' CPU is spread over
     * its pauses in proportion to their lengths, so a pause's work is its length times the cores its workers had on average
     * during the run's pauses. On this machine that is well under their number: the workers wait for a core beside the
     * other brokers' and the driver's threads, and how long they wait is what the model's host then works out.
     */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun, Map<String, Work> workByRun,
                                Map<String, io.tailsim.validation.metrics.GcWorkerThreads.Usage> workersByRun) {
        List<Double> pooled = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double brokerSeconds = 0;
        for (CalibrationSample s : fit.used()) {
            List<Double> p = pausesByRun.get(s.name());
            if (p == null) return null;
            pooled.addAll(p);
            brokerSeconds += s.seconds() * s.brokers();
            if (!p.isEmpty()) runs.add(s.name());
            Work w = workByRun.get(s.name());
            if (w != null) {
                names.add(s.name());
                x.add(new double[]{s.seconds(), w.requests(), w.partitionReads(), w.mibProduced()});
                y.add((double) p.size() / s.brokers());
            }
        }
        if (pooled.size() < 20) return null;
        double[] q = MachineProbe.percentiles(pooled.stream().mapToDouble(Double::doubleValue).toArray());
        double[] work = null;
        int workers = 0, workPauses = 0, workRuns = 0;
        if (CalibrationFit.gcWorkersMeasured(fit.used())) {
            List<Double> w = new ArrayList<>();
            int threads = 0, brokers = 0;
            for (CalibrationSample s : fit.used()) {
                List<Double> p = pausesByRun.get(s.name());
                if (!s.hasGcWorkers() || workersByRun.get(s.name()) == null) continue;
                workRuns++;
                workPauses += p.size();
                double wall = p.stream().mapToDouble(Double::doubleValue).sum();
                threads += workersByRun.get(s.name()).threads();
                brokers += s.brokers();
                if (!(wall > 0)) continue;
                double cores = s.gcWorkerCpu() * 1000 / wall;
                for (double ms : p) w.add(ms * cores);
            }
            if (!w.isEmpty()) {
                work = MachineProbe.percentiles(w.stream().mapToDouble(Double::doubleValue).toArray());
                workers = Math.max(1, (int) Math.round((double) threads / brokers));
            }
        }
        Fit allocation = null;
        if (names.size() == fit.used().size() && names.size() > REGRESSORS.size()) {
            allocation = Fit.poissonNnls("broker GC pauses", REGRESSORS, names, x.toArray(double[][]::new),
                    y.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new GcPauseFit(q, pooled.size(), brokerSeconds, List.copyOf(runs), allocation, work, workers, workPauses, workRuns);
    }

    /** Whether the pauses were fitted as their GC workers' work (gc.pause-work, gc.workers). */
    public boolean hasWork() {
        return workQuantilesMs != null;
    }

    public String workEmpirical() {
        return LocalProfileWriter.empiricalMs(workQuantilesMs);
    }

    public String workSource() {
        return String.format(Locale.ROOT, "measured: the CPU of a broker's parallel GC workers for one pause, at 0%%, 1%%, ..., 100%% "
                        + "(median %.1f ms, p90 %.1f ms of one core): each run's workers' CPU (/proc schedstat of its GC Thread#N, "
                        + "GcWorkerThreads) spread over its pauses in proportion to their logged lengths (%d pauses of %d runs). The pause lasts "
                        + "until the %d workers have done it on the host's cores beside every other runnable thread there (logged "
                        + "lengths: median %.1f ms, p90 %.1f ms)", workQuantilesMs[50], workQuantilesMs[90], workPauses, workRuns,
                workers, quantilesMs[50], quantilesMs[90]);
    }

    public String workersSource() {
        return String.format(Locale.ROOT, "measured: parallel GC workers per broker at the end of the calibration runs' windows (G1 "
                + "starts them as it needs them, up to ParallelGCThreads: %d on this machine's cores)", workers);
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
                + "of the measured windows of %s, from the brokers' GC logs (-Xlog:gc, GcPauses); exponential gaps are an assumption",
                pauses, brokerSeconds, basis);
    }

    /** The allocation fit's source text for {@code key} (one of the coefficients). */
    public String allocationSource(String regressor, String basis) {
        return String.format(Locale.ROOT, "fit: non-negative least squares, weighed as Poisson counts (each run by one over its "
                        + "fitted count, at least one), of the young collections each broker logged (GcPauses) over %s on its idle seconds, requests, partitions read by fetches and MiB produced: %.3g +/- %.2g per %s; R^2 %.3f. "
                        + "A collection comes when eden fills, and eden fills with what the broker's work allocates",
                basis, allocation.coefficient(regressor), allocation.standardError(regressor),
                switch (regressor) {
                    case "requests" -> "request";
                    case "partitionReads" -> "partition a fetch reads";
                    case "mibProduced" -> "MiB produced";
                    default -> "second";
                }, allocation.rSquared());
    }

    public String durationSource() {
        return String.format(Locale.ROOT, "measured: the lengths of those %d pauses as the brokers' G1 logged them (%d runs: %s): values at "
                        + "0%%, 1%%, ..., 100%% (median %.1f ms, p90 %.1f ms, max %.1f ms); on this crowded machine a pause also holds the GC "
                        + "threads' wait for a core", pauses, runs.size(), String.join(", ", runs), quantilesMs[50], quantilesMs[90],
                quantilesMs[100]);
    }
}
