package io.tailsim.cli;

import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.explain.Breakdown;
import io.tailsim.scenarios.explain.Explainer;
import io.tailsim.scenarios.explain.Explanation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExplainCommandTest {
    @Test
    void theTailIsExplainedAgainstTheMedian() {
        Explanation e = new Explainer().explain(Scenario.load(RunCommandTest.TINY), 99, 3, null);
        assertThat(e.traced()).isGreaterThan(1000);
        Breakdown tail = e.tail();
        Breakdown median = e.median();
        assertThat(tail.records()).isGreaterThan(5);
        assertThat(tail.lowMs()).isGreaterThanOrEqualTo(median.highMs());
        assertThat(tail.meanLatencyMs()).isGreaterThan(median.meanLatencyMs());
        for (Breakdown b : new Breakdown[] {tail, median}) {
            assertThat(b.componentShares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(b.activities().stream().mapToDouble(Breakdown.Share::share).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(b.resources().stream().mapToDouble(Breakdown.Share::share).sum()).isCloseTo(1.0, within(1e-9));
            // Shares are sorted, and mean times per record add up to the group's mean latency.
            assertThat(b.activities().get(0).share()).isGreaterThanOrEqualTo(b.activities().get(b.activities().size() - 1).share());
            assertThat(b.activities().stream().mapToDouble(Breakdown.Share::meanMs).sum()).isCloseTo(b.meanLatencyMs(), within(1e-6));
            assertThat(b.componentShares()).containsKeys("produce", "publish", "commit");
        }
        assertThat(e.samples()).hasSize(3);
        assertThat(e.samples().get(0).stages().get(0).what()).isEqualTo("send()");
    }

    @Test
    void explainPrintsPlainWordsAndRejectsABadPercentile() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        int exit;
        try {
            exit = RunCommandTest.run("explain", RunCommandTest.TINY.toString(), "--percentile", "95", "--trace", "1").exit();
        } finally {
            System.setOut(saved);
        }
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Records at or above p95 of producer latency").contains("In short:")
                .contains("request queue").contains("ms after send()");
        assertThat(RunCommandTest.run("explain", RunCommandTest.TINY.toString(), "--percentile", "100").exit()).isEqualTo(2);
    }
}
