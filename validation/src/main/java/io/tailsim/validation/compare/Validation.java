package io.tailsim.validation.compare;

import io.tailsim.models.report.RunResult;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.runner.OverloadedClusterException;
import io.tailsim.scenarios.runner.ProgressListener;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.RealKafkaRun;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.metrics.Histograms;
import io.tailsim.validation.scenario.LocalScenario;
import io.tailsim.validation.scenario.RunSpecMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * tailsim validate FILE: the scenario on this machine's real Kafka cluster and in the simulator with this machine's profile,
 * side by side. Order: refuse early (capacity, what the real cluster cannot run), simulate (before the real run, so the
 * simulator's CPU does not disturb it), run the real cluster, compare. Each step's output is written as soon as it exists:
 * DIR/simulated/ (summary.json, summary.csv, latency.hlog), DIR/measured.json, DIR/comparison.json, DIR/validation.json and
 * the overlay figure.
 */
public final class Validation {
    public static final String MEASURED_JSON = "measured.json";
    public static final String COMPARISON_JSON = "comparison.json";
    public static final String SIMULATED_DIR = "simulated";

    /**
     * @param replications   simulated replications (null: the scenario's)
     * @param reuseMeasured  a DIR/measured.json from an earlier run of the same scenario is used instead of running it again
     */
    public record Options(Path localProfile, double scale, Integer replications, ClusterOptions cluster, OverlayFigure figure,
                          boolean reuseMeasured, Consumer<String> progress) {
    }

    public record Result(Path dir, Comparison comparison, ValidationRecord record) {
    }

    private Validation() {
    }

    public static Result run(Path scenarioFile, Path dir, Options o) throws InterruptedException {
        long t0 = System.nanoTime();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Step step = new Step(o.progress(), seconds);

        Scenario original = Scenario.load(scenarioFile);
        if (!original.sweepAxes().isEmpty())
            throw new RefusedRunException("refused: " + scenarioFile + " sweeps " + original.sweepPoints().size()
                    + " points; validate runs one scenario (write one file per point)");
        LocalScenario local = LocalScenario.of(original, o.localProfile());
        RunSpecMapper.Mapped mapped = RunSpecMapper.map(local.scenario().spec(), o.scale());
        RealKafkaRun.check(mapped.runSpec());
        LocalScenario simulatedScenario = local.scaled(o.scale());
        List<String> topics = simulatedScenario.scenario().spec().topics().stream().map(io.tailsim.models.config.TopicSpec::name).toList();
        List<String> notes = new ArrayList<>(local.notes());
        notes.addAll(mapped.notes());
        if (mapped.runSpec().workload().hasSaturatingProducers())
            notes.add("saturating producers: the offered load is whatever this machine carries, so the run is CPU-bound by design");
        step.done("prepare", "prepared " + original.name() + ": " + local.overrides().size() + " overrides, " + notes.size() + " notes");
        notes.forEach(n -> o.progress().accept("  note: " + n));

        createDirectories(dir);
        // A result is whole only when both files are from this run: the suite's resume relies on it.
        delete(dir.resolve(COMPARISON_JSON));
        delete(dir.resolve(ValidationRecord.FILE));
        int reps = o.replications() != null ? o.replications() : simulatedScenario.scenario().replications();
        ScenarioRunner.Outcome outcome = null;
        String simulationError = null;
        try {
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), reps));
            outcome = new ScenarioRunner().run(simulatedScenario.scenario(), new ScenarioRunner.Options(reps, null, threads, ProgressListener.NONE));
            RunOutputs.write(dir.resolve(SIMULATED_DIR), outcome.summary(), outcome.replications());
        } catch (OverloadedClusterException e) {
            // The model's verdict is a result too: the comparison keeps its rows, with no simulated figures.
            simulationError = e.getMessage();
        }
        step.done("simulate", simulationError == null ? "simulated " + reps + " replications" : "simulation stopped: " + simulationError);

        MeasuredRun measured;
        Path measuredFile = dir.resolve(MEASURED_JSON);
        if (o.reuseMeasured() && Files.isRegularFile(measuredFile)) {
            measured = MeasuredRun.fromJson(read(measuredFile));
            step.done("real", "reused " + measuredFile);
        } else {
            Consumer<String> real = msg -> o.progress().accept("  real: " + msg);
            measured = RealKafkaRun.execute(mapped.runSpec(), o.cluster(), real);
            ResultFiles.writeString(measuredFile, measured.toJson());
            step.done("real", String.format(Locale.ROOT, "real cluster run %s (start-up %.1f s)%s", measured.runId(), measured.startupSeconds(),
                    measured.otherCpuFlagged() ? String.format(Locale.ROOT, "; FLAGGED: %.2f cores of other CPU use", measured.otherCpuCores()) : ""));
        }

        Comparison comparison = outcome == null
                ? Comparison.of(original.name(), null, null, measured, topics)
                : Comparison.of(original.name(), outcome.summary(), simulatedScenario.scenario().spec().profile(), measured, topics);
        comparison.write(dir.resolve(COMPARISON_JSON));
        List<Path> figures = o.figure().draw(dir, "distribution", original.name() + ": simulated and measured latency",
                series(outcome == null ? List.of() : outcome.replications(), measured));
        step.done("compare", "wrote " + dir.resolve(COMPARISON_JSON) + (figures.isEmpty() ? "" : " and " + figures.size() + " figure files"));

        seconds.put("total", (System.nanoTime() - t0) / 1e9);
        ValidationRecord record = new ValidationRecord(original.name(), scenarioFile.toString(), original.description(), o.scale(),
                o.localProfile().toString(), local.overrides(), notes, topics, reps, simulationError,
                measured.kafkaVersion(), measured.runId(), measured.otherCpuCores(), measured.otherCpuFlagged(), measured.machineCpuSaturated(),
                measured.cpuPressureSome(), measured.driverSendLagMs().p99(), measured.failedSends(), measured.consumedInWindow(),
                measured.expectedConsumed(), measured.machineCores(), measured.machineMemoryMb(),
                figures.stream().map(f -> dir.relativize(f).toString()).toList(), seconds);
        record.write(dir);
        return new Result(dir, comparison, record);
    }

    private static List<OverlayFigure.Series> series(List<RunResult> simulated, MeasuredRun measured) {
        List<OverlayFigure.Series> s = new ArrayList<>();
        add(s, "producer, simulated", simulated, RunResult::producerLatency);
        s.add(new OverlayFigure.Series("producer, measured", List.of(Histograms.toNanos(measured.producerLatencyHistogram()))));
        add(s, "end-to-end, simulated", simulated, RunResult::endToEnd);
        s.add(new OverlayFigure.Series("end-to-end, measured", List.of(Histograms.toNanos(measured.endToEndLatencyHistogram()))));
        s.removeIf(x -> x.nanos().isEmpty() || x.nanos().stream().anyMatch(h -> h.getTotalCount() < 2));
        return s;
    }

    private static void add(List<OverlayFigure.Series> s, String name, List<RunResult> reps,
                            Function<RunResult, io.tailsim.core.stat.LatencyRecorder> pick) {
        s.add(new OverlayFigure.Series(name, reps.stream().map(r -> pick.apply(r).copyHistogram()).toList()));
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

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** Prints each step with its duration, and keeps the durations for validation.json. */
    private static final class Step {
        private final Consumer<String> out;
        private final Map<String, Double> seconds;
        private long last = System.nanoTime();

        Step(Consumer<String> out, Map<String, Double> seconds) {
            this.out = out;
            this.seconds = seconds;
        }

        void done(String name, String what) {
            long now = System.nanoTime();
            double s = (now - last) / 1e9;
            last = now;
            seconds.put(name, s);
            out.accept(String.format(Locale.ROOT, "%s (%s: %.1f s)", what, name, s));
        }
    }
}
