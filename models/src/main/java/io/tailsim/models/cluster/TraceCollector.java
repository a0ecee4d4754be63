package io.tailsim.models.cluster;

import io.tailsim.models.broker.BatchListener;
import io.tailsim.models.broker.ProduceRequest;
import io.tailsim.models.producer.KafkaProducer;
import io.tailsim.models.producer.ProducerBatch;
import io.tailsim.models.producer.ProducerObserver;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-record timelines for {@code explain --trace}: every {@code traceEvery}-th record of each
 * producer is followed from send() through the accumulator, the sender, the network, the broker's
 * network thread, request queue and handler, the log append, each follower's copy, the high
 * watermark, the purgatory and the response, until the acknowledgement. Keeps at most
 * {@code maxRecords} completed timelines.
 */
public final class TraceCollector implements ProducerObserver, BatchListener {
    /** One step of a record's journey. */
    public record Stage(String what, String where, long atNanos) {
    }

    /** A traced record's journey. */
    public record Timeline(String producer, long recordIndex, String partition, List<Stage> stages) {
        public long sendTime() {
            return stages.get(0).atNanos();
        }

        /** One line per stage, in ms after send(). */
        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(producer).append(" record ").append(recordIndex).append(" -> ").append(partition).append('\n');
            long t0 = sendTime();
            for (Stage s : stages) {
                sb.append(String.format(Locale.ROOT, "  %9.3f ms  %-34s %s%n", (s.atNanos() - t0) / 1e6, s.what(),
                        s.where()));
            }
            return sb.toString();
        }
    }

    private final int maxRecords;
    private final Map<ProducerBatch, List<Timeline>> open = new IdentityHashMap<>();
    private final Map<Partition, List<ProducerBatch>> awaitingReplicas = new IdentityHashMap<>();
    private final List<Timeline> done = new ArrayList<>();

    private TraceCollector(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    /** Attaches a collector to {@code model}, following every {@code traceEvery}-th record of each producer. */
    public static TraceCollector attach(ClusterModel model, long traceEvery, int maxRecords) {
        TraceCollector c = new TraceCollector(maxRecords);
        model.addProducerObserver(c, traceEvery);
        model.addBatchListener(c);
        return c;
    }

    /** Completed timelines, in order of acknowledgement. */
    public List<Timeline> timelines() {
        return Collections.unmodifiableList(done);
    }

    private boolean full() {
        return done.size() + open.size() >= maxRecords;
    }

    private void add(ProducerBatch b, String what, String where, long at) {
        List<Timeline> ts = open.get(b);
        if (ts != null) {
            for (Timeline t : ts) {
                t.stages().add(new Stage(what, where, at));
            }
        }
    }

    @Override
    public void recordSent(KafkaProducer p, ProducerBatch b, long recordIndex, long now) {
        if (full()) {
            return;
        }
        Timeline t = new Timeline(p.name(), recordIndex, b.partition().toString(), new ArrayList<>());
        t.stages().add(new Stage("send()", p.name(), now));
        if (b.createdAt() == now && b.recordCount() == 1) {
            t.stages().add(new Stage("opened a new batch", "RecordAccumulator", now));
        } else {
            t.stages().add(new Stage("joined batch (" + b.recordCount() + " records)", "RecordAccumulator", now));
        }
        open.computeIfAbsent(b, k -> new ArrayList<>()).add(t);
    }

    @Override
    public void batchSent(ProducerBatch b, long now) {
        ProduceRequest r = b.request();
        add(b, "drained; request sent (" + r.batchCount() + " batches)", "Sender -> broker-" + b.partition().leader(), now);
    }

    @Override
    public void batchAppended(ProducerBatch b, long now) {
        ProduceRequest r = b.request();
        String broker = "broker-" + b.partition().leader();
        add(b, "request read (received)", broker + " network thread", r.receivedAt());
        add(b, "dequeued by handler", broker + " request queue", r.dequeuedAt());
        add(b, "appended at offset " + b.baseOffset(), broker + " log (page cache)", now);
        if (open.containsKey(b) && b.partition().replicationFactor() > 1) {
            awaitingReplicas.computeIfAbsent(b.partition(), k -> new ArrayList<>()).add(b);
        }
    }

    @Override
    public void leaderAppended(Partition p, RecordBatch b, long now) {
    }

    @Override
    public void followerAppended(Partition p, int r, long newLeo, long now) {
        List<ProducerBatch> waiting = awaitingReplicas.get(p);
        if (waiting == null) {
            return;
        }
        for (ProducerBatch b : waiting) {
            if (b.isAppended() && b.nextOffset() <= newLeo) {
                List<Timeline> ts = open.get(b);
                if (ts != null && !ts.isEmpty() && !hasStage(ts.get(0), "replicated", p.replica(r))) {
                    add(b, "replicated", "broker-" + p.replica(r) + " (follower fetch)", now);
                }
            }
        }
    }

    private static boolean hasStage(Timeline t, String what, int broker) {
        String where = "broker-" + broker + " ";
        for (Stage s : t.stages()) {
            if (s.what().equals(what) && s.where().startsWith(where)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void batchCommitted(ProducerBatch b, long now) {
        add(b, "committed (high watermark passed)", "broker-" + b.partition().leader(), now);
    }

    @Override
    public void batchAcked(ProducerBatch b, long now) {
        List<Timeline> ts = open.remove(b);
        if (ts == null) {
            return;
        }
        List<ProducerBatch> waiting = awaitingReplicas.get(b.partition());
        if (waiting != null) {
            waiting.remove(b);
        }
        ProduceRequest r = b.request();
        String broker = "broker-" + b.partition().leader();
        if (!r.timedOut() && r.responseReadyAt() > 0 && b.producer().spec().config().acks() != io.tailsim.models.config.Acks.NONE) {
            for (Timeline t : ts) {
                t.stages().add(new Stage("response ready", broker + (r.responseReadyAt() > r.localDoneAt()
                        ? " purgatory (DelayedProduce)" : " handler"), r.responseReadyAt()));
                t.stages().add(new Stage("response sent", broker + " network thread", r.sentAt()));
            }
        }
        for (Timeline t : ts) {
            t.stages().add(new Stage("acknowledged", b.producer().name(), now));
            t.stages().sort((x, y) -> Long.compare(x.atNanos(), y.atNanos()));
            done.add(t);
        }
    }
}
