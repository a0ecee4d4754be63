package io.tailsim.validation.compare;

import io.tailsim.validation.cluster.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite keeps finished scenarios, records a refused one and goes on, and writes the report either way; no cluster starts. */
class SuiteTest {
    @Test
    void keepsFinishedScenariosRecordsRefusalsAndWritesTheReport(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path done = out.resolve("base");
        new Comparison("base", List.of(ComparisonRow.of("producerLatencyMs.p50", 11.0, 10.0), ComparisonRow.of("producerLatencyMs.p99", 30.0, 20.0),
                ComparisonRow.of("endToEndLatencyMs.p50", null, 12.0), ComparisonRow.of("endToEndLatencyMs.p99", null, 25.0)))
                .write(done.resolve(Validation.COMPARISON_JSON));
        new ValidationRecord("base", "base.yaml", "kept", 1, "profiles/local.yaml", List.of("cluster.brokers=3"), List.of("a note"), List.of("t"),
                3, null, "4.4.0", "run-1", 0.02, false, false, 0.3, 1.5, 0, 100, 100, 2, 24000, List.of(), Map.of("total", 60.0), null).write(done);

        List<String> log = new ArrayList<>();
        Path report = tmp.resolve("docs").resolve("validation.md");
        Validation.Options v = new Validation.Options(Path.of("../profiles/local.yaml"), 1, 1, ClusterOptions.defaults().withBrokerWarmup(java.time.Duration.ZERO), OverlayFigure.NONE, false, log::add);
        Bars bars = Suite.run(new Suite.Options(Path.of("src/test/resources/suite"), out, report, false, List.of(), v));

        assertThat(log).anyMatch(l -> l.contains("base: done earlier"));
        assertThat(log).anyMatch(l -> l.contains("big: FAILED") && l.contains("refused"));
        assertThat(Files.readString(out.resolve("big").resolve(Suite.FAILURE_TXT))).contains("offered load 50.0 MB/s exceeds 25.0 MB/s");
        // big's four rows count as misses: it has no result this time
        assertThat(bars.latencyRows()).hasSize(8);
        assertThat(bars.latencyRows()).filteredOn(r -> r.metric().startsWith("big: ")).hasSize(4).allMatch(r -> r.simulated() == null);
        assertThat(bars.rowsWithin()).isEqualTo(1);
        assertThat(bars.rowsPass()).isFalse();
        assertThat(bars.pairsPass()).isFalse();

        String md = Files.readString(report);
        assertThat(md).contains("## The machine", "## Bars", "## base", "## big", "No result: refused", "1 of 8 rows (13%)", "not met",
                "Note: a note", "| producerLatencyMs.p99 | 30.00 | 20.00 | +50% |", "## How the comparison is made");
    }

    /** Two scenarios a and b, which the fake real runner tells apart by their topic. */
    private static Path twoScenarioSuite(Path tmp) throws Exception {
        Path suite = tmp.resolve("suite");
        Files.createDirectories(suite);
        String profile = Path.of("../profiles/local.yaml").toAbsolutePath().normalize().toString();
        for (String n : List.of("a", "b"))
            Files.writeString(suite.resolve(n + ".yaml"), """
                    description: scenario %s
                    profile: %s
                    cluster: {brokers: 3}
                    topics:
                      t%s: {partitions: 3, replication.factor: 3, min.insync.replicas: 2}
                    producers:
                      p: {topic: t%s, count: 1, rate: 10 records/s, record: {value-bytes: 100}}
                    duration: 20s
                    warmup: 10s
                    """.formatted(n, profile, n, n));
        return suite;
    }

