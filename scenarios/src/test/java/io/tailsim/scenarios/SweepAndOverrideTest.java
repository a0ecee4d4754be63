package io.tailsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepAndOverrideTest {
    @TempDir
    Path dir;

    @BeforeEach
    void profile() throws IOException {
        Files.copy(Path.of("../profiles/latency-blog-r5xlarge.yaml"), dir.resolve("profile.yaml"));
    }

    private Scenario load(String extra) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, ScenarioErrorsTest.VALID + extra);
        return Scenario.load(f);
    }

    @Test
    void axesMultiplyFirstAxisSlowest() throws IOException {
        Scenario s = load("sweep:\n  - key: producers.main.count\n    values: [90, 900]\n"
                + "  - key: producers.main.linger.ms\n    values: [0, 5, 10]\n");
        List<SweepPoint> points = s.sweepPoints();
        assertThat(points).hasSize(6);
        assertThat(points.get(0).label()).isEqualTo("producers.main.count=90, producers.main.linger.ms=0");
        assertThat(points.get(5).label()).isEqualTo("producers.main.count=900, producers.main.linger.ms=10");
        Scenario last = s.at(points.get(5));
        assertThat(last.spec().producerGroups().get(0).count()).isEqualTo(900);
        assertThat(last.spec().producerGroups().get(0).config().lingerNanos()).isEqualTo(10_000_000L);
        assertThat(last.sweepAxes()).isEmpty();
        assertThat(s.spec().producerGroups().get(0).count()).as("the base is untouched").isEqualTo(9);
    }

    @Test
    void dottedKafkaKeysAndAbsentKeysResolve() throws IOException {
        Scenario s = load("");
        assertThat(s.with("producers.main.max.in.flight.requests.per.connection", "1").spec()
                .producerGroups().get(0).config().maxInFlightRequestsPerConnection()).isEqualTo(1);
        assertThat(s.with("cluster.num.replica.fetchers", "4").spec().brokerConfig().numReplicaFetchers()).isEqualTo(4);
        assertThat(s.with("producers.main.record.value-bytes", "1KiB").spec().producerGroups().get(0).valueBytes()).isEqualTo(1024);
        assertThat(s.with("producers.main.arrival", "{process: on-off, on: 1s, off: 3s}").spec().producerGroups().get(0)
                .arrival().meanRate()).isCloseTo(9e6 / 516 / 9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.with("seed", "42").seed()).isEqualTo(42);
        assertThat(s.with("replications", "7").replications()).isEqualTo(7);
    }

    @Test
    void overridePathsNeedExistingNames() throws IOException {
        Scenario s = load("");
        assertThatThrownBy(() -> s.with("producers.mian.count", "3")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no key 'mian' under 'producers'").hasMessageContaining("did you mean 'main'?");
        assertThatThrownBy(() -> s.with("duration.seconds", "3")).hasMessageContaining("holds a single value");
    }
}
