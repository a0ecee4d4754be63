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
                3, null, "4.4.0", "run-1", 0.02, false, false, 0.3, 1.5, 0, 100, 100, 2, 24000, List.of(), Map.of("total", 60.0)).write(done);

        List<String> log = new ArrayList<>();
        Path report = tmp.resolve("docs").resolve("validation.md");
        Validation.Options v = new Validation.Options(Path.of("../profiles/local.yaml"), 1, 1, ClusterOptions.defaults(), OverlayFigure.NONE, false, log::add);
        Bars bars = Suite.run(new Suite.Options(Path.of("src/test/resources/suite"), out, report, false, List.of(), v));

        assertThat(log).anyMatch(l -> l.contains("base: done earlier"));
        assertThat(log).anyMatch(l -> l.contains("big: FAILED") && l.contains("refused"));
        assertThat(Files.readString(out.resolve("big").resolve(Suite.FAILURE_TXT))).contains("offered load 50.0 MB/s exceeds 25.0 MB/s");
        assertThat(bars.latencyRows()).hasSize(4);
        assertThat(bars.rowsWithin()).isEqualTo(1);
        assertThat(bars.rowsPass()).isFalse();
        assertThat(bars.pairsPass()).isFalse();

        String md = Files.readString(report);
        assertThat(md).contains("## The machine", "## Bars", "## base", "## big", "No result: refused", "1 of 4 rows (25%)", "not met",
                "Note: a note", "| producerLatencyMs.p99 | 30.00 | 20.00 | +50% |", "## How the comparison is made");
    }
}
