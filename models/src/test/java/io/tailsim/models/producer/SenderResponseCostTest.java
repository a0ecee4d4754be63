package io.tailsim.models.producer;

import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.cluster.InvariantChecker;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static io.tailsim.core.time.Time.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** client-per-response: the Sender thread reads each response before its batches complete. */
class SenderResponseCostTest {
    static HardwareProfile withClientCosts(double perRequest, double perResponse) {
        return withClientCosts(perRequest, 0, perResponse, 0);
    }

    /** The simple 4-core profile with the producer's costs: Sender per request, send() per record, per response, per wake-up. */
    static HardwareProfile withClientCosts(double perRequest, double perRecord, double perResponse, double perWakeup) {
        HardwareProfile b = Fixtures.simple(4);
        HardwareProfile.CpuCosts c = b.cpu();
        HardwareProfile.CpuCosts costs = new HardwareProfile.CpuCosts(c.perRequestNanos(), c.perKiBNanos(),
                c.perPartitionNanos(), c.fetchSessionPartitionNanos(), c.tlsPerRequestNanos(), c.tlsPerKiBNanos(),
                c.networkThreadPerRequestNanos(), 0, perRequest, perRecord, c.networkThreadPerResponseNanos(),
                c.purgatoryCompleteNanos(), c.replicaFetcherPerResponseNanos(), 0, perResponse, 0, perWakeup);
        return new HardwareProfile("r", 4, 1, false, costs, b.network(), b.disk(), b.compressionRatio(), null, null, 4);
    }

    static RunResult run(HardwareProfile p, int clientHosts) {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 2, new ArrivalProcess.Poisson(50), 0, 512,
                KeyStrategy.NONE, Fixtures.producerConfig(0, 16_384, Acks.LEADER, CompressionType.NONE), 0, clientHosts);
        ClusterSpec s = new ClusterSpec(p, 3, 1, BrokerConfig.defaults(), List.of(new TopicSpec("t", 6, 3, 2)),
                List.of(g), List.of(), List.of(), 8 * SECOND, SECOND, 1);
        return new ClusterModel(s, 1).run();
    }

    /** At a low rate every record is alone: reading its response adds client-per-response to its latency. */
    @Test
    void readingTheResponseDelaysTheAcknowledgement() {
        double base = run(withClientCosts(0, 0), 0).producerLatency().mean();
        double priced = run(withClientCosts(0, 2 * MILLISECOND), 0).producerLatency().mean();
        assertThat(priced - base).isCloseTo(2.0, within(0.2));
    }

    /** On a priced client machine, reading responses is CPU there, as writing requests is. */
    @Test
    void responsesCostTheClientMachinesCpu() {
        RunResult sends = run(withClientCosts(100_000, 0), 1);
        RunResult both = run(withClientCosts(100_000, 100_000), 1);
        double u1 = sends.producerGroups().get("p").clientCpuUtilisation();
        double u2 = both.producerGroups().get("p").clientCpuUtilisation();
        assertThat(u2).isCloseTo(2 * u1, within(0.2 * u1));
    }

    /**
     * Invariants with priced Sender reads and writes on shared agents, Trogdor bursts with flush and
     * round-robin partitions: every record appended once, acknowledged once, latencies add up.
     */
    @Test
    void invariantsHoldWithPricedResponsesOnSharedAgents() {
        invariantsHoldOnSharedAgents(withClientCosts(40_000, 30_000));
    }

    /**
     * Trogdor bursts with flush and round-robin partitions from 6 producers on 2 agent hosts priced by {@code p}, over
     * seeds that vary linger.ms and acks: every record appended once, acknowledged once, latencies add up.
     */
    static void invariantsHoldOnSharedAgents(HardwareProfile p) {
        for (long seed = 1; seed <= 4; seed++) {
            ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 6,
                    new ArrivalProcess.TrogdorThrottle(2_000, 100 * MILLISECOND, true, MILLISECOND), 4, 512,
                    KeyStrategy.ROUND_ROBIN, Fixtures.producerConfig(seed % 2 == 0 ? 0 : 5 * MILLISECOND, 16_384,
                    seed % 3 == 0 ? Acks.LEADER : Acks.ALL, CompressionType.NONE), -1, 2);
            ClusterSpec s = new ClusterSpec(p, 3, 3, BrokerConfig.defaults(), List.of(new TopicSpec("t", 12, 3, 2)),
                    List.of(g), List.of(), List.of(), 2 * SECOND, 200 * MILLISECOND, seed);
            ClusterModel m = new ClusterModel(s, seed);
            InvariantChecker checker = InvariantChecker.attach(m);
            RunResult r = m.run();
            assertThat(m.stopProducersAndDrain(60 * SECOND)).as("drained").isTrue();
            checker.assertAllAcknowledged();
            long sent = m.producers().stream().mapToLong(KafkaProducer::recordsSent).sum();
            assertThat(checker.recordsChecked()).isEqualTo(sent).isPositive();
            assertThat(r.producerLatency().count()).isPositive();
        }
    }
}
