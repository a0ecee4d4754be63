package io.tailsim.models.producer;

import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
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

/** client-per-wakeup: the Sender thread's work each time it wakes from its selector comes before its drain. */
class SenderWakeupCostTest {
    static HardwareProfile withClientCosts(double perRecord, double perWakeup) {
        return SenderResponseCostTest.withClientCosts(0, perRecord, 0, perWakeup);
    }

    static RunResult poisson(HardwareProfile p) {
        return poisson(p, 0);
    }

    static RunResult poisson(HardwareProfile p, long lingerNanos) {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 2, new ArrivalProcess.Poisson(50), 0, 512,
                KeyStrategy.NONE, Fixtures.producerConfig(lingerNanos, 16_384, Acks.LEADER, CompressionType.NONE), 0, 0);
        ClusterSpec s = new ClusterSpec(p, 3, 1, BrokerConfig.defaults(), List.of(new TopicSpec("t", 6, 3, 2)),
                List.of(g), List.of(), List.of(), 8 * SECOND, SECOND, 1);
        return new ClusterModel(s, 1).run();
    }

    /**
     * At a low rate every record is alone: the thread wakes for it (the wake-up's work, then the drain) and wakes again
     * for its response (the wake-up's work, then the batch completes), so its latency grows by two wake-ups.
     */
    @Test
    void aLoneRecordPaysOneWakeupBeforeItsDrainAndOneBeforeItsResponse() {
        RunResult free = poisson(withClientCosts(0, 0));
        RunResult priced = poisson(withClientCosts(0, MILLISECOND));
        assertThat(priced.producerLatency().mean() - free.producerLatency().mean()).isCloseTo(2.0, within(0.2));
        // two wake-ups per record, 100 records/s: about 200 wake-ups/s either way, and 1 ms of work each where priced
        var g = priced.producerGroups().get("p");
        assertThat(free.producerGroups().get("p").senderWakeupsPerSec()).isCloseTo(200, within(30.0));
        assertThat(g.senderWakeupsPerSec()).isCloseTo(200, within(30.0));
        assertThat(g.senderCpuCores()).isCloseTo(g.senderWakeupsPerSec() * 1e-3, within(1e-9));
        assertThat(free.producerGroups().get("p").senderCpuCores()).isZero();
    }

    /**
     * linger.ms 5, records alone: KafkaProducer.doSend wakes the Sender on every new batch, which then finds nothing ready
     * and sleeps until linger.ms is up; where that wake-up costs work the model makes it (three wake-ups per record: the new
     * batch, the linger timer, the response, for a batch alone), where it is free it skips it, and records still wait
     * linger.ms.
     */
    @Test
    void aNewBatchWakesTheSenderBeforeItsLingerIsUpWhereWakingCosts() {
        var free = poisson(withClientCosts(0, 0), 5 * MILLISECOND).producerGroups().get("p");
        var priced = poisson(withClientCosts(0, 100_000), 5 * MILLISECOND).producerGroups().get("p");
        double newBatchesPerSec = priced.produceRequestRate() * priced.batchesPerRequest();
        assertThat(newBatchesPerSec).isGreaterThan(50);
        assertThat(priced.senderWakeupsPerSec() - free.senderWakeupsPerSec()).isCloseTo(newBatchesPerSec, within(0.2 * newBatchesPerSec));
        // the early wake-up drains nothing: batches hold as many records as without it
        assertThat(priced.recordsPerBatch()).isCloseTo(free.recordsPerBatch(), within(0.05 * free.recordsPerBatch()));
        assertThat(priced.recordsPerBatch()).isGreaterThan(1.05);
    }

    static RunResult bursts(HardwareProfile p, long seed, long lingerNanos, Acks acks) {
        // 6 producers on 2 priced agent hosts, Trogdor bursts of 20 records (0.4 ms of send()) each 100 ms, round-robin over 12 partitions
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 6,
                new ArrivalProcess.TrogdorThrottle(200, 100 * MILLISECOND, true, MILLISECOND), 4, 512,
                KeyStrategy.ROUND_ROBIN, Fixtures.producerConfig(lingerNanos, 16_384, acks, CompressionType.NONE), -1, 2);
        ClusterSpec s = new ClusterSpec(p, 3, 3, BrokerConfig.defaults(), List.of(new TopicSpec("t", 12, 3, 2)),
                List.of(g), List.of(), List.of(), 3 * SECOND, 500 * MILLISECOND, seed);
        return new ClusterModel(s, seed).run();
    }

    /**
     * linger.ms 0 with bursts appended 20 us a record: a Sender that drains as soon as it wakes takes the burst's first
     * record alone and the rest in later requests; one that first spends its wake-up's work (here longer than the burst's
     * appends) finds the whole burst and sends about one request per broker, as the real client does.
     */
    @Test
    void theWakeupsWorkLetsABurstCoalesceIntoOneRequestPerBroker() {
        double eager = bursts(withClientCosts(20_000, 0), 1, 0, Acks.ALL).producerGroups().get("p").produceRequestRate();
        double waking = bursts(withClientCosts(20_000, MILLISECOND), 1, 0, Acks.ALL).producerGroups().get("p").produceRequestRate();
        // 6 producers x 10 bursts/s x 3 brokers: 180 requests/s when every burst goes out as one request per broker
        assertThat(waking).isLessThan(0.75 * eager);
        assertThat(waking).isCloseTo(180, within(40.0));
    }

    static RunResult roundRobin(double perWakeupPerPartition, int partitions) {
        HardwareProfile b = withClientCosts(0, 0);
        HardwareProfile.CpuCosts c = b.cpu();
        HardwareProfile p = new HardwareProfile("r", 4, 1, false, new HardwareProfile.CpuCosts(c.perRequestNanos(), c.perKiBNanos(),
                c.perPartitionNanos(), c.fetchSessionPartitionNanos(), c.tlsPerRequestNanos(), c.tlsPerKiBNanos(),
                c.networkThreadPerRequestNanos(), 0, 0, 0, c.networkThreadPerResponseNanos(), c.purgatoryCompleteNanos(),
                c.replicaFetcherPerResponseNanos(), 0, 0, 0, 0, perWakeupPerPartition), b.network(), b.disk(), b.compressionRatio(),
                null, null, 4);
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 2, new ArrivalProcess.Poisson(50), 4, 512,
                KeyStrategy.ROUND_ROBIN, Fixtures.producerConfig(0, 16_384, Acks.LEADER, CompressionType.NONE), 0, 0);
        ClusterSpec s = new ClusterSpec(p, 3, 1, BrokerConfig.defaults(), List.of(new TopicSpec("t", partitions, 3, 2)),
                List.of(g), List.of(), List.of(), 8 * SECOND, SECOND, 1);
        return new ClusterModel(s, 1).run();
    }

    /**
     * client-per-wakeup-per-partition: RecordAccumulator.ready() walks every partition's deque and each drain every partition
     * its broker leads, so a Sender whose producer writes a topic of ten times the partitions spends ten times as long each
     * time it wakes, and its records wait that long before their drain.
     */
    @Test
    void aWakeupWalksEveryPartitionTheProducerHasWritten() {
        var six = roundRobin(10_000, 6);
        var sixty = roundRobin(10_000, 60);
        for (var r : List.of(six, sixty)) {
            var g = r.producerGroups().get("p");
            int partitions = r == six ? 6 : 60;
            assertThat(g.senderCpuCores()).isCloseTo(g.senderWakeupsPerSec() * partitions * 10e-6, within(1e-9));
        }
        // lone records: two wake-ups each (before the drain, before the response), 2 x 0.6 ms more with 60 partitions than with 6
        assertThat(sixty.producerLatency().mean() - six.producerLatency().mean()).isCloseTo(1.08, within(0.15));
        assertThat(roundRobin(0, 60).producerGroups().get("p").senderCpuCores()).isZero();
    }

    /** Invariants with the wake-up's work on shared agents: every record appended once, acknowledged once, latencies add up. */
    @Test
    void invariantsHoldWithPricedWakeupsOnSharedAgents() {
        SenderResponseCostTest.invariantsHoldOnSharedAgents(withClientCosts(5_000, 60_000));
    }

    /**
     * On a host with an OS wake-up latency, a Sender woken for a lone record waits that latency once, as any thread woken
     * there does (its wake-up work is the job that pays it), not once for the wake-up and again for the work.
     */
    @Test
    void aWokenSenderWaitsOneWakeupLatencyBeforeItsDrain() {
        long latency = MILLISECOND;
        HardwareProfile shared = withClientCosts(0, 1_000);
        HardwareProfile.HostEffects fx = shared.hostEffects();
        HardwareProfile p = new HardwareProfile("shared", 4, 3, true, shared.cpu(), shared.network(), shared.disk(),
                shared.compressionRatio(), null, null, 4).withHostEffects(new HardwareProfile.HostEffects(
                fx.backgroundCoresPerBroker(), fx.backgroundPerRequestNanos(), fx.backgroundPerPartitionNanos(),
                fx.backgroundBurstNanos(), new io.tailsim.core.dist.Deterministic(latency), 0, 0, 0));
        // send -> request written: the wake-up latency and 1 us of wake-up work (less for a record that finds the Sender awake)
        double produceMs = poisson(p).produceTime().mean();
        assertThat(produceMs).isCloseTo(1.0, within(0.1));
    }
}
