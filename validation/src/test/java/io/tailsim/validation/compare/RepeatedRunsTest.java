package io.tailsim.validation.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.MeasuredRunTest;
import io.tailsim.validation.cluster.ClusterOptions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Repeated real runs without a real cluster: the median/min/max reference, the runs kept and added, the legacy layout. */
class RepeatedRunsTest {
    static final Path PROFILE = Path.of("../profiles/local.yaml");
    static final Path SCENARIO = Path.of("src/test/resources/suite/base.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sample run with its id, producer p50 and p99, end-to-end p50 and p99 (ms) and machine speed replaced. */
    static MeasuredRun fake(String runId, double p50, double p99, double speed) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(MeasuredRunTest.sample().toJson());
            n.put("runId", runId);
            ObjectNode p = (ObjectNode) n.get("producerLatencyMs");
            p.put("p50", p50);
            p.put("p99", p99);
            ObjectNode e = (ObjectNode) n.get("endToEndLatencyMs");
            e.put("p50", p50 + 1);
            e.put("p99", p99 + 1);
            ObjectNode s = (ObjectNode) n.get("machineSpeed");
            s.put("before", speed);
            s.put("after", speed - 10);
            return MeasuredRun.fromJson(JSON.writeValueAsString(n));
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    /** Rewrites kept run {@code k} in {@code dir} as a harness from before {@code field} existed kept it: without it. */
    private static void keptAsMeasuredBefore(Path dir, int k, String field) throws java.io.IOException {
        Path f = MeasuredRuns.file(dir, k);
        Files.writeString(f, MeasuredRunTest.withoutFields(Files.readString(f), field));
    }

    static Validation.Options options(List<String> log, int repeat, boolean reuse, Validation.RealRunner real) {
        // the fakes were measured after the scenario's 10 s alone
        return new Validation.Options(PROFILE, 1, 1, ClusterOptions.defaults().withBrokerWarmup(java.time.Duration.ZERO), OverlayFigure.NONE, reuse,
                log::add).withRepeat(repeat).withReal(real);
    }

    @Test
    void theMedianIsTheMiddleRunOrTheMeanOfTheMiddleTwo() {
        assertThat(MeasuredReference.Spread.of(3, 1, 2)).isEqualTo(new MeasuredReference.Spread(2, 1, 3, 3));
        assertThat(MeasuredReference.Spread.of(20, 1, 10, 2)).isEqualTo(new MeasuredReference.Spread(6, 1, 20, 4));
        assertThat(MeasuredReference.Spread.of(5)).isEqualTo(new MeasuredReference.Spread(5, 5, 5, 1));
    }

    @Property
    void theMedianHasAtMostHalfTheRunsOnEitherSide(@ForAll @Size(min = 1, max = 15) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        MeasuredReference.Spread s = MeasuredReference.Spread.of(v);
        assertThat(s.runs()).isEqualTo(v.length);
        assertThat(s.min()).isEqualTo(Arrays.stream(v).min().orElseThrow());
        assertThat(s.max()).isEqualTo(Arrays.stream(v).max().orElseThrow());
        assertThat(s.median()).isBetween(s.min(), s.max());
        assertThat(Arrays.stream(v).filter(x -> x < s.median()).count()).isLessThanOrEqualTo(v.length / 2);
        assertThat(Arrays.stream(v).filter(x -> x > s.median()).count()).isLessThanOrEqualTo(v.length / 2);
    }

    @Test
    void theReferenceTakesEachMetricOverTheRunsThatObservedIt() {
        Map<Integer, MeasuredRun> runs = new LinkedHashMap<>();
        runs.put(1, fake("r1", 10, 40, 1000));
        runs.put(2, fake("r2", 30, 20, 900));
        runs.put(3, fake("r3", 20, 90, 800));
        MeasuredReference ref = MeasuredReference.of(runs);
        assertThat(ref.metrics().get("producerLatencyMs.p50")).isEqualTo(new MeasuredReference.Spread(20, 10, 30, 3));
        assertThat(ref.metrics().get("producerLatencyMs.p99")).isEqualTo(new MeasuredReference.Spread(40, 20, 90, 3));
        assertThat(ref.metrics().get(Comparison.CPU).median()).isCloseTo(0.75 + 0.4, within(1e-12));
        assertThat(ref.runs()).extracting(MeasuredReference.RealRun::run).containsExactly(1, 2, 3);
        assertThat(ref.runs().get(2).machineSpeed().before()).isEqualTo(800);
        assertThat(ref.byRun("producerLatencyMs.p99")).containsExactly(Map.entry(1, 40.0), Map.entry(2, 20.0), Map.entry(3, 90.0));
        // A metric one run did not observe is taken over the others.
        List<Map<String, Double>> perRun = new ArrayList<>(ref.runMetrics());
        perRun.set(1, new LinkedHashMap<>(perRun.get(1)));
        perRun.get(1).remove("producerLatencyMs.p50");
        assertThat(MeasuredReference.aggregate(perRun).get("producerLatencyMs.p50")).isEqualTo(new MeasuredReference.Spread(15, 10, 20, 2));
    }

    @Test
    void keptRunsMeasuredAfterAnotherWarmupAreNotPooled(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        int[] calls = {0};
        Validation.RealRunner real = (spec, cluster, progress) -> fake("run-" + ++calls[0], 10, 40, 1000);
        Validation.run(SCENARIO, dir, options(log, 2, false, real));
        assertThat(calls[0]).isEqualTo(2);

        Validation.Options warm = new Validation.Options(PROFILE, 1, 1, ClusterOptions.defaults(), OverlayFigure.NONE, true, log::add)
                .withRepeat(3).withReal(real);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Validation.run(SCENARIO, dir, warm))
                .isInstanceOf(Validation.MixedWarmupException.class)
                .hasMessageContaining("measured after 10 s of warm-up").hasMessageContaining("warms the brokers for 100 s")
                .hasMessageContaining("--broker-warmup 0");
        assertThat(calls[0]).as("nothing measured").isEqualTo(2);
        assertThat(MeasuredRuns.list(dir)).containsOnlyKeys(1, 2);
    }

