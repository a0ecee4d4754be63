package io.tailsim.models.broker;

import io.tailsim.models.Fixtures;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.cpu.SchedulerPolicy;
import io.tailsim.models.replication.FetchSession;
import io.tailsim.models.replication.Partition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

class BrokerMechanismTest {
    private static ProduceRequest produce(Partition p, Acks acks, long timeout) {
        ProduceRequest r = new ProduceRequest(1, acks, timeout);
        r.add(new BrokerHarness.TestBatch(10, 5_000), p);
        r.seal();
        return r;
    }

    /** SocketServer mutes a connection after reading a request until its response is sent. */
    @Test
    void oneRequestPerConnectionInsideTheBroker() {
        BrokerHarness h = new BrokerHarness();
        Partition p = h.leaderPartition(0, new int[] {0}, 1);
        BrokerHarness.Client a = h.client("a");
        BrokerHarness.Client b = h.client("b");
        List<ProduceRequest> onA = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProduceRequest r = produce(p, Acks.LEADER, 30_000 * MILLISECOND);
            onA.add(r);
            a.connection.send(r);
        }
        ProduceRequest onB = produce(p, Acks.LEADER, 30_000 * MILLISECOND);
        b.connection.send(onB);
        h.sim.runUntil(1_000 * MILLISECOND);
        assertThat(a.responses).containsExactlyElementsOf(onA);
        for (int i = 1; i < onA.size(); i++) {
            assertThat(onA.get(i).receivedAt()).as("request %d read only after response %d was sent", i, i - 1)
                    .isGreaterThanOrEqualTo(onA.get(i - 1).sentAt());
        }
        // another connection is not held back by a's muting
        assertThat(onB.receivedAt()).isLessThan(onA.get(1).receivedAt());
        assertThat(b.responses).containsExactly(onB);
    }

    /**
     * Idle handlers wait on the request queue's condition, which wakes the one that has waited longest: requests that
     * each find the queue empty go round all num.io.threads handlers instead of back to the one that just finished.
     */
    @Test
    void requestsArrivingAtAnEmptyQueueGoRoundTheIdleHandlers() {
        BrokerHarness h = new BrokerHarness();
        Partition p = h.leaderPartition(0, new int[] {0}, 1);
        BrokerHarness.Client c = h.client("c");
        int handlers = BrokerConfig.defaults().numIoThreads();
        for (int i = 0; i < 2 * handlers; i++) {
            c.connection.send(produce(p, Acks.LEADER, 30_000 * MILLISECOND));
        }
        h.sim.runUntil(1_000 * MILLISECOND);
        assertThat(c.responses).hasSize(2 * handlers);
        // the connection is muted until each response is sent, so every request finds the queue empty
        assertThat(h.broker.wakeupsByHandler()).containsOnly(2L);
    }

    /** acks=all waits in the produce purgatory until the high watermark passes; here it never does. */
    @Test
    void delayedProduceTimesOutAfterRequestTimeout() {
        BrokerHarness h = new BrokerHarness(Fixtures.simple(2), BrokerConfig.defaults(), 2);
        // replica 1 (broker 1) never fetches: the high watermark stays at 0
        Partition p = h.leaderPartition(0, new int[] {0, 1}, 1);
        BrokerHarness.Client c = h.client("c");
        ProduceRequest r = produce(p, Acks.ALL, 100 * MILLISECOND);
        c.connection.send(r);
        h.sim.runUntil(1_000 * MILLISECOND);
        assertThat(c.responses).containsExactly(r);
        assertThat(r.timedOut()).isTrue();
        assertThat(p.logEndOffset()).isEqualTo(10);
        assertThat(p.highWatermark()).isZero();
        long remote = r.responseReadyAt() - r.localDoneAt();
        assertThat(remote).isBetween(100 * MILLISECOND, 101 * MILLISECOND);
        assertThat(h.timings.get(ApiKey.PRODUCE).remoteTime().mean()).isBetween(100.0, 101.0);
    }

    @Test
    void acksAllOnASingleReplicaCompletesAtAppend() {
        BrokerHarness h = new BrokerHarness();
        Partition p = h.leaderPartition(0, new int[] {0}, 1);
        BrokerHarness.Client c = h.client("c");
        ProduceRequest r = produce(p, Acks.ALL, 100 * MILLISECOND);
        c.connection.send(r);
        h.sim.runUntil(1_000 * MILLISECOND);
        assertThat(r.timedOut()).isFalse();
        assertThat(p.highWatermark()).isEqualTo(10);
        assertThat(r.responseReadyAt()).isEqualTo(r.localDoneAt());
    }

    /**
     * The completions a handler runs from KafkaApis.handle's action queue hand their responses to the network threads from
     * inside handle(), so on a time-sliced host (where such a wake can preempt the handler) the parked produce's local
     * time ends after the handler's last microsecond that follows them; under processor sharing at the same instant.
     */
    @Test
    void aParkedProducesLocalTimeEndsAfterTheResponsesOfTheFetchesItCompleted() {
        for (boolean sliced : new boolean[] {false, true}) {
            BrokerHarness h = new BrokerHarness(Fixtures.simple(2), BrokerConfig.defaults(), 2);
            if (sliced) {
                h.host.cpu().setTimeSlice(3 * MILLISECOND, SchedulerPolicy.EEVDF);
            }
            Partition p = h.leaderPartition(0, new int[] {0, 1}, 2);
            // the follower's fetch parks on the leader (nothing to read yet); the produce's append completes it
            BrokerHarness.Client follower = h.client("follower");
            FetchSession session = new FetchSession("follower", true);
            session.add(p, 1, 0);
            FetchRequest fetch = new FetchRequest(ApiKey.FETCH_FOLLOWER, session, 500 * MILLISECOND, 1, 1 << 20, 10 << 20);
            fetch.reset();
            fetch.seal();
            follower.connection.send(fetch);
            h.sim.runUntil(10 * MILLISECOND);
            assertThat(follower.responses).isEmpty();
            BrokerHarness.Client c = h.client("c");
            ProduceRequest r = produce(p, Acks.ALL, 100 * MILLISECOND);
            c.connection.send(r);
            h.sim.runUntil(50 * MILLISECOND);
            assertThat(follower.responses).containsExactly(fetch);
            long expected = fetch.responseReadyAt() + (sliced ? (long) KafkaRequestHandler.FINISH_NANOS : 0);
            assertThat(r.localDoneAt()).as("time-sliced %s", sliced).isEqualTo(expected);
        }
    }

    /** A full request queue blocks the network thread: nothing more is read until a handler takes one. */
    @Test
    void fullRequestQueueBlocksTheNetworkThread() {
        BrokerConfig d = BrokerConfig.defaults();
        BrokerConfig tiny = new BrokerConfig(1, 1, 1, 1, d.replicaFetchWaitMaxNanos(), 1, d.replicaFetchMaxBytes(),
                d.replicaFetchResponseMaxBytes(), d.replicaLagTimeMaxNanos(), d.clientSecurityProtocol(),
                d.interBrokerSecurityProtocol());
        BrokerHarness h = new BrokerHarness(Fixtures.simple(4), tiny, 1);
        Partition p = h.leaderPartition(0, new int[] {0}, 1);
        List<ProduceRequest> all = new ArrayList<>();
        List<BrokerHarness.Client> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BrokerHarness.Client c = h.client("c" + i);
            clients.add(c);
            ProduceRequest r = produce(p, Acks.LEADER, 30_000 * MILLISECOND);
            all.add(r);
            c.connection.send(r);
        }
        h.sim.runUntil(1_000 * MILLISECOND);
        for (BrokerHarness.Client c : clients) {
            assertThat(c.responses).hasSize(1);
        }
        // one handler, one queue slot: request i+2 cannot be read before request i was taken by the handler
        all.sort((x, y) -> Long.compare(x.receivedAt(), y.receivedAt()));
        for (int i = 2; i < all.size(); i++) {
            assertThat(all.get(i).receivedAt()).isGreaterThanOrEqualTo(all.get(i - 2).dequeuedAt());
        }
        assertThat(p.logEndOffset()).isEqualTo(60);
    }
}
