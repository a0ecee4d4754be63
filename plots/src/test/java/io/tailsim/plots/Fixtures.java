package io.tailsim.plots;

import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.PhaseSummary;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.result.TopicSummary;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.scenarios.runner.SweepResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Result folders made by the real runner from tiny scenarios (once per test JVM, under
 * target/plots-fixtures): a two-topic run, a four-point request-handler sweep, and a two-topic run
 * with consumers whose topic gains partitions halfway.
 */
final class Fixtures {
    static final Path ROOT = Path.of("target/plots-fixtures");
    private static Path run;
    private static Path sweep;
    private static Path phased;

    private Fixtures() {
    }

    static synchronized Path run() {
        if (run == null) {
            Path dir = fresh("run");
            Scenario s = Scenario.load(Path.of("src/test/resources/scenarios/tiny.yaml"));
            ScenarioRunner.Outcome o = new ScenarioRunner().run(s, new ScenarioRunner.Options(null, null, 2, null));
            RunOutputs.write(dir, o.summary(), o.replications());
            run = dir;
        }
        return run;
    }

    static synchronized Path sweep() {
        if (sweep == null) {
            Path dir = fresh("sweep");
            Scenario s = Scenario.load(Path.of("src/test/resources/scenarios/queue-sweep.yaml"));
            SweepResult.run(s, new ScenarioRunner.Options(null, null, 2, null), dir);
            sweep = dir;
        }
        return sweep;
    }

    /**
     * A phased run with consumers: topic "events" grows from 6 to 12 partitions at 1.5 s and its
     * consumer group rebalances; the folder has phases, interval series and consumer lag.
     */
    static synchronized Path phased() {
        if (phased == null) {
            Path dir = fresh("phased");
            Scenario s = Scenario.load(Path.of("src/test/resources/scenarios/tiny-phased.yaml"));
            ScenarioRunner.Outcome o = new ScenarioRunner().run(s, new ScenarioRunner.Options(null, null, 2, null));
            RunOutputs.write(dir, o.summary(), o.replications());
            phased = dir;
        }
        return phased;
    }

    static LatencyStats scaled(LatencyStats l, double f) {
        Map<String, double[]> ci = null;
        if (l.ci95() != null) {
            ci = new TreeMap<>();
            for (Map.Entry<String, double[]> e : l.ci95().entrySet()) {
                ci.put(e.getKey(), new double[] {e.getValue()[0] * f, e.getValue()[1] * f});
            }
        }
        return new LatencyStats(l.count(), times(l.p50(), f), times(l.p75(), f), times(l.p90(), f), times(l.p95(), f),
                times(l.p99(), f), times(l.p999(), f), times(l.p9999(), f), times(l.max(), f), times(l.mean(), f), ci);
    }

    private static Double times(Double v, double f) {
        return v == null ? null : v * f;
    }

    static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty folder under target/ (the fixtures are left there to look at after a run). */
    static Path fresh(String name) {
        Path dir = ROOT.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
