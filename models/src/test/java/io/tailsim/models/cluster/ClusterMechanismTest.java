package io.tailsim.models.cluster;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.models.Fixtures;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.Partitioner;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.models.config.ProducerConfig;
import io.tailsim.models.config.ProcessRoles;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.producer.KafkaProducer;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.OverloadException;
import io.tailsim.models.report.ProducerGroupResult;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tailsim.core.time.Time.MILLISECOND;
import static io.tailsim.core.time.Time.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClusterMechanismTest {

    static ProducerConfig config(long lingerMs, int batchSize, Acks acks, int maxInFlight) {
        ProducerConfig d = ProducerConfig.defaults();
        return new ProducerConfig(lingerMs * MILLISECOND, batchSize, acks, CompressionType.NONE, maxInFlight,
                d.bufferMemory(), d.maxRequestSize(), d.requestTimeoutNanos(), d.deliveryTimeoutNanos(),
                d.metadataMaxAgeNanos(), Partitioner.UNIFORM_STICKY, true);
    }

    static ClusterSpec spec(HardwareProfile profile, int brokers, int azs, TopicSpec topic, ProducerGroupSpec group,
                            double seconds, double warmup) {
        return new ClusterSpec(profile, brokers, azs, BrokerConfig.defaults(), List.of(topic), List.of(group),
                List.of(), List.of(), Math.round(seconds * SECOND), Math.round(warmup * SECOND), 3);
    }

    /** linger.ms at a low rate: a batch waits linger.ms for company; about 1 + rate x linger records each. */
    @Test
    void lowRateBatchesWaitForLinger() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(100), 0, 512,
                KeyStrategy.NONE, config(10, 16_384, Acks.LEADER, 5), 0);
        RunResult r = new ClusterModel(spec(Fixtures.simple(4), 1, 1, new TopicSpec("t", 1, 1, 1), g, 30, 1), 1).run();
        ProducerGroupResult pg = r.producerGroups().get("p");
        assertThat(pg.recordsPerBatch()).isCloseTo(2.0, within(0.15));
        // the record that opens a batch waits the full linger; none waits longer
        assertThat(r.produceTime().max()).isBetween(10.0, 10.2);
        assertThat(r.produceTime().mean()).isBetween(5.0, 8.0);
    }

    /** linger.ms at a high rate: batches fill to batch.size long before linger expires. */
    @Test
    void highRateBatchesFillToBatchSize() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Constant(20_000), 0, 512,
                KeyStrategy.NONE, config(100, 16_384, Acks.LEADER, 5), 0);
        RunResult r = new ClusterModel(spec(Fixtures.simple(4), 1, 1, new TopicSpec("t", 1, 1, 1), g, 3, 0.5), 1).run();
        ProducerGroupResult pg = r.producerGroups().get("p");
        // (16384 - 61) / 521 = 31.3: 31 records fit, the 32nd closes the batch
        assertThat(pg.recordsPerBatch()).isCloseTo(31.0, within(0.5));
        assertThat(r.produceTime().valueAtPercentile(99)).isLessThan(5.0);
    }

    /** Never more than max.in.flight.requests.per.connection unanswered requests to a broker. */
    @Test
    void inFlightLimitHoldsAndBlocksWhenReached() {
        HardwareProfile slow = Fixtures.simple(1);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(3_000), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.ALL, 2), 0);
        ClusterModel m = new ClusterModel(spec(slow, 3, 3, new TopicSpec("t", 3, 3, 2), g, 3, 0.5), 1);
        KafkaProducer p = m.producers().get(0);
        int[] maxSeen = new int[1];
        m.setObserver((sim, e) -> {
            for (int n = 0; n < 3; n++) {
                maxSeen[0] = Math.max(maxSeen[0], p.inFlight(n));
            }
        });
        RunResult r = m.run();
        assertThat(maxSeen[0]).isEqualTo(2);
        assertThat(r.producerGroups().get("p").inFlightBlockedRatio()).isPositive();
        assertThat(r.producerGroups().get("p").recordsPerBatch()).isGreaterThan(1.2);
    }

    /** The leader learns a follower's offset from its next fetch: commit takes at least two one-way trips. */
    @Test
    void commitNeedsTheFollowersNextFetch() {
        HardwareProfile base = Fixtures.simple(4);
        long oneWay = 2 * MILLISECOND;
        HardwareProfile fixedNet = new HardwareProfile("fixed", 4, 1, false, base.cpu(),
                new HardwareProfile.Network(new Deterministic(10_000), new Deterministic(oneWay), new Deterministic(oneWay),
                        1.25e9), base.disk(), base.compressionRatio(), null, null);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(50), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.ALL, 5), 0);
        RunResult r = new ClusterModel(spec(fixedNet, 2, 2, new TopicSpec("t", 1, 2, 2), g, 20, 1), 1).run();
        // response to the parked fetch (one way), follower append, next fetch (one way)
        assertThat(r.commitTime().min()).isGreaterThanOrEqualTo(2 * oneWay / 1e6);
        assertThat(r.commitTime().mean()).isLessThan(2 * oneWay / 1e6 + 1.0);
        // producer latency: produce + request trip + append + commit + response trip
        assertThat(r.producerLatency().min()).isGreaterThanOrEqualTo(4 * oneWay / 1e6);
    }

    /**
     * A replica's first append writes the leader-epoch checkpoint and a segment's first index entry creates its index files,
     * each on the appending thread: the leader's handler, then the follower's fetcher. Only the records behind them wait.
     */
    @Test
    void aPartitionsFirstAppendsWaitForItsFiles() {
        HardwareProfile base = Fixtures.simple(4);
        HardwareProfile.Disk d = base.disk();
        HardwareProfile files = new HardwareProfile("files", 4, 1, false, base.cpu(), base.network(),
                new HardwareProfile.Disk(d.writeBytesPerSecond(), d.readBytesPerSecond(), d.readLatency(), d.dirtyBackgroundBytes(),
                        d.dirtyLimitBytes(), d.pageCacheBytes(), null, null, new Deterministic(40 * MILLISECOND),
                        new Deterministic(60 * MILLISECOND)),
                base.compressionRatio(), null, null);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(50), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.ALL, 5), 0);
        RunResult with = new ClusterModel(spec(files, 2, 2, new TopicSpec("t", 1, 2, 2), g, 20, 0), 1).run();
        RunResult without = new ClusterModel(spec(base, 2, 2, new TopicSpec("t", 1, 2, 2), g, 20, 0), 1).run();
        assertThat(without.producerLatency().max()).isLessThan(40.0);
        // the index entry's batch: 60 ms on the leader's handler, then 60 ms on the follower's fetcher
        assertThat(with.producerLatency().max()).isBetween(120.0, 170.0);
        assertThat(with.producerLatency().valueAtPercentile(50)).isCloseTo(without.producerLatency().valueAtPercentile(50), within(1.0));
    }

    /**
     * Index creation scaled by the replicas a broker holds (disk.index-create-reference-replicas, -replica-exponent): each
     * of the two brokers holds one replica of the one partition, so with a reference of 0.25 replicas and exponent 1 the
     * 60 ms draw becomes 240 ms on the leader's handler and again on the follower's fetcher; at the reference itself, 60 ms.
     */
    @Test
    void indexCreationTakesLongerOnBrokersHoldingMoreReplicas() {
        HardwareProfile base = Fixtures.simple(4);
        HardwareProfile.Disk d = base.disk();
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(50), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.ALL, 5), 0);
        double[] max = new double[2];
        double[] reference = {1, 0.25};
        for (int i = 0; i < 2; i++) {
            HardwareProfile files = new HardwareProfile("files", 4, 1, false, base.cpu(), base.network(),
                    new HardwareProfile.Disk(d.writeBytesPerSecond(), d.readBytesPerSecond(), d.readLatency(), d.dirtyBackgroundBytes(),
                            d.dirtyLimitBytes(), d.pageCacheBytes(), null, null, null, new Deterministic(60 * MILLISECOND),
                            reference[i], 1),
                    base.compressionRatio(), null, null);
            max[i] = new ClusterModel(spec(files, 2, 2, new TopicSpec("t", 1, 2, 2), g, 20, 0), 1).run().producerLatency().max();
        }
        assertThat(max[0]).isBetween(120.0, 170.0);
        assertThat(max[1]).isBetween(480.0, 530.0);
    }

    /** A follower fetch with nothing to read waits replica.fetch.wait.max.ms in the fetch purgatory. */
    @Test
    void idleFollowerFetchesWaitMaxWait() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(0.001), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.ALL, 5), 0);
        RunResult r = new ClusterModel(spec(Fixtures.simple(4), 3, 3, new TopicSpec("t", 3, 3, 2), g, 11, 1), 1).run();
        // each broker serves two follower fetchers, each fetching every 500 ms
        for (var b : r.brokers()) {
            assertThat(b.requestRate("FetchFollower")).isCloseTo(4.0, within(0.3));
        }
        assertThat(r.requestTimings().get("FetchFollower").remoteTime().mean()).isCloseTo(500.0, within(1.0));
    }

    /**
     * KRaft combined mode: the two follower voters long-poll the metadata quorum's leader (node 0), which appends a
     * NoOpRecord each metadata.max.idle.interval.ms; their fetches count as FetchFollower there and nowhere else.
     */
    @Test
    void combinedModeQuorumFetchesCountAsFetchFollowerOnTheLeader() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(10), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.LEADER, 5), 0);
        ClusterSpec brokersOnly = spec(Fixtures.simple(4), 3, 1, new TopicSpec("t", 3, 1, 1), g, 21, 1);
        ClusterSpec combined = new ClusterSpec(brokersOnly.profile(), 3, 1,
                BrokerConfig.defaults().withProcessRoles(ProcessRoles.BROKER_CONTROLLER), brokersOnly.topics(),
                brokersOnly.producerGroups(), List.of(), List.of(), brokersOnly.durationNanos(), brokersOnly.warmupNanos(), 3);
        RunResult none = new ClusterModel(brokersOnly, 1).run();
        RunResult quorum = new ClusterModel(combined, 1).run();
        // RF 1: no replica fetcher; only the quorum fetches, each parked until the leader's next NoOp
        assertThat(none.requestTimings().get("FetchFollower").totalTime().count()).isZero();
        assertThat(quorum.brokers().get(0).requestRate("FetchFollower")).isCloseTo(4.0, within(0.2));
        assertThat(quorum.brokers().get(1).requestRate("FetchFollower")).isZero();
        assertThat(quorum.brokers().get(2).requestRate("FetchFollower")).isZero();
        assertThat(quorum.requestTimings().get("FetchFollower").remoteTime().mean()).isCloseTo(500.0, within(5.0));
        // the clients' records are untouched by it
        assertThat(quorum.producerLatency().count()).isEqualTo(none.producerLatency().count());
    }

    @Test
    void sameSpecAndSeedGiveTheSameResult() {
        ClusterSpec s = Fixtures.blog(18, 5 * MILLISECOND, 16_384, 1.5, 0.5);
        RunResult a = new ClusterModel(s, 11).run();
        RunResult b = new ClusterModel(s, 11).run();
        RunResult c = new ClusterModel(s, 12).run();
        assertThat(b.eventsFired()).isEqualTo(a.eventsFired());
        assertThat(b.producerLatency().copyHistogram()).isEqualTo(a.producerLatency().copyHistogram());
        assertThat(b.commitTime().copyHistogram()).isEqualTo(a.commitTime().copyHistogram());
        assertThat(b.requestTimings().get("Produce").totalTime().copyHistogram())
                .isEqualTo(a.requestTimings().get("Produce").totalTime().copyHistogram());
        assertThat(c.producerLatency().copyHistogram()).isNotEqualTo(a.producerLatency().copyHistogram());
    }

    /**
     * More bytes than the broker's CPU can take: producers batch up to their limits, buffer.memory
     * fills, send() calls pile up, and the run stops naming the broker CPU and its offered load.
     */
    @Test
    void overloadStopsTheRunWithADiagnosis() {
        HardwareProfile base = Fixtures.simple(1);
        HardwareProfile.CpuCosts c = base.cpu();
        // 200 us per KiB on one core: at most ~5 MB/s of produce
        HardwareProfile.CpuCosts heavy = new HardwareProfile.CpuCosts(c.perRequestNanos(), 200_000,
                c.perPartitionNanos(), c.fetchSessionPartitionNanos(), c.tlsPerRequestNanos(), c.tlsPerKiBNanos(),
                c.networkThreadPerRequestNanos(), 0, 0, 0, c.networkThreadPerResponseNanos(),
                c.purgatoryCompleteNanos(), c.replicaFetcherPerResponseNanos(), 0);
        HardwareProfile p = new HardwareProfile("heavy", 1, 1, false, heavy, base.network(), base.disk(),
                base.compressionRatio(), null, null);
        ProducerConfig d = config(5, 16_384, Acks.LEADER, 5);
        // 1 MiB of buffer.memory per producer fills in a couple of seconds
        ProducerConfig small = new ProducerConfig(d.lingerNanos(), d.batchSize(), d.acks(), d.compressionType(),
                d.maxInFlightRequestsPerConnection(), 1 << 20, d.maxRequestSize(), d.requestTimeoutNanos(),
                d.deliveryTimeoutNanos(), d.metadataMaxAgeNanos(), d.partitioner(), true);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 10, new ArrivalProcess.Poisson(2_000), 0, 512,
                KeyStrategy.NONE, small, 0);
        ClusterModel m = new ClusterModel(spec(p, 1, 1, new TopicSpec("t", 4, 1, 1), g, 120, 1), 1);
        assertThatThrownBy(m::run).isInstanceOf(OverloadException.class)
                .hasMessageContaining("broker-0 CPU offered")
                .satisfies(e -> {
                    OverloadException o = (OverloadException) e;
                    assertThat(o.offeredUtilisation()).isBetween(1.5, 2.5);
                    assertThat(o.partialResult()).isNotNull();
                    assertThat(o.partialResult().stoppedBecause()).isEqualTo(o.getMessage());
                    assertThat(o.atNanos()).isLessThan(20 * SECOND);
                });
    }

    /** Partitions added mid-run are placed, replicated, and used once producers refresh metadata. */
    @Test
    void addedPartitionsAreReplicatedAndUsed() {
        ProducerConfig d = config(2, 16_384, Acks.ALL, 5);
        ProducerConfig pc = new ProducerConfig(d.lingerNanos(), d.batchSize(), d.acks(), d.compressionType(),
                d.maxInFlightRequestsPerConnection(), d.bufferMemory(), d.maxRequestSize(), d.requestTimeoutNanos(),
                d.deliveryTimeoutNanos(), 300 * MILLISECOND, d.partitioner(), true);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 3, new ArrivalProcess.Poisson(500), 4, 512,
                KeyStrategy.ROUND_ROBIN, pc, -1);
        ClusterSpec s = new ClusterSpec(Fixtures.simple(4), 3, 3, BrokerConfig.defaults(),
                List.of(new TopicSpec("t", 2, 3, 2)), List.of(g), List.of(),
                List.of(new PhaseChange.SetPartitions(SECOND, "t", 6)), 3 * SECOND, 0, 5);
        ClusterModel m = new ClusterModel(s, 5);
        InvariantChecker.attach(m);
        m.run();
        List<Partition> parts = m.partitions("t");
        assertThat(parts).hasSize(6);
        for (Partition p : parts) {
            assertThat(p.logEndOffset()).as(p.toString()).isPositive();
            assertThat(p.highWatermark()).as(p.toString()).isPositive();
        }
    }

    /** Warm-up is discarded: latencies and rates cover only the measured window. */
    @Test
    void warmUpIsDiscarded() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 2, new ArrivalProcess.Constant(1_000), 0, 512,
                KeyStrategy.NONE, config(0, 16_384, Acks.LEADER, 5), 0);
        RunResult r = new ClusterModel(spec(Fixtures.simple(4), 1, 1, new TopicSpec("t", 2, 1, 1), g, 4, 3), 1).run();
        assertThat(r.measuredNanos()).isEqualTo(SECOND);
        assertThat(r.producerLatency().count()).isBetween(1_990L, 2_000L);
        assertThat(r.throughputMBps()).isCloseTo(2_000 * 512 / 1e6, within(0.01));
    }

    /** clientsShareBrokerHost: the producers' application and Sender work lands on the brokers' cores. */
    @Test
    void clientsOnASharedHostUseItsCores() {
        HardwareProfile base = Fixtures.simple(2);
        HardwareProfile.CpuCosts c = base.cpu();
        HardwareProfile.CpuCosts clientHeavy = new HardwareProfile.CpuCosts(c.perRequestNanos(), c.perKiBNanos(),
                c.perPartitionNanos(), c.fetchSessionPartitionNanos(), c.tlsPerRequestNanos(), c.tlsPerKiBNanos(),
                c.networkThreadPerRequestNanos(), 0, 100_000, 50_000, c.networkThreadPerResponseNanos(),
                c.purgatoryCompleteNanos(), c.replicaFetcherPerResponseNanos(), 0);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 3, new ArrivalProcess.Poisson(1_000), 0, 512,
                KeyStrategy.NONE, config(1, 16_384, Acks.ALL, 5), 0);
        double[] util = new double[2];
        long[] records = new long[2];
        double[] requests = new double[2];
        for (int shared = 0; shared < 2; shared++) {
            HardwareProfile p = new HardwareProfile("h", 2, 3, shared == 1, clientHeavy, base.network(), base.disk(),
                    base.compressionRatio(), null, null);
            RunResult r = new ClusterModel(spec(p, 3, 1, new TopicSpec("t", 6, 3, 2), g, 6, 1), 1).run();
            util[shared] = r.brokers().get(0).cpuUtilisation();
            records[shared] = r.producerGroups().get("p").recordsSent();
            requests[shared] = r.producerGroups().get("p").produceRequestRate();
        }
        // 3 x 1000 records/s x 50 us + requests/s x 100 us of client work on 2 cores
        double clientCores = (records[1] / 5.0 * 50e-6 + requests[1] * 100e-6) / 2;
        assertThat(util[1] - util[0]).isCloseTo(clientCores, within(0.25 * clientCores));
    }

    /** SASL_SSL on the client listener costs broker CPU per request and per KiB on the network threads. */
    @Test
    void tlsOnTheClientListenerCostsNetworkThreadCpu() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 4, new ArrivalProcess.Poisson(500), 0, 512,
                KeyStrategy.NONE, config(1, 16_384, Acks.ALL, 5), 0);
        RunResult[] r = new RunResult[2];
        for (int tls = 0; tls < 2; tls++) {
            BrokerConfig d = BrokerConfig.defaults();
            BrokerConfig bc = new BrokerConfig(d.numNetworkThreads(), d.numIoThreads(), d.queuedMaxRequests(),
                    d.numReplicaFetchers(), d.replicaFetchWaitMaxNanos(), d.replicaFetchMinBytes(),
                    d.replicaFetchMaxBytes(), d.replicaFetchResponseMaxBytes(), d.replicaLagTimeMaxNanos(),
                    tls == 1 ? io.tailsim.models.config.SecurityProtocol.SASL_SSL
                            : io.tailsim.models.config.SecurityProtocol.PLAINTEXT,
                    io.tailsim.models.config.SecurityProtocol.PLAINTEXT);
            ClusterSpec s = new ClusterSpec(Fixtures.r5xlarge(), 3, 3, bc, List.of(new TopicSpec("t", 6, 3, 2)),
                    List.of(g), List.of(), List.of(), 6 * SECOND, SECOND, 3);
            r[tls] = new ClusterModel(s, 1).run();
        }
        assertThat(r[1].meanBrokerCpuUtilisation()).isGreaterThan(r[0].meanBrokerCpuUtilisation() * 1.1);
        // decryption happens on the network thread before "received": outside TotalTimeMs, inside producer latency
        // busy network-thread time: PLAINTEXT clients share one listener (3 threads) with replication,
        // SASL_SSL clients get their own (3 + 3 threads)
        assertThat(r[1].brokers().get(0).networkThreadUtilisation() * 6)
                .isGreaterThan(r[0].brokers().get(0).networkThreadUtilisation() * 3 * 1.3);
        assertThat(r[1].producerLatency().mean()).isGreaterThan(r[0].producerLatency().mean());
    }

    static ClusterSpec withLagMax(HardwareProfile p, long lagMaxNanos, ProducerGroupSpec g, double seconds) {
        BrokerConfig d = BrokerConfig.defaults();
        BrokerConfig bc = new BrokerConfig(d.numNetworkThreads(), d.numIoThreads(), d.queuedMaxRequests(),
                d.numReplicaFetchers(), d.replicaFetchWaitMaxNanos(), d.replicaFetchMinBytes(), d.replicaFetchMaxBytes(),
                d.replicaFetchResponseMaxBytes(), lagMaxNanos, d.clientSecurityProtocol(), d.interBrokerSecurityProtocol());
        return new ClusterSpec(p, 3, 3, bc, List.of(new TopicSpec("t", 6, 3, 2)), List.of(g), List.of(), List.of(),
                Math.round(seconds * SECOND), SECOND, 3);
    }

    /** Followers that keep fetching stay in the ISR under sustained load, long past replica.lag.time.max.ms. */
    @Test
    void steadyFollowersStayInSync() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 4, new ArrivalProcess.Poisson(5_000), 0, 512,
                KeyStrategy.NONE, config(1, 16_384, Acks.ALL, 5), 0);
        ClusterModel m = new ClusterModel(withLagMax(Fixtures.simple(4), 500 * MILLISECOND, g, 6), 1);
        m.run();
        for (Partition p : m.partitions("t")) {
            assertThat(p.isrShrinks()).as(p.toString()).isZero();
            assertThat(p.isrSize()).isEqualTo(3);
        }
    }

    /** A follower stopped longer than replica.lag.time.max.ms (GC pauses at random times per broker) leaves the ISR and rejoins. */
    @Test
    void pausedFollowerLeavesAndRejoinsTheIsr() {
        HardwareProfile b = Fixtures.simple(4);
        HardwareProfile gc = new HardwareProfile("gc", 4, 1, false, b.cpu(), b.network(), b.disk(),
                b.compressionRatio(), new io.tailsim.core.dist.Exponential(2.0 * SECOND), new Deterministic(1.5 * SECOND));
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 2, new ArrivalProcess.Poisson(200), 0, 512,
                KeyStrategy.NONE, config(1, 16_384, Acks.ALL, 5), 0);
        ClusterModel m = new ClusterModel(withLagMax(gc, 400 * MILLISECOND, g, 9), 1);
        InvariantChecker.attach(m);
        RunResult r = m.run();
        int shrinks = m.partitions("t").stream().mapToInt(Partition::isrShrinks).sum();
        assertThat(shrinks).isPositive();
        // acknowledgements kept coming: the ISR shrank to min.insync.replicas and grew back
        assertThat(r.producerLatency().count()).isPositive();
        assertThat(r.producerLatency().max()).isGreaterThan(400.0);
    }

    /**
     * replica-fetcher-per-partition: a follower's fetcher walks every partition it fetches from a leader on every
     * response, so its CPU grows with the fetch rate times the session's partitions, data or not.
     */
    @Test
    void theFollowersFetcherPaysForEveryPartitionOfItsSession() {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 3, new ArrivalProcess.Poisson(300), 0, 512,
                KeyStrategy.NONE, config(5, 16_384, Acks.ALL, 5), 0);
        TopicSpec t = new TopicSpec("t", 300, 3, 2);
        RunResult free = new ClusterModel(spec(Fixtures.simple(4), 3, 1, t, g, 6, 1), 1).run();
        HardwareProfile base = Fixtures.simple(4);
        HardwareProfile.CpuCosts c = base.cpu();
        double perPartition = 20_000;
        HardwareProfile.CpuCosts walking = new HardwareProfile.CpuCosts(c.perRequestNanos(), c.perKiBNanos(),
                c.perPartitionNanos(), c.fetchSessionPartitionNanos(), c.tlsPerRequestNanos(), c.tlsPerKiBNanos(),
                c.networkThreadPerRequestNanos(), c.perConnectionPerSecondNanos(), c.clientPerRequestNanos(),
                c.clientPerRecordNanos(), c.networkThreadPerResponseNanos(), c.purgatoryCompleteNanos(),
                c.replicaFetcherPerResponseNanos(), c.serviceCv(), c.clientPerResponseNanos(), perPartition);
        HardwareProfile p = new HardwareProfile("walking", 4, 1, false, walking, base.network(), base.disk(),
                base.compressionRatio(), null, null);
        RunResult paid = new ClusterModel(spec(p, 3, 1, t, g, 6, 1), 1).run();

        double followerFetches = paid.brokers().stream().mapToDouble(b -> b.requestRate("FetchFollower")).sum();
        // every leader leads 100 of the 300 partitions, and each of its two followers fetches all of them from it
        double expectedExtraCores = followerFetches * 100 * perPartition / 1e9;
        double extraCores = 4 * paid.brokers().size() * (paid.meanBrokerCpuUtilisation() - free.meanBrokerCpuUtilisation());
        assertThat(expectedExtraCores).isGreaterThan(0.1);
        assertThat(extraCores).isCloseTo(expectedExtraCores, within(0.25 * expectedExtraCores));
        assertThat(paid.brokers().get(0).replicaFetcherUtilisation())
                .isGreaterThan(free.brokers().get(0).replicaFetcherUtilisation());
    }

    /**
     * network-thread-per-wakeup: a network thread pays its fixed cost once per wake-up, however many requests it then
     * reads, so the same record rate costs less network CPU per request when requests come in bursts (Trogdor's
     * throttle: each 100 ms period's records back to back) than when they come one by one (Poisson). Each wake-up
     * costs exactly the profile's figure: the extra network CPU equals wake-ups times the cost.
     */
    @Test
    void networkThreadsPayPerWakeupSoBurstsCostLessPerRequest() {
        TopicSpec t = new TopicSpec("t", 30, 3, 2);
        double wake = 100_000;
        HardwareProfile base = Fixtures.simple(4);
        HardwareProfile.HostEffects fx = new HardwareProfile.HostEffects(0, 0, 0, 1_000_000, null, 0, 0, 0, wake, 0);
        double[] perRequest = new double[2];
        for (int i = 0; i < 2; i++) {
            ArrivalProcess a = i == 0 ? new ArrivalProcess.Poisson(100)
                    : new ArrivalProcess.TrogdorThrottle(100, 100 * MILLISECOND, true, MILLISECOND);
            ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 9, a, 0, 512, KeyStrategy.NONE,
                    config(0, 16_384, Acks.ALL, 5), 0);
            RunResult free = new ClusterModel(spec(base, 3, 1, t, g, 6, 1), 1).run();
            RunResult paid = new ClusterModel(spec(base.withHostEffects(fx), 3, 1, t, g, 6, 1), 1).run();
            double wakeups = paid.brokers().stream().mapToDouble(b -> b.threadWakeupsPerSec().get("network")).sum();
            double requests = paid.brokers().stream().mapToDouble(b -> b.requestRates().values().stream()
                    .mapToDouble(Double::doubleValue).sum()).sum();
            double extraCores = 4 * paid.brokers().size() * (paid.meanBrokerCpuUtilisation() - free.meanBrokerCpuUtilisation());
            assertThat(wakeups).isPositive();
            // a request is read and its response written: at most two wake-ups each
            assertThat(wakeups).isLessThanOrEqualTo(2 * requests * 1.01);
            assertThat(extraCores).isCloseTo(wakeups * wake / 1e9, within(0.1 * wakeups * wake / 1e9));
            perRequest[i] = wakeups / requests;
        }
        assertThat(perRequest[1]).isLessThan(0.8 * perRequest[0]);
    }
}
