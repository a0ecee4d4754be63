package io.tailsim.models.consumer;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.core.dist.Distribution;
import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.config.ConsumerGroupSpec;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.SecurityProtocol;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.BrokerResult;
import io.tailsim.models.report.ConsumerGroupResult;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tailsim.core.time.Time.MILLISECOND;
import static io.tailsim.core.time.Time.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConsumerMechanismTest {
    static final ConsumerConfig D = ConsumerConfig.defaults();

    static ConsumerConfig config(int minBytes, long maxWaitMs, int maxPollRecords, boolean autoCommit, boolean perPoll,
                                 long metadataAgeMs) {
        return new ConsumerConfig(minBytes, maxWaitMs * MILLISECOND, D.fetchMaxBytes(), D.maxPartitionFetchBytes(),
                maxPollRecords, D.heartbeatIntervalNanos(), autoCommit, D.autoCommitIntervalNanos(), D.assignmentStrategy(),
                metadataAgeMs * MILLISECOND, perPoll);
    }

    static ProducerGroupSpec producers(ArrivalProcess arrival, long lingerMs) {
        return new ProducerGroupSpec("p", "t", 2, arrival, 0, 300, KeyStrategy.NONE,
                Fixtures.producerConfig(lingerMs * MILLISECOND, 16_384, Acks.ALL, CompressionType.NONE), -1);
    }

    static ClusterSpec spec(HardwareProfile profile, BrokerConfig broker, int partitions, ProducerGroupSpec producers,
                            List<ConsumerGroupSpec> groups, List<PhaseChange> phases, double seconds) {
        return new ClusterSpec(profile, 3, 3, broker, List.of(new TopicSpec("t", partitions, 3, 2)),
                List.of(producers), groups, phases, Math.round(seconds * SECOND), Math.round(0.5 * SECOND), 7);
    }

    static ClusterSpec spec(int partitions, ProducerGroupSpec producers, ConsumerGroupSpec group, double seconds) {
        return spec(Fixtures.simple(4), BrokerConfig.defaults(), partitions, producers, List.of(group), List.of(),
                seconds);
    }

    static ConsumerGroupSpec group(int count, ConsumerConfig c, Distribution perRecord) {
        return new ConsumerGroupSpec("readers", "t", count, c, perRecord, null, -1);
    }

    /**
     * cpu.consumer-per-fetch: where clients share the brokers' cores, the consumer's poll thread reads each fetch response on
     * them before poll() hands its records over, so every record reaches the application that much later; on a client host
     * of its own (no shared cores) the key changes nothing.
     */
    @Test
    void thePollThreadReadsEachFetchResponseOnTheSharedCores() {
        HardwareProfile base = Fixtures.simple(4);
        double perFetch = 2 * MILLISECOND;
        ProducerGroupSpec p = producers(new ArrivalProcess.Poisson(50), 1);
        ConsumerGroupSpec g = group(1, D, null);
        double[] p50 = new double[3];
        double[] cpu = new double[3];
        for (int i = 0; i < 3; i++) {
            boolean shared = i > 0;
            HardwareProfile.HostEffects fx = HardwareProfile.HostEffects.NONE.withConsumerPerFetch(i == 2 ? perFetch : 0);
            HardwareProfile hw = new HardwareProfile("shared", 4, 1, shared, base.cpu(), base.network(), base.disk(),
                    base.compressionRatio(), null, null, 4, fx);
            RunResult r = new ClusterModel(spec(hw, BrokerConfig.defaults(), 3, p, List.of(g), List.of(), 20), 1).run();
            p50[i] = r.endToEnd().valueAtPercentile(50);
            cpu[i] = r.meanBrokerCpuUtilisation() * 4 * 3;
            if (i == 2) {
                double fetches = r.consumerGroups().get("readers").fetchRequestRate();
                // the poll thread's CPU: one 2 ms read per response, on the host whose cores it shares
                assertThat(cpu[2] - cpu[1]).isCloseTo(fetches * perFetch / 1e9, within(0.15 * fetches * perFetch / 1e9));
            }
        }
        assertThat(p50[2] - p50[1]).isBetween(1.9, 4.0);
        // sharing the cores with no poll cost: the same latencies as clients on hosts of their own, within noise
        assertThat(p50[1]).isCloseTo(p50[0], within(0.5));
        HardwareProfile own = new HardwareProfile("own", 4, 1, false, base.cpu(), base.network(), base.disk(),
                base.compressionRatio(), null, null, 4, HardwareProfile.HostEffects.NONE.withConsumerPerFetch(perFetch));
        RunResult r = new ClusterModel(spec(own, BrokerConfig.defaults(), 3, p, List.of(g), List.of(), 20), 1).run();
        assertThat(r.endToEnd().valueAtPercentile(50)).isEqualTo(p50[0]);
    }

    /** fetch.min.bytes above what arrives: every fetch waits out fetch.max.wait.ms at the broker. */
    @Test
    void fetchMinBytesParksFetchesForFetchMaxWait() {
        ProducerGroupSpec p = producers(new ArrivalProcess.Poisson(50), 1);
        RunResult slow = new ClusterModel(spec(3, p, group(1, config(1 << 20, 100, 500, true, false,
                300_000), null), 10), 1).run();
        // one session per broker, each answered after 100 ms
        assertThat(slow.consumerGroups().get("readers").fetchRequestRate()).isCloseTo(30, within(3.0));
        assertThat(slow.fetchTime().valueAtPercentile(50)).isBetween(30.0, 70.0);
        assertThat(slow.fetchTime().max()).isLessThan(110.0);
        assertThat(slow.requestTimings().get("FetchConsumer").remoteTime().mean()).isBetween(95.0, 101.0);

        RunResult eager = new ClusterModel(spec(3, p, group(1, config(1, 100, 500, true, false, 300_000), null), 10), 1)
                .run();
        assertThat(eager.fetchTime().valueAtPercentile(99)).isLessThan(5.0);
        assertThat(eager.endToEnd().count()).isEqualTo(eager.catchUpTime().count()).isEqualTo(eager.fetchTime().count());
    }

    @Test
    void maxPollRecordsCapsWhatOnePollReturns() {
        ProducerGroupSpec p = producers(new ArrivalProcess.Poisson(2_000), 5);
        RunResult r = new ClusterModel(spec(3, p, group(1, config(1, 500, 1, true, false, 300_000), null), 3), 1).run();
        ConsumerGroupResult g = r.consumerGroups().get("readers");
        assertThat(r.producerGroups().get("p").recordsPerBatch()).isGreaterThan(3);
        assertThat(g.recordsPerPoll()).isEqualTo(1.0);
        assertThat(g.pollRate()).isCloseTo(4_000, within(400.0));
    }

    /**
     * Bursts the consumer cannot process as fast as they arrive: it falls behind during each burst
     * and reads its way back before the next; the wait shows up as catch-up time.
     */
    @Test
    void aConsumerThatFallsBehindCatchesUp() {
        ProducerGroupSpec p = producers(new ArrivalProcess.OnOff(3_000, 200 * MILLISECOND, 800 * MILLISECOND), 1);
        ClusterModel m = new ClusterModel(spec(3, p, group(1, config(1, 500, 500, true, false, 300_000),
                new Deterministic(500_000)), 10), 1);
        RunResult r = m.run();
        ConsumerGroupResult g = r.consumerGroups().get("readers");
        assertThat(r.catchUpTime().valueAtPercentile(99)).isGreaterThan(100);
        assertThat(r.endToEnd().valueAtPercentile(99)).isGreaterThan(r.catchUpTime().valueAtPercentile(99));
        assertThat(g.maxLag()).isGreaterThan(300);
        assertThat(g.meanLag()).isPositive().isLessThan(g.maxLag());
        // ~1,200 records a second arrive and 2,000 a second can be processed: it keeps up on average
        assertThat(g.recordsConsumed()).isCloseTo(r.total().recordsAcked, within(1_300L));
        assertThat(m.consumerGroups().get(0).lag()).isLessThan(1_300);
    }

    /** Per-poll commits and heartbeats all go to the coordinator, the leader of the group's __consumer_offsets partition. */
    @Test
    void commitsAndHeartbeatsLoadOnlyTheCoordinator() {
        ProducerGroupSpec p = producers(new ArrivalProcess.Poisson(500), 1);
        ClusterModel m = new ClusterModel(spec(6, p, group(3, config(1, 500, 500, false, true, 300_000), null), 12), 1);
        RunResult r = m.run();
        ConsumerGroup group = m.consumerGroups().get(0);
        assertThat(group.offsetsPartition().id()).isEqualTo(Math.abs("readers".hashCode()) % 50);
        ConsumerGroupResult g = r.consumerGroups().get("readers");
        assertThat(g.coordinator()).isEqualTo("broker-" + group.coordinator());
        for (BrokerResult b : r.brokers()) {
            boolean coordinator = b.name().equals(g.coordinator());
            assertThat(b.requestRate("OffsetCommit")).as(b.name()).isEqualTo(coordinator ? g.offsetCommitRate() : 0.0,
                    within(coordinator ? 0.03 * g.offsetCommitRate() : 0.0));
            assertThat(b.requestRate("Heartbeat") > 0).as(b.name()).isEqualTo(coordinator);
        }
        // commitAsync after every poll that returned records; 3 members heartbeat every 3 s
        assertThat(g.offsetCommitRate()).isCloseTo(g.pollRate(), within(0.02 * g.pollRate()));
        assertThat(g.heartbeatRate()).isCloseTo(1.0, within(0.3));
        // each commit appended one record per partition of the poll, and was replicated (acks=all)
        assertThat(group.offsetsPartition().highWatermark()).isGreaterThanOrEqualTo((long) (g.offsetCommitRate() * 11));
        assertThat(r.requestTimings().get("OffsetCommit").remoteTime().mean()).isGreaterThan(0.1);

        ClusterModel auto = new ClusterModel(spec(6, p, group(3, config(1, 500, 500, true, false, 300_000), null), 21), 1);
        RunResult a = auto.run();
        // enable.auto.commit: every auto.commit.interval.ms (5 s) per member
        assertThat(a.consumerGroups().get("readers").offsetCommitRate()).isCloseTo(0.6, within(0.16));
    }

    /** Consumer fetch responses cost CPU per KiB on a TLS listener (no zero-copy) and none on PLAINTEXT. */
    @Test
    void tlsPricesConsumerFetchBytes() {
        HardwareProfile base = Fixtures.simple(4);
        HardwareProfile.CpuCosts c = base.cpu();
        double tlsPerKiB = 20_000;
        HardwareProfile tlsOnlyPerKiB = new HardwareProfile("tls", 4, 1, false, new HardwareProfile.CpuCosts(
                c.perRequestNanos(), c.perKiBNanos(), c.perPartitionNanos(), c.fetchSessionPartitionNanos(), 0,
                tlsPerKiB, c.networkThreadPerRequestNanos(), 0, c.clientPerRequestNanos(), c.clientPerRecordNanos(),
                c.networkThreadPerResponseNanos(), c.purgatoryCompleteNanos(), c.replicaFetcherPerResponseNanos(), 0),
                base.network(), base.disk(), base.compressionRatio(), null, null);
        ProducerGroupSpec p = producers(new ArrivalProcess.Constant(2_000), 5);
        BrokerConfig d = BrokerConfig.defaults();
        double[] busy = new double[4];
        double producedKiBps = 0;
        int i = 0;
        for (boolean consumers : new boolean[] {false, true}) {
            for (SecurityProtocol sp : new SecurityProtocol[] {SecurityProtocol.PLAINTEXT, SecurityProtocol.SASL_SSL}) {
                BrokerConfig bc = new BrokerConfig(d.numNetworkThreads(), d.numIoThreads(), d.queuedMaxRequests(),
                        d.numReplicaFetchers(), d.replicaFetchWaitMaxNanos(), d.replicaFetchMinBytes(),
                        d.replicaFetchMaxBytes(), d.replicaFetchResponseMaxBytes(), d.replicaLagTimeMaxNanos(), sp,
                        SecurityProtocol.PLAINTEXT);
                List<ConsumerGroupSpec> groups = consumers
                        ? List.of(group(2, config(1, 500, 500, true, false, 300_000), null)) : List.of();
                RunResult r = new ClusterModel(spec(tlsOnlyPerKiB, bc, 3, p, groups, List.of(), 5), 1).run();
                double secs = r.measuredNanos() / 1e9;
                for (BrokerResult b : r.brokers()) {
                    busy[i] += b.cpuUtilisation() * 4 * 1e9;
                    if (i == 0) {
                        producedKiBps += b.produceMBpsIn() * 1e6 / 1024;
                    }
                }
                assertThat(secs).isPositive();
                i++;
            }
        }
        double tlsWithConsumers = busy[3] - busy[2];
        double tlsWithout = busy[1] - busy[0];
        // what TLS adds because of the consumers: at least their fetched bytes, plus request and response framing
        double expected = tlsPerKiB * producedKiBps;
        assertThat(tlsWithConsumers - tlsWithout).isBetween(expected, 1.2 * expected);
    }

    /** A topic's partitions grow: the group sees it in its metadata and reassigns, and reads the new partitions. */
    @Test
    void groupRebalancesWhenTheTopicGrows() {
        ProducerGroupSpec p = new ProducerGroupSpec("p", "t", 2, new ArrivalProcess.Poisson(500), 0, 300,
                KeyStrategy.NONE, new io.tailsim.models.config.ProducerConfig(MILLISECOND, 16_384, Acks.ALL,
                CompressionType.NONE, 5, 32L << 20, 1 << 20, 30 * SECOND, 120 * SECOND, 200 * MILLISECOND,
                io.tailsim.models.config.Partitioner.UNIFORM_STICKY, true), -1);
        for (ConsumerConfig.AssignmentStrategy strategy : ConsumerConfig.AssignmentStrategy.values()) {
            ConsumerConfig cc = new ConsumerConfig(1, 500 * MILLISECOND, D.fetchMaxBytes(), D.maxPartitionFetchBytes(),
                    500, D.heartbeatIntervalNanos(), true, D.autoCommitIntervalNanos(), strategy, 200 * MILLISECOND,
                    false);
            ClusterModel m = new ClusterModel(spec(Fixtures.simple(4), BrokerConfig.defaults(), 3, p,
                    List.of(group(2, cc, null)), List.of(new PhaseChange.SetPartitions(2 * SECOND, "t", 7)), 4), 1);
            RunResult r = m.run();
            assertThat(r.consumerGroups().get("readers").rebalances()).as(strategy.name()).isEqualTo(1);
            List<Integer> owned = new ArrayList<>();
            m.consumerGroups().get(0).members().forEach(c -> owned.addAll(c.ownedPartitions()));
            assertThat(owned).as(strategy.name()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
            // the new partitions' records reach the application
            assertThat(m.partitions("t").get(6).logEndOffset()).isPositive();
            assertThat(m.consumerGroups().get(0).members().stream().mapToLong(c -> c.position(6)).max().orElse(-1))
                    .as(strategy.name()).isPositive();
            assertThat(r.phases()).hasSize(2);
            assertThat(r.phases().get(1).partitions()).isEqualTo(Map.of("t", 7));
            assertThat(r.phases().get(1).topic("t").endToEnd.count()).isPositive();
        }
    }
}
