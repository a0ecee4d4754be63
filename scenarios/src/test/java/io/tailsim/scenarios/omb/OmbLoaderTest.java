package io.tailsim.scenarios.omb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OmbLoaderTest {
    static final Path OMB = Path.of("catalog/omb-kafka-200mbs/omb");
    static final Path PROFILE = Path.of("../profiles/benchmark-blog-i3en2xlarge.yaml");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void workloadAndDriverBecomeAScenario() {
        Scenario s = Scenario.fromOmb(OMB.resolve("workload-200mbs.yaml"), OMB.resolve("kafka-latency.yaml"), PROFILE);
        ClusterSpec spec = s.spec();
        assertThat(spec.topics()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("test-topic-0");
            assertThat(t.partitions()).isEqualTo(100);
            assertThat(t.replicationFactor()).isEqualTo(3);
            assertThat(t.minInsyncReplicas()).isEqualTo(2);
        });
        ProducerGroupSpec g = spec.producerGroups().get(0);
        assertThat(g.count()).isEqualTo(4);
        assertThat(g.arrival()).isEqualTo(new ArrivalProcess.Constant(50_000));
        assertThat(g.keys()).isEqualTo(KeyStrategy.NONE);
        assertThat(g.keyBytes()).isZero();
        assertThat(g.valueBytes()).isEqualTo(1024);
        assertThat(g.config().acks()).isEqualTo(Acks.ALL);
        assertThat(g.config().lingerNanos()).isEqualTo(1_000_000L);
        assertThat(g.config().batchSize()).isEqualTo(131_072);
        assertThat(spec.consumerGroups()).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(4);
            assertThat(c.config().maxPartitionFetchBytes()).isEqualTo(10_485_760);
            assertThat(c.config().enableAutoCommit()).isFalse();
            // KafkaBenchmarkConsumer commits asynchronously after every poll when auto-commit is off
            assertThat(c.config().commitPerPoll()).isTrue();
        });
        assertThat(spec.durationNanos()).isEqualTo(6 * 60_000_000_000L);
        assertThat(spec.warmupNanos()).isEqualTo(60_000_000_000L);
        assertThat(s.notes()).anyMatch(n -> n.contains("kafka-latency.yaml:16:3") && n.contains("bootstrap.servers"));
    }

    @Test
    void keyDistributorsAndTopicsAndSubscriptions() throws IOException {
        Path w = write("w.yaml", """
                topics: 2
                partitionsPerTopic: 6
                messageSize: 100
                keyDistributor: KEY_ROUND_ROBIN
                subscriptionsPerTopic: 2
                consumerPerSubscription: 3
                producersPerTopic: 2
                producerRate: 1000
                testDurationMinutes: 2
                warmupDurationMinutes: 0
                """);
        Scenario s = Scenario.fromOmb(w, OMB.resolve("kafka-latency.yaml"), PROFILE);
        ClusterSpec spec = s.spec();
        assertThat(spec.topics()).hasSize(2);
        assertThat(spec.producerGroups()).hasSize(2).allSatisfy(g -> {
            assertThat(g.keys()).isEqualTo(KeyStrategy.SEQUENTIAL);
            assertThat(g.keyBytes()).isEqualTo(10);
            assertThat(g.arrival().meanRate()).isEqualTo(250.0);
        });
        assertThat(spec.consumerGroups()).hasSize(4).extracting(c -> c.groupId())
                .contains("test-topic-0-sub-000", "test-topic-1-sub-001");
        assertThat(spec.warmupNanos()).isZero();
    }

    @Test
    void aMisspeltPropertyNamesTheDriverLine() throws IOException {
        Path d = write("driver.yaml", Files.readString(OMB.resolve("kafka-latency.yaml")).replace("  linger.ms=1", "  lingr.ms=1"));
        assertThatThrownBy(() -> Scenario.fromOmb(OMB.resolve("workload-200mbs.yaml"), d, PROFILE))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("driver.yaml:20:3").hasMessageContaining("producerConfig.lingr.ms")
                .hasMessageContaining("did you mean 'linger.ms'?");
    }

    @Test
    void aBadPropertyValueNamesTheDriverLine() throws IOException {
        Path d = write("driver.yaml", Files.readString(OMB.resolve("kafka-latency.yaml")).replace("batch.size=131072", "batch.size=lots"));
        assertThatThrownBy(() -> Scenario.fromOmb(OMB.resolve("workload-200mbs.yaml"), d, PROFILE))
                .hasMessageContaining("driver.yaml:21:3").hasMessageContaining("batch.size");
    }

    @Test
    void aMisspeltWorkloadKey() throws IOException {
        Path w = write("w.yaml", Files.readString(OMB.resolve("workload-200mbs.yaml")).replace("partitionsPerTopic", "partitionPerTopic"));
        assertThatThrownBy(() -> Scenario.fromOmb(w, OMB.resolve("kafka-latency.yaml"), PROFILE))
                .hasMessageContaining("w.yaml:9:1").hasMessageContaining("did you mean 'partitionsPerTopic'?");
    }

    @Test
    void backlogTestsAreRefused() throws IOException {
        Path w = write("w.yaml", Files.readString(OMB.resolve("workload-200mbs.yaml")).replace("consumerBacklogSizeGB: 0", "consumerBacklogSizeGB: 512"));
        assertThatThrownBy(() -> Scenario.fromOmb(w, OMB.resolve("kafka-latency.yaml"), PROFILE))
                .hasMessageContaining("consumerBacklogSizeGB").hasMessageContaining("not modelled");
    }

    @Test
    void aScenarioOverridesWhatOmbFilesSay() throws IOException {
        Files.copy(OMB.resolve("workload-200mbs.yaml"), dir.resolve("w.yaml"));
        Files.copy(OMB.resolve("kafka-latency.yaml"), dir.resolve("d.yaml"));
        Path s = write("s.yaml", "omb: {workload: w.yaml, driver: d.yaml}\nprofile: " + PROFILE.toAbsolutePath()
                + "\nproducers:\n  test-topic-0:\n    linger.ms: 3\nduration: 30s\nwarmup: 5s\n");
        ClusterSpec spec = Scenario.load(s).spec();
        assertThat(spec.producerGroups().get(0).config().lingerNanos()).isEqualTo(3_000_000L);
        assertThat(spec.producerGroups().get(0).config().batchSize()).isEqualTo(131_072);
        assertThat(spec.durationNanos()).isEqualTo(30_000_000_000L);
    }
}
