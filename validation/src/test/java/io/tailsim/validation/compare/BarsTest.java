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

    @Test
    void aPairWithoutOneOfItsRunsIsMissingAndFailsTheBar() {
        Map<String, Comparison> c = new LinkedHashMap<>();
        c.put("base", run("base", 10, 10, 20, 20));
        Bars b = Bars.of(c, Pair.SUITE);
        assertThat(b.missingPairs()).hasSize(4);
        assertThat(b.pairsPass()).isFalse();
    }
}
