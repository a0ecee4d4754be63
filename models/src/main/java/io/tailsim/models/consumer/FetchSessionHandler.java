package io.tailsim.models.consumer;

import io.tailsim.models.broker.ApiKey;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.broker.Connection;
import io.tailsim.models.broker.FetchRequest;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.replication.FetchSession;

import java.util.Arrays;

/**
 * A consumer's fetch session with one broker (FetchSessionHandler) and its one outstanding fetch.
 * Each fetch carries only what changed since the previous one (KIP-227): partitions whose
 * position moved or that rejoin the session, and partitions left out because their data is still
 * buffered (toForget). The handler keeps a list of the partitions touched since the last fetch,
 * so building a fetch costs the simulator the changes, not the session's size.
 */
final class FetchSessionHandler {
    final Broker broker;
    final Connection connection;
    /** The broker's side of the session (the leader's FetchSession), created by the client as follower fetchers do. */
    final FetchSession session;
    final FetchRequest request;
    private TopicPartitionState[] byIdx = new TopicPartitionState[8];
    private TopicPartitionState[] touched = new TopicPartitionState[8];
    private int touchedCount;
    private int assigned;
    private int buffered;
    boolean pending;
    long sentAt;

    FetchSessionHandler(String consumer, Broker broker, Connection connection, ConsumerConfig config) {
        this.broker = broker;
        this.connection = connection;
        this.session = new FetchSession(consumer + "@" + broker.name(), false);
        this.request = new FetchRequest(ApiKey.FETCH_CONSUMER, session, config.fetchMaxWaitNanos(),
                config.fetchMinBytes(), config.maxPartitionFetchBytes(), config.fetchMaxBytes());
    }

    /** Starts fetching {@code tp} from its position with the next fetch. */
    void add(TopicPartitionState tp) {
        int idx = session.addExcluded(tp.partition, tp.position);
        if (idx >= byIdx.length) {
            byIdx = Arrays.copyOf(byIdx, Math.max(idx + 1, byIdx.length * 2));
        }
        byIdx[idx] = tp;
        tp.sessionIdx = idx;
        tp.inSession = false;
        assigned++;
        touch(tp);
    }

    /**
     * Stops fetching {@code tp} (revoked). The broker learns it with the next fetch (toForget), as in
     * Kafka: a fetch already parked there still watches the partition and returns when it gets data.
     */
    void remove(TopicPartitionState tp) {
        assigned--;
        if (tp.buffered) {
            buffered--;
        }
        touch(tp);
    }

    /**
     * After a rebalance: a session left with no partition sends no more fetches, so the partitions
     * it still holds leave it now (in Kafka the idle session is evicted in time; here the logs stop
     * keeping data for it).
     */
    void releaseIfIdle() {
        if (assigned > 0) {
            return;
        }
        for (int idx = 0; idx < session.size(); idx++) {
            TopicPartitionState tp = byIdx[idx];
            if (tp != null && tp.revoked && !tp.removed) {
                session.forget(idx);
                tp.removed = true;
                byIdx[idx] = null;
            }
        }
    }

    /** The partition at session index {@code idx}, null once revoked. */
    TopicPartitionState partition(int idx) {
        return byIdx[idx];
    }

    void buffered(TopicPartitionState tp) {
        tp.buffered = true;
        buffered++;
        touch(tp);
    }

    void drained(TopicPartitionState tp) {
        tp.buffered = false;
        buffered--;
        touch(tp);
    }

    private void touch(TopicPartitionState tp) {
        if (tp.touched) {
            return;
        }
        tp.touched = true;
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = tp;
    }

    /** A fetch may go: none outstanding, and some partition has no buffered data (AbstractFetch.fetchablePartitions). */
    boolean fetchable() {
        return !pending && assigned > buffered;
    }

    int assigned() {
        return assigned;
    }

    /** Builds the next incremental fetch from the partitions touched since the last one. */
    FetchRequest build() {
        request.reset();
        for (int i = 0; i < touchedCount; i++) {
            TopicPartitionState tp = touched[i];
            touched[i] = null;
            tp.touched = false;
            if (tp.revoked) {
                if (!tp.removed) {
                    request.addRemoved(tp.sessionIdx);
                    tp.removed = true;
                    byIdx[tp.sessionIdx] = null;
                }
                continue;
            }
            if (tp.buffered) {
                if (tp.inSession) {
                    request.addForgotten(tp.sessionIdx);
                    tp.inSession = false;
                }
            } else if (!tp.inSession || tp.sentOffset != tp.position) {
                request.addChanged(tp.sessionIdx, tp.position);
                tp.inSession = true;
                tp.sentOffset = tp.position;
            }
        }
        touchedCount = 0;
        request.seal();
        return request;
    }
}
