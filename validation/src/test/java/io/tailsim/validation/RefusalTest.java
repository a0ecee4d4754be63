package io.tailsim.validation;

import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.cluster.ClusterSpec;
import io.tailsim.validation.cluster.RealCluster;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Oversized runs are refused before any process or folder exists. */
class RefusalTest {
    @TempDir
    Path base;

    private ClusterOptions options() {
        ClusterOptions d = ClusterOptions.defaults();
        return new ClusterOptions(base, d.javaExecutable(), Duration.ofSeconds(5), Duration.ofSeconds(1), d.brokerWarmup(), null);
    }

    @Test
    void anOfferedLoadBeyondTheMachineIsRefusedAndTheScaleIsNamed() {
        ClusterSpec cluster = new ClusterSpec(3, List.of(new TopicSpec("t", 3, 3, 2)));
        WorkloadSpec w = new WorkloadSpec(List.of(new ProducerGroupSpec("p", "t", 9, 100_000, 0, 512, Keys.NONE, Arrival.POISSON, Map.of())),
                List.of(), 10, 10, 1);
        assertThatThrownBy(() -> RealKafkaRun.execute(new RunSpec(cluster, w), options(), m -> { }))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("51.2 MB/s exceeds 25.0 MB/s")
                .hasMessageContaining("--scale 2.05 or more");
        assertThat(base).isEmptyDirectory();
    }

    @Test
    void brokerHeapsBeyondMemoryAreRefusedBeforeStarting() {
        long physicalMb = Capacity.Machine.current().physicalBytes() / (1024 * 1024);
        int heapMb = (int) (physicalMb * 0.8 / 3);
        ClusterSpec cluster = new ClusterSpec(3, heapMb, Map.of(), List.of());
        assertThatThrownBy(() -> RealCluster.start(cluster, options()))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("3 brokers x " + heapMb + " MiB heap");
        assertThat(base).isEmptyDirectory();
    }
}