    /**
     * Runs whose Trogdor producers each drew their own clock offset (no producerClocks: the harness before 2026-12-07) are
     * reported as they are, but not pooled with runs of one clock per machine: adding a run to them, or a folder holding both,
     * is refused before anything is measured. A scenario without a clock skew pools either.
     */
    @Test
    void keptRunsOfProducersWithClocksOfTheirOwnAreNotPooledWithOneClockPerMachine(@TempDir Path tmp) throws Exception {
        Path skewed = tmp.resolve("trogdor.yaml");
        Files.writeString(skewed, Files.readString(SCENARIO).replace("profile: ../../../../../profiles/local.yaml",
                        "profile: " + PROFILE.toAbsolutePath().normalize())
                .replace("record: {value-bytes: 100}}", "record: {value-bytes: 100}, arrival: {process: trogdor, clock-skew: 1ms}}"));
        List<String> log = new ArrayList<>();
        int[] calls = {0};
        Validation.RealRunner real = (spec, cluster, progress) -> fake("run-" + ++calls[0], 10, 40, 1000);
        Path dir = tmp.resolve("out");
        Validation.run(skewed, dir, options(log, 2, false, real));
        assertThat(MeasuredRuns.readAll(dir).values()).allMatch(MeasuredRun::perMachineClock);
        // the same two runs as the harness kept them before 2026-12-07
        for (int k : MeasuredRuns.list(dir).keySet()) {
            keptAsMeasuredBefore(dir, k, "producerClocks");
        }
        assertThat(MeasuredRuns.readAll(dir).values()).noneMatch(MeasuredRun::perMachineClock);
        Validation.run(skewed, dir, options(log, 2, true, real));
        assertThat(calls[0]).as("reported as they are").isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Validation.run(skewed, dir, options(log, 3, true, real)))
                .isInstanceOf(Validation.MixedClocksException.class)
                .hasMessageContaining("drew its own clock offset").hasMessageContaining("--repeat 2");
        assertThat(calls[0]).as("nothing measured").isEqualTo(2);
        // without a clock skew the two harnesses run the same workload
        Path plain = tmp.resolve("plain");
        Validation.run(SCENARIO, plain, options(log, 1, false, real));
        keptAsMeasuredBefore(plain, 1, "producerClocks");
        Validation.run(SCENARIO, plain, options(log, 2, true, real));
        assertThat(MeasuredRuns.list(plain)).containsOnlyKeys(1, 2);
    }

    /**
     * Runs whose counters were snapshotted at the window's edges (no snapshotLeadSeconds: the harness before 2026-12-07 18:30
     * UTC) are reported as they are, but adding a run to them, or a folder holding both kinds, is refused before anything is
     * measured.
     */
    @Test
    void keptRunsSnapshottedAtTheWindowsEdgesAreNotPooledWithRunsSnapshottedOutsideIt(@TempDir Path tmp) throws Exception {
        List<String> log = new ArrayList<>();
        int[] calls = {0};
        Validation.RealRunner real = (spec, cluster, progress) -> fake("run-" + ++calls[0], 10, 40, 1000);
        Path dir = tmp.resolve("out");
        Validation.run(SCENARIO, dir, options(log, 2, false, real));
        assertThat(MeasuredRuns.readAll(dir).values()).allMatch(MeasuredRun::snapshotsOutsideWindow);
        keptAsMeasuredBefore(dir, 1, "snapshotLeadSeconds");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Validation.run(SCENARIO, dir, options(log, 2, true, real)))
                .isInstanceOf(Validation.MixedSnapshotsException.class)
                .hasMessageContaining("real run [1]").hasMessageContaining("others measured with the snapshots outside the window");
        keptAsMeasuredBefore(dir, 2, "snapshotLeadSeconds");
        Validation.run(SCENARIO, dir, options(log, 2, true, real));
        assertThat(calls[0]).as("the older runs reported as they are").isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Validation.run(SCENARIO, dir, options(log, 3, true, real)))
                .isInstanceOf(Validation.MixedSnapshotsException.class)
                .hasMessageContaining("real runs [1, 2]").hasMessageContaining("--repeat 3 would add").hasMessageContaining("--repeat 2");
        assertThat(calls[0]).as("nothing measured").isEqualTo(2);
    }

    @Test
    void validateRepeatsTheRealRunKeepsEveryRunAndComparesWithTheMedian(@TempDir Path dir) throws Exception {
        double[][] figures = {{10, 40}, {30, 20}, {20, 90}, {12, 50}, {14, 60}, {99, 99}};
        List<String> log = new ArrayList<>();
        int[] calls = {0};
        Validation.RealRunner real = (spec, cluster, progress) -> {
            double[] f = figures[calls[0]++];
            return fake("run-" + calls[0], f[0], f[1], 1000 - calls[0]);
        };
        Validation.Result r = Validation.run(SCENARIO, dir, options(log, 3, false, real));
        assertThat(calls[0]).isEqualTo(3);
        assertThat(MeasuredRuns.list(dir)).containsOnlyKeys(1, 2, 3);
        ComparisonRow p50 = r.comparison().row("producerLatencyMs.p50").orElseThrow();
        assertThat(p50.measured()).isEqualTo(20);
        assertThat(p50.measuredMin()).isEqualTo(10);
        assertThat(p50.measuredMax()).isEqualTo(30);
        assertThat(p50.measuredRuns()).isEqualTo(3);
        assertThat(p50.relativeError()).isCloseTo((p50.simulated() - 20) / 20, within(1e-12));
        assertThat(Comparison.read(dir.resolve(Validation.COMPARISON_JSON))).isEqualTo(r.comparison());
        assertThat(Files.readString(dir.resolve(Validation.COMPARISON_JSON))).contains("\"measuredMin\"", "\"measuredMax\"", "\"measuredRuns\" : 3");
        assertThat(r.record().runCount()).isEqualTo(3);
        assertThat(r.record().runId()).isEqualTo("run-1, run-2, run-3");
        assertThat(MeasuredRuns.readReference(dir).runs()).extracting(MeasuredReference.RealRun::runId).containsExactly("run-1", "run-2", "run-3");
        String first = Files.readString(MeasuredRuns.file(dir, 1));

        // A larger N with --reuse-measured adds runs and keeps the finished ones.
        r = Validation.run(SCENARIO, dir, options(log, 5, true, real));
        assertThat(calls[0]).isEqualTo(5);
        assertThat(MeasuredRuns.list(dir)).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(Files.readString(MeasuredRuns.file(dir, 1))).isEqualTo(first);
        assertThat(r.comparison().row("producerLatencyMs.p50").orElseThrow().measured()).isEqualTo(14);
        assertThat(log).anyMatch(l -> l.contains("kept 3 real runs"));

        // --reuse-measured with N no larger than the runs kept: no real run at all.
        Validation.run(SCENARIO, dir, options(log, 2, true, real));
        assertThat(calls[0]).isEqualTo(5);

        // Without --reuse-measured validate FILE measures anew.
        r = Validation.run(SCENARIO, dir, options(log, 1, false, real));
        assertThat(calls[0]).isEqualTo(6);
        assertThat(MeasuredRuns.list(dir)).containsOnlyKeys(1);
        assertThat(r.comparison().row("producerLatencyMs.p50").orElseThrow().measured()).isEqualTo(99);
    }

    @Test
    void aSingleRunMeasuredJsonOfTheEarlierLayoutIsAdoptedAsRunOne(@TempDir Path dir) throws Exception {
        MeasuredRun legacy = fake("old", 10, 30, 500);
        Files.writeString(dir.resolve(Validation.MEASURED_JSON), legacy.toJson());
        assertThat(MeasuredRuns.readReference(dir).runs()).extracting(MeasuredReference.RealRun::runId).containsExactly("old");
        int[] calls = {0};
        Validation.Result r = Validation.run(SCENARIO, dir, options(new ArrayList<>(), 2, true, (spec, cluster, progress) -> {
            calls[0]++;
            return fake("new", 20, 50, 600);
        }));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(MeasuredRun.fromJson(Files.readString(MeasuredRuns.file(dir, 1)))).isEqualTo(legacy);
        assertThat(r.comparison().row("producerLatencyMs.p50").orElseThrow().measured()).isEqualTo(15);
        assertThat(MeasuredRuns.readReference(dir).runs()).extracting(MeasuredReference.RealRun::runId).containsExactly("old", "new");
    }

    @Test
    void pairsTakeTheirMeasuredRatioRoundByRoundAndRowsCountAgainstTheWidenedRange() {
        Pair pair = new Pair("a vs b", "a", "b", List.of("producerLatencyMs.p50"));
        Map<Integer, MeasuredRun> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        a.put(1, fake("a1", 10, 40, 1));
        a.put(2, fake("a2", 20, 40, 1));
        a.put(3, fake("a3", 40, 40, 1));
        b.put(1, fake("b1", 30, 40, 1));
        b.put(2, fake("b2", 30, 40, 1));
        MeasuredReference ra = MeasuredReference.of(a), rb = MeasuredReference.of(b);
        Comparison ca = Comparison.of("a", null, null, ra, List.of("t"));
        Comparison cb = Comparison.of("b", null, null, rb, List.of("t"));
        Pair.Outcome o = pair.outcomes(ca, cb, ra, rb).get(0);
        assertThat(o.measuredRatio()).isEqualTo(30.0 / 20);
        // Rounds 1 and 2 only (b has no run 3): 30/10 and 30/20.
        assertThat(o.rounds()).isEqualTo(2);
        assertThat(o.roundRatioMin()).isEqualTo(1.5);
        assertThat(o.roundRatioMax()).isEqualTo(3.0);
        assertThat(pair.outcomes(ca, cb).get(0).rounds()).isZero();

        // p50 runs 10..40: widened to [7, 52].
        List<ComparisonRow> rows = List.of(ComparisonRow.ofRuns("x", 7.0, new MeasuredReference.Spread(20, 10, 40, 3)),
                ComparisonRow.ofRuns("x", 52.0, new MeasuredReference.Spread(20, 10, 40, 3)),
                ComparisonRow.ofRuns("x", 6.9, new MeasuredReference.Spread(20, 10, 40, 3)),
                ComparisonRow.ofRuns("x", 52.1, new MeasuredReference.Spread(20, 10, 40, 3)),
                ComparisonRow.ofRuns("x", null, new MeasuredReference.Spread(20, 10, 40, 3)),
                new ComparisonRow("x", 12.0, 10.0, 0.2, null, null, null, null, null));
        assertThat(rows).extracting(r -> r.simulatedWithinRange(0.3)).containsExactly(true, true, false, false, false, true);

        Bars bars = Bars.of(Map.of("a", withSimulated(ca, 15.0), "b", withSimulated(cb, 100.0)), List.of(pair), Map.of("a", ra, "b", rb));
        assertThat(bars.latencyRows()).hasSize(8);
        // a: producer p50 (runs 10..40) and end-to-end p50 (11..41) hold 15; no row of b (runs at 30..41) holds 100.
        assertThat(bars.rowsInRange()).isEqualTo(2);
        assertThat(bars.pairs().get(0).rounds()).isEqualTo(2);
    }

    @Test
    void aPairsMeasuredDirectionIsEstablishedOnlyWhenTheRoundsLeanOneWayBeyondChance() {
        Pair pair = new Pair("a vs b", "a", "b", List.of("producerLatencyMs.p50"));
        // Eight rounds, the variant higher in every one: the exact two-sided signed-rank p is 2 / 2^8.
        Pair.Outcome all = outcome(pair, new double[] {10, 11, 12, 13, 14, 15, 16, 17}, new double[] {11, 13, 15, 17, 19, 21, 23, 25});
        assertThat(all.roundsVariantHigher()).isEqualTo(8);
        assertThat(all.directionPValue()).isCloseTo(2.0 / 256, within(1e-12));
        assertThat(all.measuredDirectionEstablished()).isTrue();
        // Higher in half the rounds, by alternating amounts: no direction (W+ = 1+4+5+8 = 18 of 36, p 1).
        Pair.Outcome mixed = outcome(pair, new double[] {10, 10, 10, 10, 10, 10, 10, 10}, new double[] {11, 8, 7, 14, 15, 4, 3, 18});
        assertThat(mixed.roundsVariantHigher()).isEqualTo(4);
        assertThat(mixed.directionPValue()).isGreaterThan(0.5);
        assertThat(mixed.measuredDirectionEstablished()).isFalse();
        // Five rounds are too few for the test: even five of five cannot reach p < 0.05 two-sided.
        Pair.Outcome few = outcome(pair, new double[] {10, 11, 12, 13, 14}, new double[] {20, 21, 22, 23, 24});
        assertThat(few.directionPValue()).isNull();
        assertThat(few.measuredDirectionEstablished()).isFalse();
        assertThat(Pair.directionPValue(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 2, 3, 4, 5, 6})).isEqualTo(1.0);
        // more rounds than the exact test takes: the normal approximation, still a clear lean
        double[] a40 = new double[40], b40 = new double[40];
        for (int k = 0; k < 40; k++) {
            a40[k] = 10 + k;
            b40[k] = 10 + k + (k % 8 == 0 ? -0.5 : 1 + 0.1 * k);
        }
        assertThat(Pair.directionPValue(a40, b40)).isLessThan(1e-4);
    }

    @Test
    void scenariosMeasuredInSeparateSuiteRunsAreReportedAsSeparateSeriesOfRounds() {
        Map<String, SuiteReport.Entry> entries = new LinkedHashMap<>();
        entries.put("b", entry("b", "20261206-091819-1-a", "20261206-092530-1-b"));
        entries.put("a", entry("a", "20261206-091700-1-c", "20261206-092400-1-d"));
        entries.put("p", entry("p", "20261206-043556-1-e", "20261206-050000-1-f"));
        entries.put("x", entry("x", "legacy-run", "legacy-run-2"));
        // a and b started within minutes of each other: one series; p hours before: another; x has no readable time
        assertThat(SuiteReport.series(entries)).containsExactly(List.of("p"), List.of("a", "b"));
        entries.remove("p");
        assertThat(SuiteReport.series(entries)).containsExactly(List.of("a", "b"));
        assertThat(SuiteReport.startOf("20261206-091819-20119-3eb4")).isEqualTo(java.time.LocalDateTime.of(2026, 12, 6, 9, 18, 19));
        assertThat(SuiteReport.startOf("20261306-091819")).isNull();
    }

    private static SuiteReport.Entry entry(String name, String... runIds) {
        Map<Integer, MeasuredRun> runs = new LinkedHashMap<>();
        for (int k = 0; k < runIds.length; k++) runs.put(k + 1, fake(runIds[k], 10, 30, 1));
        return new SuiteReport.Entry(name, null, null, null, null, MeasuredReference.of(runs), null);
    }

    /** The pair's outcome over rounds 1..n with producer p50 {@code a[k]} and {@code b[k]} in round k + 1. */
    private static Pair.Outcome outcome(Pair pair, double[] a, double[] b) {
        Map<Integer, MeasuredRun> ra = new LinkedHashMap<>(), rb = new LinkedHashMap<>();
        for (int k = 0; k < a.length; k++) {
            ra.put(k + 1, fake("a" + k, a[k], 40, 1));
            rb.put(k + 1, fake("b" + k, b[k], 40, 1));
        }
        MeasuredReference ma = MeasuredReference.of(ra), mb = MeasuredReference.of(rb);
        return pair.outcomes(Comparison.of("a", null, null, ma, List.of("t")), Comparison.of("b", null, null, mb, List.of("t")), ma, mb).get(0);
    }

    /** The comparison with every latency row simulated at {@code value}. */
    private static Comparison withSimulated(Comparison c, double value) {
        return new Comparison(c.scenario(), c.rows().stream().map(r -> r.metric().contains("LatencyMs")
                ? ComparisonRow.ofRuns(r.metric(), value, new MeasuredReference.Spread(r.measured(), r.measuredMin(), r.measuredMax(), r.measuredRuns()))
                : r).toList());
    }
}
