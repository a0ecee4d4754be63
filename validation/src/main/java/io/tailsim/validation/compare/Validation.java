package io.tailsim.validation.compare;

import io.tailsim.core.stat.LatencyRecorder;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.report.RunResult;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.OverloadedClusterException;
import io.tailsim.scenarios.runner.ProgressListener;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.RealKafkaRun;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.RunSpec;
import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.metrics.Histograms;
import io.tailsim.validation.scenario.LocalScenario;
import io.tailsim.validation.scenario.RunSpecMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * tailsim validate FILE: the scenario on this machine's real Kafka cluster and in the simulator with this machine's profile,
 * side by side. Order: refuse early (capacity, what the real cluster cannot run), simulate (before the real runs, so the
 * simulator's CPU does not disturb them), run the real cluster {@link Options#repeat} times, compare against the runs' median.
 * Each step's output is written as soon as it exists: DIR/simulated/ (summary.json, summary.csv, latency.hlog),
 * DIR/measured-K.json per real run, then DIR/measured.json (the {@link MeasuredReference}), DIR/comparison.json,
 * DIR/validation.json and the overlay figure. The suite calls the steps one by one ({@link #prepare}, {@link #simulate},
 * {@link #measure}, {@link #compare}) to interleave the scenarios' real runs in rounds.
 */
public final class Validation {
    public static final String MEASURED_JSON = "measured.json";
    public static final String COMPARISON_JSON = "comparison.json";
    public static final String SIMULATED_DIR = "simulated";

    /** Runs the real cluster once: {@link RealKafkaRun#execute}, or a stand-in in tests. */
    @FunctionalInterface
    public interface RealRunner {
        MeasuredRun run(RunSpec spec, ClusterOptions options, Consumer<String> progress) throws InterruptedException;
    }

    /**
     * @param replications   simulated replications (null: the scenario's)
     * @param reuseMeasured  keep the real runs already in DIR (measured-K.json, or a measured.json of the earlier single-run
     *                       layout) and run only as many more as {@code repeat} asks; without it validate FILE measures
     *                       {@code repeat} new runs
     * @param repeat         real runs per scenario (at least 1)
     * @param real           what runs the real cluster
     */
    public record Options(Path localProfile, double scale, Integer replications, ClusterOptions cluster, OverlayFigure figure,
                          boolean reuseMeasured, int repeat, RealRunner real, Consumer<String> progress) {
        public Options {
            if (repeat < 1) throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
            Objects.requireNonNull(real, "real");
        }

        /** One real run per scenario, on the real cluster. */
        public Options(Path localProfile, double scale, Integer replications, ClusterOptions cluster, OverlayFigure figure,
                       boolean reuseMeasured, Consumer<String> progress) {
            this(localProfile, scale, replications, cluster, figure, reuseMeasured, 1, RealKafkaRun::execute, progress);
        }

        public Options withRepeat(int n) {
            return new Options(localProfile, scale, replications, cluster, figure, reuseMeasured, n, real, progress);
        }

        public Options withReal(RealRunner r) {
            return new Options(localProfile, scale, replications, cluster, figure, reuseMeasured, repeat, r, progress);
        }

        public Options withCluster(ClusterOptions c) {
            return new Options(localProfile, scale, replications, c, figure, reuseMeasured, repeat, real, progress);
        }

        public Options withReuseMeasured(boolean reuse) {
            return new Options(localProfile, scale, replications, cluster, figure, reuse, repeat, real, progress);
        }
    }

    public record Result(Path dir, Comparison comparison, ValidationRecord record) {
    }

    /** A scenario made ready for both sides, and the simulated side once {@link #simulate} has run. */
    public static final class Prepared {
        final Path file;
        final Path dir;
        final Scenario original;
        final LocalScenario local;
        final LocalScenario simulatedScenario;
        final RunSpec runSpec;
        final List<String> topics;
        final List<String> notes;
        final Map<String, Double> seconds = new LinkedHashMap<>();
        final Step step;
        int replications;
        Summary summary;
        HardwareProfile hardware;
        String simulationError;
        List<Histogram> simulatedProducer = List.of();
        List<Histogram> simulatedEndToEnd = List.of();

        private Prepared(Path file, Path dir, Scenario original, LocalScenario local, LocalScenario simulatedScenario, RunSpec runSpec,
                         List<String> topics, List<String> notes, Consumer<String> progress) {
            this.file = file;
            this.dir = dir;
            this.original = original;
            this.local = local;
            this.simulatedScenario = simulatedScenario;
            this.runSpec = runSpec;
            this.topics = topics;
            this.notes = notes;
            this.step = new Step(progress, seconds);
        }

        public Path dir() {
            return dir;
        }

        public String name() {
            return original.name();
        }
    }

    private Validation() {
    }

    public static Result run(Path scenarioFile, Path dir, Options o) throws InterruptedException {
        Prepared p = prepare(scenarioFile, dir, o);
        if (o.reuseMeasured()) requirePoolable(p, o);
        simulate(p, o);
        if (!o.reuseMeasured()) MeasuredRuns.deleteAll(dir);
        int kept = MeasuredRuns.count(dir);
        if (kept > 0) o.progress().accept("kept " + kept + " real run" + (kept == 1 ? "" : "s") + " measured earlier in " + dir);
        for (int k = kept; k < o.repeat(); k++) measure(p, o, String.format(Locale.ROOT, "real run %d of %d", k + 1, o.repeat()));
        return compare(p, o);
    }

    /** Loads the scenario and refuses early: a sweep, what the real cluster cannot run, what this machine cannot carry. */
    public static Prepared prepare(Path scenarioFile, Path dir, Options o) {
        Consumer<String> progress = o.progress();
        long t0 = System.nanoTime();
        Scenario original = Scenario.load(scenarioFile);
        if (!original.sweepAxes().isEmpty())
            throw new RefusedRunException("refused: " + scenarioFile + " sweeps " + original.sweepPoints().size()
                    + " points; validate runs one scenario (write one file per point)");
        LocalScenario local = LocalScenario.of(original, o.localProfile());
        RunSpecMapper.Mapped mapped = RunSpecMapper.map(local.scenario().spec(), o.scale());
        RealKafkaRun.check(mapped.runSpec());
        LocalScenario simulatedScenario = local.scaled(o.scale()).warmedFor(o.cluster().brokerWarmupSeconds());
        List<String> topics = simulatedScenario.scenario().spec().topics().stream().map(io.tailsim.models.config.TopicSpec::name).toList();
        List<String> notes = new ArrayList<>(local.notes());
        notes.addAll(mapped.notes());
        if (mapped.runSpec().workload().hasSaturatingProducers())
            notes.add("saturating producers: the offered load is whatever this machine carries, so the run is CPU-bound by design");
        Prepared p = new Prepared(scenarioFile, dir, original, local, simulatedScenario, mapped.runSpec(), topics, notes, progress);
        p.step.last = t0;
        p.step.done("prepare", "prepared " + original.name() + ": " + local.overrides().size() + " overrides, " + notes.size() + " notes");
        notes.forEach(n -> progress.accept("  note: " + n));
        return p;
    }

    /**
     * Removes the folder's comparison.json and validation.json (a result is whole only when both are from this validation:
     * the suite's resume relies on it) and runs the simulator, writing DIR/simulated/. Keeps only the summary and the latency
     * histograms in memory.
     */
    public static void simulate(Prepared p, Options o) {
        p.step.begin();
        createDirectories(p.dir);
        delete(p.dir.resolve(COMPARISON_JSON));
        delete(p.dir.resolve(ValidationRecord.FILE));
        int reps = o.replications() != null ? o.replications() : p.simulatedScenario.scenario().replications();
        p.replications = reps;
        try {
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), reps));
            ScenarioRunner.Outcome outcome = new ScenarioRunner().run(p.simulatedScenario.scenario(), new ScenarioRunner.Options(reps, null, threads, ProgressListener.NONE));
            RunOutputs.write(p.dir.resolve(SIMULATED_DIR), outcome.summary(), outcome.replications());
            p.summary = outcome.summary();
            p.hardware = p.simulatedScenario.scenario().spec().profile();
            p.simulatedProducer = histograms(outcome.replications(), RunResult::producerLatency);
            p.simulatedEndToEnd = histograms(outcome.replications(), RunResult::endToEnd);
        } catch (OverloadedClusterException e) {
            // The model's verdict is a result too: the comparison keeps its rows, with no simulated figures.
            p.simulationError = e.getMessage();
        }
        p.step.done("simulate", p.simulationError == null ? "simulated " + reps + " replications" : "simulation stopped: " + p.simulationError);
    }

    /**
     * Refuses, before anything runs, kept real runs that cannot be pooled with this validation's: measured after another
     * warm-up, or with the other kind of Trogdor clocks. The kept runs are read once for both.
     */
    public static void requirePoolable(Prepared p, Options o) {
        Map<Integer, MeasuredRun> kept = MeasuredRuns.readAll(p.dir);
        requireSameWarmup(p, o, kept);
        requireSameClocks(p, o, kept);
        requireSameSnapshots(p, o, kept);
    }

    /**
     * Refuses to pool kept real runs with this run's when they were measured after a different warm-up: a broker a minute
     * into its life still compiles its hot paths and costs about twice as much per request as one that has settled
     * ({@link ClusterOptions#DEFAULT_BROKER_WARMUP}), so such runs measure another machine.
     */
    private static void requireSameWarmup(Prepared p, Options o, Map<Integer, MeasuredRun> kept) {
        double expected = RealKafkaRun.warmupSeconds(p.runSpec, o.cluster());
        for (var e : kept.entrySet()) {
            double w = e.getValue().warmupSeconds();
            if (Math.abs(w - expected) > 1e-6)
                throw new MixedWarmupException(String.format(Locale.ROOT, "refused: %s holds real run %d of %s measured after %s s of warm-up, "
                        + "and this validation warms the brokers for %s s (the scenario's %s s after --broker-warmup %s s): runs measured "
                        + "after different warm-ups are not pooled; give --broker-warmup %s to use the kept runs, or another --out",
                        MeasuredRuns.file(p.dir, e.getKey()), e.getKey(), p.name(), seconds(w), seconds(expected),
                        seconds(p.runSpec.workload().warmupSeconds()), seconds(o.cluster().brokerWarmupSeconds()),
                        seconds(Math.max(0, w - p.runSpec.workload().warmupSeconds()))));
        }
    }

    /**
     * Refuses to pool kept real runs whose Trogdor producers each drew their own clock offset (the harness before 2026-12-07)
     * with runs whose producers share the machine's clock, as the scenario's clock-skew means: bursts up to clock-skew apart
     * against bursts together are different workloads (the simulated linger-0 sent 282 produce requests/s with the first, 305
     * with the second). Kept runs all of one kind are reported as they are; only adding a run to older ones, or a folder
     * holding both, is refused. Scenarios without a Trogdor group with a clock skew are the same either way.
     */
    private static void requireSameClocks(Prepared p, Options o, Map<Integer, MeasuredRun> kept) {
        boolean skewed = p.runSpec.workload().producers().stream()
                .anyMatch(g -> g.arrival() instanceof io.tailsim.validation.driver.Arrival.Trogdor t && t.maxClockSkewNanos() > 0);
        if (!skewed) return;
        OlderRuns older = OlderRuns.of(kept, r -> !r.perMachineClock(), o.repeat());
        if (older != null)
            throw new MixedClocksException(String.format(Locale.ROOT, "refused: %s holds real run%s %s of %s measured when each Trogdor "
                            + "producer drew its own clock offset (before 2026-12-07), and %s; this harness gives the driver's producers "
                            + "one clock, as the scenario's clock-skew means: runs of the two are not pooled; give --repeat %d to report "
                            + "the kept runs alone, or another --out", p.dir, older.plural(), older.ids(), p.name(),
                    older.mixed() ? "others measured with one clock" : "--repeat " + o.repeat() + " would add runs measured with one clock",
                    older.ids().size()));
    }

    /**
     * Refuses to pool kept real runs whose counters were snapshotted as the window opened and closed (the harness before
     * 2026-12-07 18:30 UTC) with runs whose snapshots fall outside it (driver.Schedule#SNAPSHOT_LEAD_NANOS): those snapshots held
     * up the loaded scenarios' first seconds, so the two measure different latencies. Reported as they are, like older clocks.
     */
    private static void requireSameSnapshots(Prepared p, Options o, Map<Integer, MeasuredRun> kept) {
        OlderRuns older = OlderRuns.of(kept, r -> !r.snapshotsOutsideWindow(), o.repeat());
        if (older != null)
            throw new MixedSnapshotsException(String.format(Locale.ROOT, "refused: %s holds real run%s %s of %s measured with the "
                            + "counters' snapshots at the window's edges (before 2026-12-07 18:30 UTC), which held up its first seconds, "
                            + "and %s: runs of the two are not pooled; give --repeat %d to report the kept runs alone, or another --out",
                    p.dir, older.plural(), older.ids(), p.name(),
                    older.mixed() ? "others measured with the snapshots outside the window"
                            : "--repeat " + o.repeat() + " would add runs measured with them outside", older.ids().size()));
    }

    /** Kept runs of an older harness: reported alone as they are; a folder holding both kinds, or adding runs to them, is refused. */
    private record OlderRuns(List<Integer> ids, boolean mixed) {
        /** Null when nothing is to be refused: no older run, or older runs alone with nothing added to them. */
        static OlderRuns of(Map<Integer, MeasuredRun> kept, java.util.function.Predicate<MeasuredRun> isOlder, int repeat) {
            List<Integer> ids = kept.entrySet().stream().filter(e -> isOlder.test(e.getValue())).map(Map.Entry::getKey).toList();
            if (ids.isEmpty()) return null;
            boolean mixed = ids.size() < kept.size();
            return mixed || kept.size() < repeat ? new OlderRuns(ids, mixed) : null;
        }

        String plural() {
            return ids.size() == 1 ? "" : "s";
        }
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    /** Kept runs that cannot be pooled with this validation's: the folder, not the scenario, is wrong. */
    public static class MixedKeptRunsException extends RefusedRunException {
        MixedKeptRunsException(String message) {
            super(message);
        }
    }

    /** Kept runs measured after another warm-up than this validation's. */
    public static final class MixedWarmupException extends MixedKeptRunsException {
        MixedWarmupException(String message) {
            super(message);
        }
    }

    /** Kept runs of Trogdor producers with clocks of their own, to be pooled with runs of one clock per machine. */
    public static final class MixedClocksException extends MixedKeptRunsException {
        MixedClocksException(String message) {
            super(message);
        }
    }

    /** Kept runs whose counters were snapshotted at the window's edges, to be pooled with runs snapshotted outside it. */
    public static final class MixedSnapshotsException extends MixedKeptRunsException {
        MixedSnapshotsException(String message) {
            super(message);
        }
    }

    /** One more real run of the scenario, kept as DIR/measured-K.json with K one more than the largest kept. */
    public static MeasuredRun measure(Prepared p, Options o, String what) throws InterruptedException {
        p.step.begin();
        int k = MeasuredRuns.next(p.dir);
        Consumer<String> real = msg -> o.progress().accept("  real: " + msg);
        MeasuredRun measured = o.real().run(p.runSpec, o.cluster(), real);
        Path f = MeasuredRuns.write(p.dir, k, measured);
        p.step.done("real", String.format(Locale.ROOT, "%s: real cluster run %s (start-up %.1f s; machine speed %s / %s %s before / after) kept as %s%s", what,
                measured.runId(), measured.startupSeconds(), ComparisonTable.number(measured.machineSpeed().before()),
                ComparisonTable.number(measured.machineSpeed().after()), io.tailsim.validation.metrics.MachineSpeed.UNIT, f.getFileName(),
                measured.otherCpuFlagged() ? String.format(Locale.ROOT, "; FLAGGED: %.2f cores of other CPU use", measured.otherCpuCores()) : ""));
        return measured;
    }

    /** Compares the simulation with every real run kept in DIR: writes measured.json, comparison.json, the figure and validation.json. */
    public static Result compare(Prepared p, Options o) {
        p.step.begin();
        Path dir = p.dir;
        Map<Integer, MeasuredRun> runs = MeasuredRuns.readAll(dir);
        if (runs.isEmpty()) throw new IllegalStateException("no real run of " + p.name() + " in " + dir);
        MeasuredReference ref = MeasuredReference.of(runs);
        MeasuredRuns.writeReference(dir, ref);
        Comparison comparison = Comparison.of(p.name(), p.summary, p.hardware, ref, p.topics);
        comparison.write(dir.resolve(COMPARISON_JSON));
        List<OverlayFigure.Series> series = new ArrayList<>();
        String n = runs.size() == 1 ? "measured" : "measured, " + runs.size() + " runs";
        series.add(new OverlayFigure.Series("producer, simulated", p.simulatedProducer));
        series.add(new OverlayFigure.Series("producer, " + n, runs.values().stream().map(r -> Histograms.toNanos(r.producerLatencyHistogram())).toList()));
        series.add(new OverlayFigure.Series("end-to-end, simulated", p.simulatedEndToEnd));
        series.add(new OverlayFigure.Series("end-to-end, " + n, runs.values().stream().map(r -> Histograms.toNanos(r.endToEndLatencyHistogram())).toList()));
        series.removeIf(x -> x.nanos().isEmpty() || x.nanos().stream().anyMatch(h -> h.getTotalCount() < 2));
        List<Path> figures = o.figure().draw(dir, "distribution", p.name() + ": simulated and measured latency", series);
        p.step.done("compare", "compared with " + runs.size() + " real run" + (runs.size() == 1 ? "" : "s") + ": wrote " + dir.resolve(COMPARISON_JSON)
                + (figures.isEmpty() ? "" : " and " + figures.size() + " figure files"));

        p.seconds.put("total", p.seconds.values().stream().mapToDouble(Double::doubleValue).sum());
        List<MeasuredReference.RealRun> rr = ref.runs();
        MeasuredRun first = runs.values().iterator().next();
        ValidationRecord record = new ValidationRecord(p.name(), p.file.toString(), p.original.description(), o.scale(),
                o.localProfile().toString(), p.local.overrides(), p.notes, p.topics, p.replications, p.simulationError,
                first.kafkaVersion(), ref.runIds(), rr.stream().mapToDouble(MeasuredReference.RealRun::otherCpuCores).max().orElse(0),
                rr.stream().anyMatch(MeasuredReference.RealRun::otherCpuFlagged), rr.stream().anyMatch(MeasuredReference.RealRun::machineCpuSaturated),
                max(rr.stream().map(MeasuredReference.RealRun::cpuPressureSome).toList()),
                max(rr.stream().map(MeasuredReference.RealRun::driverSendLagP99Ms).toList()),
                rr.stream().mapToLong(MeasuredReference.RealRun::failedSends).sum(), rr.stream().mapToLong(MeasuredReference.RealRun::consumedInWindow).sum(),
                rr.stream().mapToLong(MeasuredReference.RealRun::expectedConsumed).sum(), first.machineCores(), first.machineMemoryMb(),
                figures.stream().map(f -> dir.relativize(f).toString()).toList(), p.seconds, rr);
        record.write(dir);
        return new Result(dir, comparison, record);
    }

    private static Double max(List<Double> xs) {
        return xs.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static List<Histogram> histograms(List<RunResult> reps, Function<RunResult, LatencyRecorder> pick) {
        return reps.stream().map(r -> pick.apply(r).copyHistogram()).toList();
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + f, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Prints each step with its duration, and adds the durations up by step for validation.json. */
    static final class Step {
        private final Consumer<String> out;
        private final Map<String, Double> seconds;
        long last = System.nanoTime();

        Step(Consumer<String> out, Map<String, Double> seconds) {
            this.out = out;
            this.seconds = seconds;
        }

        void begin() {
            last = System.nanoTime();
        }

        void done(String name, String what) {
            long now = System.nanoTime();
            double s = (now - last) / 1e9;
            last = now;
            seconds.merge(name, s, Double::sum);
            out.accept(String.format(Locale.ROOT, "%s (%s: %.1f s)", what, name, s));
        }
    }
}
