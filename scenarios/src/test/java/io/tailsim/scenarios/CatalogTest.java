package io.tailsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.SecurityProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The bundled scenarios load, map to valid ClusterSpecs, and set up what published-results.yaml says. */
class CatalogTest {
    static final Path CATALOG = Path.of("catalog");

    static Stream<Path> catalogFiles() throws IOException {
        try (Stream<Path> s = Files.walk(CATALOG)) {
            return s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("omb"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("catalogFiles")
    void everyCatalogFileLoadsWithEverySweepPoint(Path file) {
        Scenario s = Scenario.load(file);
        assertThat(s.spec().producerGroups()).isNotEmpty();
        assertThat(s.replications()).isGreaterThanOrEqualTo(3);
        assertThat(s.spec().warmupNanos()).isPositive();
        for (SweepPoint p : s.sweepPoints()) {
            assertThat(s.at(p).spec()).isNotNull();
        }
    }

    @Test
    void everyPublishedExperimentHasItsFolder() throws IOException {
        List<String> ids = Files.readAllLines(Path.of("published-results.yaml")).stream()
                .filter(l -> l.startsWith("  - id: "))
                .map(l -> l.substring("  - id: ".length()).trim()).toList();
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            assertThat(CATALOG.resolve(id)).isDirectory();
        }
        // reproduce checks exactly the published experiments, in the published order.
        assertThat(io.tailsim.scenarios.reproduce.Reproducer.experiments().stream()
                .map(io.tailsim.scenarios.reproduce.Experiment::id).toList()).isEqualTo(ids);
        for (io.tailsim.scenarios.reproduce.Experiment e : io.tailsim.scenarios.reproduce.Reproducer.experiments()) {
            for (String f : e.files()) {
                assertThat(CATALOG.resolve(e.id()).resolve(f)).as(e.id() + "/" + f).isRegularFile();
            }
        }
    }

    /** The annotated example in docs/scenarios.md must stay a valid scenario. */
    @Test
    void theDocumentedExampleLoads(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String doc = Files.readString(Path.of("../docs/scenarios.md"));
        String example = doc.split("```yaml\n")[1].split("```")[0];
        Path profile = Path.of("../profiles/latency-blog-r5xlarge.yaml").toAbsolutePath();
        Path f = dir.resolve("example.yaml");
        Files.writeString(f, example.replace("../../../profiles/latency-blog-r5xlarge.yaml", profile.toString()));
        Scenario s = Scenario.load(f);
        assertThat(s.sweepPoints()).hasSize(2);
        assertThat(s.phases()).hasSize(1);
    }

    private static ProducerGroupSpec onlyProducers(String file) {
        ClusterSpec spec = Scenario.load(CATALOG.resolve(file)).spec();
        assertThat(spec.producerGroups()).hasSize(1);
        return spec.producerGroups().get(0);
    }

    @Test
    void latencyBlogBaselineSettings() {
        ClusterSpec spec = Scenario.load(CATALOG.resolve("producers-90-vs-900/producers-90.yaml")).spec();
        assertThat(spec.brokers()).isEqualTo(9);
        assertThat(spec.availabilityZones()).isEqualTo(3);
        assertThat(spec.brokerConfig().clientSecurityProtocol()).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(spec.brokerConfig().interBrokerSecurityProtocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(spec.topics()).singleElement().satisfies(t -> {
            assertThat(t.partitions()).isEqualTo(108);
            assertThat(t.replicationFactor()).isEqualTo(3);
        });
        ProducerGroupSpec g = spec.producerGroups().get(0);
        assertThat(g.keyBytes()).isEqualTo(4);
        assertThat(g.valueBytes()).isEqualTo(512);
        assertThat(g.keys()).isEqualTo(KeyStrategy.ROUND_ROBIN);
        assertThat(g.config().acks()).isEqualTo(Acks.ALL);
        assertThat(g.config().lingerNanos()).isEqualTo(5_000_000L);
        assertThat(g.config().compressionType()).isEqualTo(CompressionType.LZ4);
        assertThat(g.arrival()).isInstanceOf(ArrivalProcess.TrogdorThrottle.class);
        assertThat(g.count() * g.arrival().meanRate() * 516).isCloseTo(90e6, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void ninetyAndNineHundredProducersShareTheTotalRate() {
        ProducerGroupSpec p90 = onlyProducers("producers-90-vs-900/producers-90.yaml");
        ProducerGroupSpec p900 = onlyProducers("producers-90-vs-900/producers-900.yaml");
        assertThat(p90.count()).isEqualTo(90);
        assertThat(p900.count()).isEqualTo(900);
        double r90 = ((ArrivalProcess.TrogdorThrottle) p90.arrival()).recordsPerSecond();
        double r900 = ((ArrivalProcess.TrogdorThrottle) p900.arrival()).recordsPerSecond();
        assertThat(90 * r90).isCloseTo(900 * r900, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p90.config().batchSize()).isEqualTo(16_384);
        assertThat(p900.config()).isEqualTo(p90.config());
    }

    @Test
    void lingerAndBatchSizeRuns() {
        assertThat(onlyProducers("linger-and-batch-size/linger-0.yaml").config().lingerNanos()).isZero();
        assertThat(onlyProducers("linger-and-batch-size/linger-5.yaml").config().batchSize()).isEqualTo(16_384);
        ProducerGroupSpec big = onlyProducers("linger-and-batch-size/linger-5-batch-128k.yaml");
        assertThat(big.config().batchSize()).isEqualTo(131_072);
        assertThat(big.config().lingerNanos()).isEqualTo(5_000_000L);
        assertThat(big.count()).isEqualTo(90);
    }

    /** The application offers 195 MB/s through Trogdor's throttle (see the files' comments), on the 9 agents. */
    @Test
    void acksRunsOffer195MBpsWithNineProducersAndNineConsumers() {
        for (String acks : List.of("1", "all")) {
            ClusterSpec spec = Scenario.load(CATALOG.resolve("acks-1-vs-all-throughput/acks-" + acks + ".yaml")).spec();
            ProducerGroupSpec g = spec.producerGroups().get(0);
            assertThat(g.count()).isEqualTo(9);
            assertThat(g.arrival()).isInstanceOf(ArrivalProcess.TrogdorThrottle.class);
            assertThat(((ArrivalProcess.TrogdorThrottle) g.arrival()).flush()).isTrue();
            assertThat(g.count() * g.arrival().meanRate() * 516).isCloseTo(195e6,
                    org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(g.clientHosts()).isEqualTo(9);
            assertThat(g.config().acks()).isEqualTo(Acks.parse(acks));
            assertThat(spec.consumerGroups()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(9));
        }
    }

    /** The latency blog's Trogdor producers run on its 9 agents, whose cores the profile sizes. */
    @Test
    void latencyBlogProducersRunOnNineAgents() {
        for (String f : List.of("linger-and-batch-size/linger-0.yaml", "linger-and-batch-size/linger-5.yaml",
                "linger-and-batch-size/linger-5-batch-128k.yaml", "producers-90-vs-900/producers-90.yaml",
                "producers-90-vs-900/producers-900.yaml")) {
            ClusterSpec spec = Scenario.load(CATALOG.resolve(f)).spec();
            assertThat(spec.producerGroups().get(0).clientHosts()).as(f).isEqualTo(9);
            assertThat(spec.profile().clientVcpus()).as(f).isEqualTo(4);
        }
    }

    @Test
    void partitionExperimentStepsTopicAFrom108To7200() {
        ClusterSpec spec = Scenario.load(CATALOG.resolve("partitions-108-to-7200/two-topics.yaml")).spec();
        assertThat(spec.topic("A").partitions()).isEqualTo(108);
        assertThat(spec.topic("B").partitions()).isEqualTo(9);
        List<PhaseChange> phases = spec.phases();
        assertThat(phases).hasSize(6).allSatisfy(p -> assertThat(((PhaseChange.SetPartitions) p).topic()).isEqualTo("A"));
        assertThat(((PhaseChange.SetPartitions) phases.get(5)).partitions()).isEqualTo(7200);
        assertThat(phases.get(5).atNanos()).isLessThan(spec.durationNanos());
        ProducerGroupSpec probe = spec.producerGroups().stream().filter(g -> g.topic().equals("B")).findFirst().orElseThrow();
        assertThat(probe.count()).isEqualTo(9);
        assertThat(probe.keys()).isEqualTo(KeyStrategy.OWN_PARTITION);
        assertThat(probe.arrival().meanRate()).isEqualTo(1.0);
        assertThat(probe.valueBytes()).isEqualTo(512);
        assertThat(spec.consumerGroups()).hasSize(2).allSatisfy(c -> assertThat(c.count()).isEqualTo(9));
    }

    @Test
    void kingmanSweepsTheOfferedLoad() {
        Scenario s = Scenario.load(CATALOG.resolve("kingman/utilisation-sweep.yaml"));
        assertThat(s.sweepPoints()).hasSize(10);
        double lowest = s.at(s.sweepPoints().get(0)).spec().producerGroups().get(0).arrival().meanRate();
        double highest = s.at(s.sweepPoints().get(9)).spec().producerGroups().get(0).arrival().meanRate();
        assertThat(highest / lowest).isCloseTo(9.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.spec().brokerConfig().numIoThreads()).isEqualTo(1);
    }

    /**
     * The Kingman sweep's rates are request rates computed from the profile's costs: its top point must
     * put the one handler at 90-99% busy with the profile as it is (rescale the rates when costs change).
     */
    @Test
    void kingmanTopPointIsNearlySaturated() {
        Scenario s = Scenario.load(CATALOG.resolve("kingman/utilisation-sweep.yaml"));
        ClusterSpec top = s.at(s.sweepPoints().get(9)).spec();
        ProducerGroupSpec g = top.producerGroups().get(0);
        io.tailsim.models.config.HardwareProfile.CpuCosts c = top.profile().cpu();
        double requestKiB = 0.65;   // one 516-byte record in a v2 batch in a ProduceRequest
        double serviceNanos = c.perRequest("Produce") + c.perPartitionNanos() + c.perKiBNanos() * requestKiB;
        double rho = g.count() * g.arrival().meanRate() * serviceNanos / 1e9;
        assertThat(rho).isBetween(0.90, 0.99);
        assertThat(g.config().lingerNanos()).isZero();
    }

    @Test
    void ombLatencyRunIs200kOneKilobyteMessagesPerSecond() {
        Scenario s = Scenario.load(CATALOG.resolve("omb-kafka-200mbs/latency-200mbs.yaml"));
        ClusterSpec spec = s.spec();
        assertThat(spec.brokers()).isEqualTo(3);
        assertThat(spec.topics()).singleElement().satisfies(t -> {
            assertThat(t.partitions()).isEqualTo(100);
            assertThat(t.minInsyncReplicas()).isEqualTo(2);
        });
        ProducerGroupSpec g = spec.producerGroups().get(0);
        assertThat(g.count() * g.arrival().meanRate() * g.valueBytes()).isEqualTo(200_000 * 1024.0);
        assertThat(g.config().lingerNanos()).isEqualTo(1_000_000L);
        assertThat(g.config().batchSize()).isEqualTo(131_072);
        assertThat(spec.durationNanos()).isEqualTo(70_000_000_000L);
        assertThat(spec.brokerConfig().numReplicaFetchers()).isEqualTo(8);
        assertThat(s.notes()).anyMatch(n -> n.contains("bootstrap.servers"));
    }

    @Test
    void ombPeakRunSaturates() {
        ClusterSpec spec = Scenario.load(CATALOG.resolve("omb-kafka-200mbs/peak-throughput.yaml")).spec();
        ProducerGroupSpec g = spec.producerGroups().get(0);
        assertThat(g.arrival()).isInstanceOf(ArrivalProcess.Saturating.class);
        assertThat(g.config().batchSize()).isEqualTo(1 << 20);
        assertThat(g.config().lingerNanos()).isEqualTo(10_000_000L);
    }
}
