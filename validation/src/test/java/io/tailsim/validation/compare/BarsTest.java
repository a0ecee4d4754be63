package io.tailsim.validation.compare;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BarsTest {
    private static Comparison run(String name, double prodP50Sim, double prodP50Meas, double prodP99Sim, double prodP99Meas) {
        return new Comparison(name, List.of(
                ComparisonRow.of("producerLatencyMs.p50", prodP50Sim, prodP50Meas),
                ComparisonRow.of("producerLatencyMs.p99", prodP99Sim, prodP99Meas),
                ComparisonRow.of("endToEndLatencyMs.p50", null, prodP50Meas + 1),
                ComparisonRow.of("endToEndLatencyMs.p99", prodP99Sim + 1, prodP99Meas + 1)));
    }

    @Test
    void countsLatencyRowsWithinThirtyPercentAndMissingSimulatedFiguresAsMisses() {
        Map<String, Comparison> c = new LinkedHashMap<>();
        c.put("base", run("base", 10, 10, 20, 20));
        c.put("acks-1", run("acks-1", 5, 10, 14, 20));
        Bars b = Bars.of(c, List.of());
        assertThat(b.latencyRows()).hasSize(8);
        // base: 3 within (e2e p50 has no simulated figure); acks-1: p50 -50%, p99 -30% (within), e2e p99 -28.6% (within).
        assertThat(b.rowsWithin()).isEqualTo(5);
        assertThat(b.shareWithin()).isCloseTo(5 / 8.0, within(1e-12));
        assertThat(b.rowsPass()).isFalse();
    }

    @Test
    void aPairMustMoveTheMeasuredWayWithinThirtyPercentOfTheMeasuredRatio() {
        Pair pair = new Pair("acks 1 vs all", "acks-1", "base", List.of("producerLatencyMs.p50", "producerLatencyMs.p99"));
        Map<String, Comparison> c = new LinkedHashMap<>();
        // measured: p50 ratio 20/10 = 2.0, simulated 12/8 = 1.5 (within 25%); p99 measured 40/20 = 2, simulated 18/20 = 0.9 (wrong way).
        c.put("acks-1", run("acks-1", 8, 10, 20, 20));
        c.put("base", run("base", 12, 20, 18, 40));
        Bars b = Bars.of(c, List.of(pair));
        Pair.Outcome p50 = b.pairs().get(0), p99 = b.pairs().get(1);
        assertThat(p50.measuredRatio()).isCloseTo(2.0, within(1e-12));
        assertThat(p50.simulatedRatio()).isCloseTo(1.5, within(1e-12));
        assertThat(p50.sameDirection()).isTrue();
        assertThat(p50.withinTolerance()).isTrue();
        assertThat(p99.sameDirection()).isFalse();
        assertThat(p99.withinTolerance()).isFalse();
        assertThat(b.pairsPass()).isFalse();
    }

    /** The simulated ratio carries its figures' replication intervals; the bar counts the ratio, the interval says if its side is noise. */
    @Test
    void aSimulatedRatioWhoseIntervalSpansOneHasNoEstablishedDirectionButStillCounts() {
        Pair pair = new Pair("linger.ms 0 vs 5", "linger-0", "base", List.of("producerLatencyMs.p50", "producerLatencyMs.p99"));
        Map<String, Comparison> c = new LinkedHashMap<>();
        // p50: 10.0 +/- 0.05 (0.5%) against 10.01 +/- 0.05: ratio 1.001, half-width 0.707% -> spans 1
        // p99: 20 +/- 0.6 (3%) against 30 +/- 1.2 (4%): ratio 1.5, half-width 5% -> [1.425, 1.575]
        c.put("linger-0", new Comparison("linger-0", List.of(
                ComparisonRow.of("producerLatencyMs.p50", 10.0, 9.0).withSimulatedInterval(new double[] {9.95, 10.05}),
                ComparisonRow.of("producerLatencyMs.p99", 20.0, 20.0).withSimulatedInterval(new double[] {19.4, 20.6}))));
        c.put("base", new Comparison("base", List.of(
                ComparisonRow.of("producerLatencyMs.p50", 10.01, 10.0).withSimulatedInterval(new double[] {9.96, 10.06}),
                ComparisonRow.of("producerLatencyMs.p99", 30.0, 28.0).withSimulatedInterval(new double[] {28.8, 31.2}))));
        Bars b = Bars.of(c, List.of(pair));
        Pair.Outcome p50 = b.pairs().get(0), p99 = b.pairs().get(1);
        double rel = Math.sqrt(2) * 0.005;
        assertThat(p50.simulatedRatio()).isCloseTo(1.001, within(1e-12));
        assertThat(p50.simulatedRatioLow()).isCloseTo(1.001 * (1 - Math.hypot(0.05 / 10.0, 0.05 / 10.01)), within(1e-12));
        assertThat(p50.simulatedRatioHigh()).isCloseTo(1.001 * (1 + Math.hypot(0.05 / 10.0, 0.05 / 10.01)), within(1e-12));
        assertThat(p50.simulatedRatioHigh() - p50.simulatedRatio()).isCloseTo(1.001 * rel, within(1e-5));
        assertThat(p50.simulatedDirectionEstablished()).isFalse();
        assertThat(p50.withinTolerance()).isTrue();
        assertThat(p99.simulatedRatioLow()).isCloseTo(1.5 * 0.95, within(1e-12));
        assertThat(p99.simulatedRatioHigh()).isCloseTo(1.5 * 1.05, within(1e-12));
        assertThat(p99.simulatedDirectionEstablished()).isTrue();
        // a figure without an interval (older comparison.json files) gives none for the ratio
        c.put("base", new Comparison("base", List.of(ComparisonRow.of("producerLatencyMs.p50", 10.01, 10.0),
                ComparisonRow.of("producerLatencyMs.p99", 30.0, 28.0))));
        Pair.Outcome bare = Bars.of(c, List.of(pair)).pairs().get(0);
        assertThat(bare.simulatedRatioLow()).isNull();
        assertThat(bare.simulatedDirectionEstablished()).isFalse();
    }

    /** A pair beside the bar is reported with its outcomes but neither fails the bar nor goes missing from it. */
    @Test
    void aPairBesideTheBarIsReportedButNotCounted() {
        Pair counted = new Pair("acks 1 vs all", "acks-1", "base", List.of("producerLatencyMs.p50"));
        Pair beside = new Pair("linger.ms 0 vs 5 under a flush", "linger-0", "base", List.of("producerLatencyMs.p50", "producerLatencyMs.p99"));
        Map<String, Comparison> c = new LinkedHashMap<>();
        c.put("acks-1", run("acks-1", 5, 5, 10, 10));
        c.put("base", run("base", 10, 10, 20, 20));
        // linger-0's p99 the wrong way: simulated 20/24 < 1, measured 20/18 > 1
        c.put("linger-0", run("linger-0", 10, 10, 24, 18));
        Bars b = Bars.of(c, List.of(counted), List.of(beside), Map.of(), List.of());
        assertThat(b.pairs()).extracting(Pair.Outcome::metric).containsExactly("producerLatencyMs.p50");
        assertThat(b.besideTheBar()).extracting(Pair.Outcome::metric).containsExactly("producerLatencyMs.p50", "producerLatencyMs.p99");
        assertThat(b.besideTheBar().get(1).withinTolerance()).isFalse();
        assertThat(b.pairsPass()).isTrue();
        // its scenarios' latency rows still count in the rows bar
        assertThat(b.latencyRows()).hasSize(12);
        // without one of its scenarios it is left out, not missing
        c.remove("linger-0");
        Bars without = Bars.of(c, List.of(counted), List.of(beside), Map.of(), List.of());
        assertThat(without.besideTheBar()).isEmpty();
        assertThat(without.missingPairs()).isEmpty();
        assertThat(without.pairsPass()).isTrue();
    }

    /** Each linger.ms pair's two suite files say the same thing but for linger.ms (and the comments and description saying so). */
    @Test
    void eachLingerPairsScenariosDifferOnlyInLingerMs() throws java.io.IOException {
        List<Pair> linger = java.util.stream.Stream.concat(Pair.SUITE.stream(), Pair.BESIDE_THE_BAR.stream())
                .filter(p -> p.label().startsWith("linger.ms")).toList();
        assertThat(linger).extracting(Pair::baseline).containsExactly("linger-steady-0", "linger-0");
        for (Pair p : linger) {
            List<String> a = settings(p.baseline()), b = settings(p.variant());
            List<String> onlyA = new java.util.ArrayList<>(a), onlyB = new java.util.ArrayList<>(b);
            onlyA.removeAll(b);
            onlyB.removeAll(a);
            assertThat(onlyA).as(p.label()).containsExactly("linger.ms: 0");
            assertThat(onlyB).as(p.label()).containsExactly("linger.ms: 5");
        }
    }

    private static List<String> settings(String scenario) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("suite", scenario + ".yaml")).stream()
                .map(l -> l.replaceFirst("\\s+#.*$", "").trim())
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("description:")).toList();
    }

    @Test
    void aPairWithoutOneOfItsRunsIsMissingAndFailsTheBar() {
        Map<String, Comparison> c = new LinkedHashMap<>();
        c.put("base", run("base", 10, 10, 20, 20));
        Bars b = Bars.of(c, Pair.SUITE);
        assertThat(b.missingPairs()).hasSize(4);
        assertThat(b.pairsPass()).isFalse();
    }
}
