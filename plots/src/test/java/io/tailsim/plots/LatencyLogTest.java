package io.tailsim.plots;

import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.RunOutputs;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyLogTest {
    @Test
    void readsOneHistogramPerReplicationTopicAndMetric() {
        RunFolder run = RunFolder.read(Fixtures.run());
        Summary s = run.summary();
        LatencyLog log = run.log();
        assertThat(log.replications()).isEqualTo(3);
        assertThat(log.topics()).containsExactly("audit", "events");
        List<Histogram> all = log.perReplication("producerLatency", null);
        assertThat(all).hasSize(3);
        assertThat(all.stream().mapToLong(Histogram::getTotalCount).sum()).isEqualTo(s.producerLatencyMs().count());
        long events = log.perReplication("producerLatency", "events").stream().mapToLong(Histogram::getTotalCount).sum();
        assertThat(events).isEqualTo(s.topics().get("events").producerLatencyMs().count());
        // The fixture has no consumers: nothing end-to-end was written, so nothing is read back.
        assertThat(log.perReplication("endToEnd", null)).isEmpty();
    }

    @Test
    void aCorruptLogIsAResultFolderErrorNamingTheFile(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve(RunOutputs.LATENCY_LOG);
        Files.writeString(bad, "#[StartTime: 0]\n0.000,1.000,1.0,this-is-not-a-histogram\n");
        assertThatThrownBy(() -> LatencyLog.read(bad)).isInstanceOf(ResultFolderException.class)
                .hasMessageContaining(bad.toString());
    }
}
