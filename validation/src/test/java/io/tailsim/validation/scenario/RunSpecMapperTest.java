package io.tailsim.validation.scenario;

import io.tailsim.models.config.ProcessRoles;
import io.tailsim.scenarios.Scenario;
import io.tailsim.validation.RealKafkaRun;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.RunSpec;
import io.tailsim.validation.Scaling;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RunSpecMapperTest {
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    static final Path LOCAL_PROFILE = Path.of("../profiles/local.yaml");

    private static Scenario load(String name) {
        return Scenario.load(SCENARIOS.resolve(name));
    }

    private static ProducerGroupSpec group(RunSpec spec, String name) {
        return spec.workload().producers().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void carriesBrokersBrokerConfigsAndTopics() {
        RunSpec spec = RunSpecMapper.map(load("mapping.yaml").spec(), 1).runSpec();
        assertThat(spec.cluster().brokers()).isEqualTo(3);
        assertThat(spec.cluster().brokerConfigs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "num.network.threads", "2", "num.io.threads", "4", "queued.max.requests", "200", "num.replica.fetchers", "2",
                "replica.fetch.wait.max.ms", "100", "replica.fetch.min.bytes", "1", "replica.fetch.max.bytes", Integer.toString(2 << 20),
                "replica.fetch.response.max.bytes", Integer.toString(8 << 20), "replica.lag.time.max.ms", "20000",
                "metadata.max.idle.interval.ms", "500"));
        assertThat(spec.cluster().topics()).containsExactly(new TopicSpec("a", 6, 3, 2), new TopicSpec("b", 3, 2, 1));
    }

    @Test
    void carriesEveryArrivalProcessKeyStrategyAndRecordSize() {
        RunSpec spec = RunSpecMapper.map(load("mapping.yaml").spec(), 1).runSpec();
        ProducerGroupSpec trogdor = group(spec, "trogdor");
        assertThat(trogdor.arrival()).isEqualTo(new Arrival.Trogdor(50_000_000L, false, 2_000_000L));
        assertThat(trogdor.count()).isEqualTo(4);
        assertThat(trogdor.recordsPerSec()).isCloseTo(1000, within(1e-9));
        assertThat(trogdor.keys()).isEqualTo(Keys.ROUND_ROBIN);
        assertThat(trogdor.keyBytes()).isEqualTo(4);
        assertThat(trogdor.valueBytes()).isEqualTo(512);
        // 250 records/s per producer in 50 ms periods: 12 whole records a period (Trogdor's float arithmetic).
        assertThat(((Arrival.Trogdor) trogdor.arrival()).recordsPerPeriod(250)).isEqualTo(12);

        ProducerGroupSpec keyed = group(spec, "keyed");
        assertThat(keyed.arrival()).isEqualTo(Arrival.POISSON);
        assertThat(keyed.recordsPerSec()).isCloseTo(200, within(1e-9));
        assertThat(keyed.keys()).isEqualTo(Keys.SEQUENTIAL);
        assertThat(keyed.keyBytes()).isEqualTo(8);

        ProducerGroupSpec bursty = group(spec, "bursty");
        assertThat(bursty.arrival()).isEqualTo(new Arrival.OnOff(1_000_000_000L, 3_000_000_000L));
        assertThat(bursty.recordsPerSec()).isCloseTo(50, within(1e-9));
        assertThat(bursty.keys()).isEqualTo(Keys.NONE);

        ProducerGroupSpec flatOut = group(spec, "flat-out");
        assertThat(flatOut.arrival()).isEqualTo(Arrival.SATURATING);
        assertThat(flatOut.recordsPerSec()).isZero();
        assertThat(flatOut.keys()).isEqualTo(Keys.RANDOM);

        ProducerGroupSpec probe = group(spec, "probe");
        assertThat(probe.arrival()).isEqualTo(Arrival.CONSTANT);
        assertThat(probe.recordsPerSec()).isCloseTo(15, within(1e-9));
        assertThat(probe.keys()).isEqualTo(Keys.OWN_PARTITION);
        assertThat(spec.workload().hasSaturatingProducers()).isTrue();
    }

    @Test
    void setsEveryProducerConfigExplicitly() {
        RunSpec spec = RunSpecMapper.map(load("mapping.yaml").spec(), 1).runSpec();
        assertThat(group(spec, "keyed").configs()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("linger.ms", "7"), Map.entry("batch.size", "32768"), Map.entry("acks", "1"), Map.entry("compression.type", "lz4"),
                Map.entry("max.in.flight.requests.per.connection", "3"), Map.entry("buffer.memory", Long.toString(16L << 20)),
                Map.entry("max.request.size", Integer.toString(2 << 20)), Map.entry("request.timeout.ms", "20000"),
                Map.entry("delivery.timeout.ms", "60000"), Map.entry("metadata.max.age.ms", "60000"),
                Map.entry("partitioner.adaptive.partitioning.enable", "false")));
        // Kafka 4's defaults, written out for a group that leaves them unset.
        assertThat(group(spec, "trogdor").configs()).containsEntry("linger.ms", "5").containsEntry("acks", "all")
                .containsEntry("batch.size", "16384").containsEntry("compression.type", "none");
    }

    @Test
    void setsEveryConsumerConfigAndTheProcessingTime() {
        RunSpec spec = RunSpecMapper.map(load("mapping.yaml").spec(), 1).runSpec();
        ConsumerGroupSpec readers = spec.workload().consumers().get(0);
        assertThat(readers.groupId()).isEqualTo("readers");
        assertThat(readers.topics()).containsExactly("a");
        assertThat(readers.count()).isEqualTo(2);
        assertThat(readers.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fetch.min.bytes", "10", "fetch.max.wait.ms", "100", "fetch.max.bytes", Integer.toString(10 << 20),
                "max.partition.fetch.bytes", Integer.toString(512 << 10), "max.poll.records", "50", "heartbeat.interval.ms", "1000",
                "enable.auto.commit", "false", "auto.commit.interval.ms", "2000",
                "partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor", "metadata.max.age.ms", "60000"));
        // 2 ms per poll plus 1 ms per record, both fixed.
        assertThat(readers.processing().forConsumer(0).nanosAfterPoll(3)).isEqualTo(5_000_000L);
    }

    @Test
    void keepsTheSeedAndWindowButRaisesAShortWarmUpToTenSeconds() {
        RunSpecMapper.Mapped m = RunSpecMapper.map(load("mapping.yaml").spec(), 1);
        WorkloadSpec w = m.runSpec().workload();
        assertThat(w.seed()).isEqualTo(5);
        assertThat(w.warmupSeconds()).isEqualTo(10);
        assertThat(w.measureSeconds()).isEqualTo(28);
        assertThat(m.notes()).anyMatch(n -> n.contains("warm-up: 2 s in the scenario, 10 s on the real cluster"));
    }

    @Test
    void refusesWhatTheRealClusterCannotDoWithTheReason() {
        assertThatThrownBy(() -> RunSpecMapper.map(load("phases.yaml").spec(), 1)).isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("changes partition counts during the run");
        Scenario s = load("mapping.yaml");
        assertThatThrownBy(() -> RunSpecMapper.map(s.with("producers.bursty.partitioner", "sticky").spec(), 1))
                .isInstanceOf(RefusedRunException.class).hasMessageContaining("KIP-480").hasMessageContaining("removed");
        assertThatThrownBy(() -> RunSpecMapper.map(s.with("producers.keyed.linger.ms", "500us").spec(), 1))
                .isInstanceOf(RefusedRunException.class).hasMessageContaining("linger.ms is 0.5 ms; Kafka takes whole milliseconds");
        assertThatThrownBy(() -> RunSpecMapper.map(s.with("cluster.security.protocol", "SASL_SSL").spec(), 1))
                .isInstanceOf(RefusedRunException.class).hasMessageContaining("PLAINTEXT listeners only");
        assertThatThrownBy(() -> RunSpecMapper.map(s.with("producers.bursty.record.value-bytes", "4").spec(), 1))
                .isInstanceOf(RefusedRunException.class).hasMessageContaining("send-time stamp");
        assertThatThrownBy(() -> RunSpecMapper.map(s.with("cluster.process.roles", "broker").spec(), 1))
                .isInstanceOf(RefusedRunException.class).hasMessageContaining("KRaft combined mode");
    }

    /** The real nodes are all broker and controller: a scenario of broker-only nodes runs combined on both sides, and says so. */
    @Test
    void theLocalVariantRunsTheMetadataQuorumOnTheBrokers() {
        LocalScenario local = LocalScenario.of(load("mapping.yaml").with("cluster.process.roles", "broker"), LOCAL_PROFILE);
        assertThat(local.scenario().spec().brokerConfig().processRoles()).isEqualTo(ProcessRoles.BROKER_CONTROLLER);
        assertThat(local.overrides()).contains("cluster.process.roles=broker,controller");
        assertThat(local.notes()).anyMatch(n -> n.contains("KRaft combined mode"));
        assertThat(LocalScenario.of(load("mapping.yaml"), LOCAL_PROFILE).notes()).noneMatch(n -> n.contains("process.roles"));
    }

    @Test
    void theLocalVariantSwapsTheProfileKeepsTheBrokersAndRunsPlaintext() {
        Scenario sasl = load("mapping.yaml").with("cluster.security.protocol", "SASL_SSL").with("cluster.availability-zones", "3");
        LocalScenario local = LocalScenario.of(sasl, LOCAL_PROFILE);
        assertThat(local.scenario().spec().profile().name()).isEqualTo("local");
        assertThat(local.scenario().spec().profile().brokersPerHost()).isEqualTo(3);
        assertThat(local.scenario().spec().profile().clientsShareBrokerHost()).isTrue();
        assertThat(local.scenario().spec().availabilityZones()).isEqualTo(1);
        assertThat(local.overrides()).contains("cluster.brokers=3", "cluster.security.protocol=PLAINTEXT");
        assertThat(local.notes()).anyMatch(n -> n.contains("SASL_SSL") && n.contains("both sides run PLAINTEXT"));
        assertThat(RunSpecMapper.map(local.scenario().spec(), 1).runSpec().cluster().brokers()).isEqualTo(3);
    }

    @Test
    void aScenarioTooBigForThisMachineIsRefusedWithTheFigureAndRunsScaled() {
        LocalScenario local = LocalScenario.of(load("big.yaml"), LOCAL_PROFILE);
        RunSpec full = RunSpecMapper.map(local.scenario().spec(), 1).runSpec();
        assertThatThrownBy(() -> RealKafkaRun.check(full)).isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("offered load 50.0 MB/s exceeds 25.0 MB/s").hasMessageContaining("--scale");
        RunSpecMapper.Mapped scaled = RunSpecMapper.map(local.scenario().spec(), 4);
        assertThat(scaled.notes()).anyMatch(n -> n.contains("--scale 4"));
        WorkloadSpec run = RealKafkaRun.check(scaled.runSpec());
        assertThat(run.offeredBytesPerSec()).isCloseTo(12.5e6, within(1.0));
        assertThat(run.producerCount()).isEqualTo(23);
        assertThat(run.consumerCount()).isEqualTo(2);
    }

    @Test
    void theScaledSimulationRunsTheSameClientsAsTheScaledRealRun() {
        for (double scale : new double[]{1, 3, 4, 7.5}) {
            LocalScenario local = LocalScenario.of(load("mapping.yaml"), LOCAL_PROFILE);
            WorkloadSpec real = Scaling.apply(RunSpecMapper.map(local.scenario().spec(), scale).runSpec().workload(), scale);
            WorkloadSpec simulated = RunSpecMapper.map(local.scaled(scale).scenario().spec(), 1).runSpec().workload();
            assertThat(simulated.producers()).hasSameSizeAs(real.producers());
            for (int i = 0; i < real.producers().size(); i++) {
                ProducerGroupSpec r = real.producers().get(i), s = simulated.producers().get(i);
                assertThat(s.count()).as(r.name() + " at scale " + scale).isEqualTo(r.count());
                assertThat(s.recordsPerSec()).as(r.name() + " at scale " + scale).isCloseTo(r.recordsPerSec(), within(1e-9 * (1 + r.recordsPerSec())));
                assertThat(s.offeredRecordsPerSec()).isCloseTo(r.offeredRecordsPerSec(), within(1e-6));
            }
            assertThat(simulated.consumers().get(0).count()).isEqualTo(real.consumers().get(0).count());
        }
    }

    @Test
    void aGroupWrittenWithAGroupRateIsScaledThroughThatKey() {
        LocalScenario scaled = LocalScenario.of(load("mapping.yaml"), LOCAL_PROFILE).scaled(2);
        assertThat(scaled.overrides()).contains("producers.trogdor.count=2", "producers.keyed.count=1");
        assertThat(scaled.overrides()).anyMatch(o -> o.startsWith("producers.trogdor.rate="));
        assertThat(scaled.overrides()).anyMatch(o -> o.startsWith("producers.keyed.rate-per-producer="));
        assertThat(List.copyOf(scaled.overrides())).doesNotContain("producers.flat-out.rate");
    }
}