    @Test
    void repeatedRunsGoInRoundsOverTheScenariosAndALargerRepeatAddsRuns(@TempDir Path tmp) throws Exception {
        Path suite = twoScenarioSuite(tmp);
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("validation.md");
        List<String> calls = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Validation.RealRunner real = (spec, cluster, progress) -> {
            String scenario = spec.cluster().topics().get(0).name().substring(1);
            calls.add(scenario);
            int n = calls.size();
            return RepeatedRunsTest.fake(scenario + n, 10 * n, 20 * n, 1000 + n);
        };
        Validation.Options v = RepeatedRunsTest.options(log, 2, false, real);

        Suite.run(new Suite.Options(suite, out, report, false, List.of(), v));
        assertThat(calls).containsExactly("a", "b", "a", "b");
        assertThat(MeasuredRuns.list(out.resolve("a"))).containsOnlyKeys(1, 2);
        assertThat(ValidationRecord.read(out.resolve("b")).runId()).isEqualTo("b2, b4");

        // Three rounds now: the two runs each kept, one more round.
        Suite.run(new Suite.Options(suite, out, report, false, List.of(), v.withRepeat(3)));
        assertThat(calls).containsExactly("a", "b", "a", "b", "a", "b");
        ComparisonRow p50 = Comparison.read(out.resolve("a").resolve(Validation.COMPARISON_JSON)).row("producerLatencyMs.p50").orElseThrow();
        assertThat(p50.measuredRuns()).isEqualTo(3);
        assertThat(p50.measured()).isEqualTo(30);
        assertThat(p50.measuredMin()).isEqualTo(10);
        assertThat(p50.measuredMax()).isEqualTo(50);

        // Done with as many runs as asked (or more): kept, nothing runs.
        Suite.run(new Suite.Options(suite, out, report, false, List.of(), v.withRepeat(2)));
        assertThat(calls).hasSize(6);
        assertThat(log).anyMatch(l -> l.contains("a: done earlier with 3 real runs"));

        // One scenario short of runs (its third run lost): only it runs, in round 3.
        Files.delete(MeasuredRuns.file(out.resolve("b"), 3));
        Files.delete(out.resolve("b").resolve(Validation.COMPARISON_JSON));
        Suite.run(new Suite.Options(suite, out, report, false, List.of(), v.withRepeat(3)));
        assertThat(calls).containsExactly("a", "b", "a", "b", "a", "b", "b");
        assertThat(MeasuredRuns.list(out.resolve("b"))).containsOnlyKeys(1, 2, 3);

        String md = Files.readString(report);
        // the sample run's driver JVM paused twice, 6 and 14 ms
        assertThat(md).contains("## Real runs and the machine's speed", "| 3 | a | a5 | 1005 | 995 |", "| 0.010 | 2 (20) |", "simulated replications", "real min..max",
                "median over each scenario's real runs", "widened by 30% either side", "| a: producerLatencyMs.p50 |", "10.00 .. 50.00 | 3 |");

        // The report alone, from the folders.
        Files.delete(report);
        Suite.report(new Suite.Options(suite, out, report, false, List.of(), v.withRepeat(3)));
        assertThat(Files.readString(report)).contains("| 3 | a | a5 | 1005 | 995 |");

        // --fresh with --reuse-measured: simulated and compared again, every run kept.
        Suite.run(new Suite.Options(suite, out, report, true, List.of(), v.withRepeat(3).withReuseMeasured(true)));
        assertThat(calls).hasSize(7);
        // --fresh alone: measured anew.
        Suite.run(new Suite.Options(suite, out, report, true, List.of(), v.withRepeat(1)));
        assertThat(calls).hasSize(9);
        assertThat(MeasuredRuns.list(out.resolve("a"))).containsOnlyKeys(1);
    }

    @Test
    void aRealRunThatFailsDropsTheScenarioFromLaterRoundsAndKeepsItsRuns(@TempDir Path tmp) throws Exception {
        Path suite = twoScenarioSuite(tmp);
        Path out = tmp.resolve("out");
        List<String> calls = new ArrayList<>();
        Validation.RealRunner real = (spec, cluster, progress) -> {
            String scenario = spec.cluster().topics().get(0).name().substring(1);
            calls.add(scenario);
            if (scenario.equals("a") && calls.size() == 3) throw new IllegalStateException("broker did not start");
            if (scenario.equals("b") && calls.size() >= 9) throw new IllegalStateException("broker did not stop");
            return RepeatedRunsTest.fake(scenario + calls.size(), 10, 20, 1000);
        };
        Validation.Options v = RepeatedRunsTest.options(new ArrayList<>(), 3, false, real);
        Bars bars = Suite.run(new Suite.Options(suite, out, tmp.resolve("r.md"), false, List.of(), v));
        // Round 2's run of a failed: b still gets round 3.
        assertThat(calls).containsExactly("a", "b", "a", "b", "b");
        assertThat(Files.readString(out.resolve("a").resolve(Suite.FAILURE_TXT))).contains("broker did not start");
        assertThat(MeasuredRuns.list(out.resolve("a"))).containsOnlyKeys(1);
        assertThat(bars.latencyRows()).filteredOn(r -> r.metric().startsWith("a: ")).allMatch(r -> r.simulated() == null);
        assertThat(bars.rowsWithin()).isLessThanOrEqualTo(4);
        // The next invocation resumes a from the run it kept.
        Suite.run(new Suite.Options(suite, out, tmp.resolve("r.md"), false, List.of(), v));
        assertThat(calls).containsExactly("a", "b", "a", "b", "b", "a", "a");
        assertThat(out.resolve("a").resolve(Suite.FAILURE_TXT)).doesNotExist();
        assertThat(ValidationRecord.read(out.resolve("a")).runCount()).isEqualTo(3);
        // A fourth round in which b fails: its comparison from before (three runs) is not shown as this invocation's result,
        // and its rows count as misses.
        Bars fourth = Suite.run(new Suite.Options(suite, out, tmp.resolve("r.md"), false, List.of(), v.withRepeat(4)));
        assertThat(calls).containsExactly("a", "b", "a", "b", "b", "a", "a", "a", "b");
        assertThat(fourth.latencyRows()).filteredOn(r -> r.metric().startsWith("b: ")).hasSize(4).allMatch(r -> r.simulated() == null);
        assertThat(Files.readString(tmp.resolve("r.md"))).contains("No result: broker did not stop");
    }
}
