package io.tailsim.models.consumer;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.broker.FetchRequest;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.network.Host;
import io.tailsim.models.storage.PartitionLog;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayDeque;

/**
 * The consumer's fetcher (internals/AbstractFetch, FetchCollector, FetchBuffer): at most one
 * outstanding fetch per broker, partitions with buffered data left out of the next fetch; each
 * response's partitions with records join the fetch buffer as completed fetches, in response
 * order; poll() drains up to max.poll.records from the buffer, a partition's position advancing as
 * its records are handed out.
 */
final class Fetcher {
    private final KafkaConsumer consumer;
    private final ConsumerConfig config;
    private final Broker[] brokers;
    private final Host host;
    private final RandomStream netOut;
    private final RandomStream netIn;
    private final FetchSessionHandler[] handlers;
    private final ArrayDeque<CompletedFetch> buffer = new ArrayDeque<>();
    private long fetchesSent;

    Fetcher(KafkaConsumer consumer, ConsumerConfig config, Broker[] brokers, Host host, RandomStream netOut,
            RandomStream netIn) {
        this.consumer = consumer;
        this.config = config;
        this.brokers = brokers;
        this.host = host;
        this.netOut = netOut;
        this.netIn = netIn;
        this.handlers = new FetchSessionHandler[brokers.length];
    }

    private FetchSessionHandler handler(int node) {
        FetchSessionHandler h = handlers[node];
        if (h == null) {
            Broker b = brokers[node];
            h = new FetchSessionHandler(consumer.name(), b, b.connect(consumer, host, netOut, netIn, false), config);
            handlers[node] = h;
        }
        return h;
    }

    void assign(TopicPartitionState tp) {
        handler(tp.leader()).add(tp);
    }

    /** Revokes {@code tp}: its buffered records are dropped, data for it in responses is ignored. */
    void revoke(TopicPartitionState tp) {
        tp.revoked = true;
        handlers[tp.leader()].remove(tp);
        tp.buffered = false;
    }

    /** The rebalance is over: sessions left without partitions release what they still hold. */
    void rebalanced() {
        for (FetchSessionHandler h : handlers) {
            if (h != null) {
                h.releaseIfIdle();
            }
        }
    }

    /** Sends a fetch to every broker that can take one (AbstractFetch.sendFetches); returns how many. */
    int sendFetches(long now) {
        int sent = 0;
        for (FetchSessionHandler h : handlers) {
            if (h != null && h.fetchable()) {
                FetchRequest r = h.build();
                h.pending = true;
                h.sentAt = now;
                h.connection.send(r);
                sent++;
            }
        }
        fetchesSent += sent;
        consumer.group().stats.fetchRequests += sent;
        return sent;
    }

    long fetchesSent() {
        return fetchesSent;
    }

    /** A connection with no fetch outstanding, for a metadata request (leastLoadedNode), else any. */
    FetchSessionHandler leastLoaded() {
        FetchSessionHandler any = null;
        for (FetchSessionHandler h : handlers) {
            if (h != null) {
                if (!h.pending) {
                    return h;
                }
                any = any == null ? h : any;
            }
        }
        return any;
    }

    /**
     * A fetch response arrived: each partition it returned records for becomes a completed fetch
     * in the buffer (from the partition's position: the fetch asked from there).
     */
    void onFetchResponse(FetchRequest r) {
        FetchSessionHandler h = handlers[r.connection().broker().id()];
        if (h == null || h.request != r || !h.pending) {
            throw new IllegalStateException(consumer.name() + ": unexpected fetch response from " + r.connection().broker());
        }
        h.pending = false;
        for (int i = 0; i < r.responsePartitions(); i++) {
            TopicPartitionState tp = h.partition(r.responseIdx(i));
            if (tp == null || tp.revoked) {
                continue;
            }
            long end = r.responseEndOffset(i);
            if (end <= tp.position) {
                continue;
            }
            if (tp.buffered || !tp.inSession || tp.sentOffset != tp.position) {
                throw new IllegalStateException(consumer.name() + ": " + tp + " got data it did not fetch");
            }
            RecordBatch[] read = batches(tp.partition.log(), tp.position, end);
            buffer.add(new CompletedFetch(tp, read, (int) (tp.position - read[0].baseOffset()), h.sentAt));
            h.buffered(tp);
        }
    }

    /** The batches holding offsets [from, end): the log keeps them while this consumer's session offset is at from. */
    private RecordBatch[] batches(PartitionLog log, long from, long end) {
        int first = log.indexOf(from);
        int last = log.indexOf(end - 1);
        RecordBatch[] out = new RecordBatch[last - first + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = log.batch(first + i);
        }
        if (out[out.length - 1].nextOffset() != end) {
            throw new IllegalStateException("a fetch ended inside a batch at offset " + end);
        }
        return out;
    }

    boolean hasBuffered() {
        return !buffer.isEmpty();
    }

    /**
     * Hands out up to {@code max} buffered records (FetchCollector.collectFetch), oldest completed
     * fetch first, advancing positions; calls {@link KafkaConsumer#deliver} per batch slice.
     */
    int collect(long now, int max) {
        int delivered = 0;
        while (delivered < max && !buffer.isEmpty()) {
            CompletedFetch cf = buffer.peekFirst();
            TopicPartitionState tp = cf.state;
            if (tp.revoked) {
                buffer.pollFirst();
                continue;
            }
            RecordBatch b = cf.batches[cf.batchIdx];
            if (b.baseOffset() + cf.recordIdx != tp.position) {
                throw new IllegalStateException(consumer.name() + ": " + tp + " would hand out offset "
                        + (b.baseOffset() + cf.recordIdx));
            }
            int take = Math.min(b.recordCount() - cf.recordIdx, max - delivered);
            consumer.deliver(tp, b, cf.recordIdx, cf.recordIdx + take, cf.fetchSentAt, now);
            tp.position += take;
            delivered += take;
            cf.recordIdx += take;
            if (cf.recordIdx == b.recordCount()) {
                cf.batchIdx++;
                cf.recordIdx = 0;
            }
            if (cf.isConsumed()) {
                buffer.pollFirst();
                handlers[tp.leader()].drained(tp);
            }
        }
        return delivered;
    }
}
