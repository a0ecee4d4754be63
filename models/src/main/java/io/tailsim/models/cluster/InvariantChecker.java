package io.tailsim.models.cluster;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.broker.BatchListener;
import io.tailsim.models.config.Acks;
import io.tailsim.models.consumer.ConsumerGroup;
import io.tailsim.models.consumer.ConsumerObserver;
import io.tailsim.models.consumer.KafkaConsumer;
import io.tailsim.models.producer.KafkaProducer;
import io.tailsim.models.producer.ProducerBatch;
import io.tailsim.models.producer.ProducerObserver;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the model's invariants while it runs; any violation throws {@link AssertionError} at the
 * event that caused it.
 * <ul>
 * <li>per partition, the leader appends batches at contiguous offsets in order, and each producer's
 *     batches arrive in its sequence order with no gap or repeat (no record lost, duplicated or
 *     reordered);</li>
 * <li>on every replica HW &lt;= LEO, and neither ever decreases (after every event);</li>
 * <li>with acks=all a batch is acknowledged only when every ISR member holds it and the high
 *     watermark has passed it;</li>
 * <li>for every acknowledged record, producer latency = produce + publish + commit + response
 *     trip (acks=all), produce + publish + response trip (acks=1), produce (acks=0), exactly in
 *     ns, each component non-negative;</li>
 * <li>no consumer is handed a record at or above its partition's high watermark, or one not yet
 *     committed;</li>
 * <li>each consumer group is handed each partition's records in offset order, without gap or
 *     repeat, across rebalances;</li>
 * <li>for every record handed out, end-to-end latency = produce + publish + commit + catch-up +
 *     fetch, exactly in ns, each component non-negative.</li>
 * </ul>
 * {@link #assertAllAcknowledged} checks after a drained run that every record sent was appended
 * and acknowledged exactly once; {@link #assertAllDelivered}, after the consumers caught up, that
 * every group was handed every record of its topic exactly once.
 */
public final class InvariantChecker implements BatchListener, ProducerObserver, ConsumerObserver, Simulator.Observer {
    private final ClusterModel model;
    private final Map<Partition, Long> lastLeo = new IdentityHashMap<>();
    private final Map<Partition, long[]> lastReplicaLeo = new IdentityHashMap<>();
    private final Map<Partition, long[]> lastReplicaHw = new IdentityHashMap<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<KafkaProducer, Long> appendedRecords = new IdentityHashMap<>();
    private final Map<KafkaProducer, Long> ackedRecords = new IdentityHashMap<>();
    private final Map<RecordBatch, Boolean> acked = new IdentityHashMap<>();
    private List<Partition> partitions = new ArrayList<>();
    private int knownPartitions = -1;
    private long recordsChecked;
    private long recordsDeliveredChecked;
    private long eventsChecked;
    /** Per consumer group, per partition of its topic: the next offset it must be handed. */
    private final Map<ConsumerGroup, Map<Partition, Long>> nextDelivery = new IdentityHashMap<>();

    /** Attaches a checker to {@code model} (before it runs). */
    public static InvariantChecker attach(ClusterModel model) {
        InvariantChecker c = new InvariantChecker(model);
        model.addBatchListener(c);
        model.addProducerObserver(c, 0);
        model.addConsumerObserver(c);
        model.setObserver(c);
        return c;
    }

    private InvariantChecker(ClusterModel model) {
        this.model = model;
    }

    public long recordsChecked() {
        return recordsChecked;
    }

    public long eventsChecked() {
        return eventsChecked;
    }

    /** Record deliveries (record x consumer group) checked. */
    public long recordsDeliveredChecked() {
        return recordsDeliveredChecked;
    }

    @Override
    public void leaderAppended(Partition p, RecordBatch b, long now) {
        long prev = lastLeo.getOrDefault(p, 0L);
        check(b.baseOffset() == prev, p + ": batch appended at offset " + b.baseOffset() + " but the log ended at " + prev);
        check(b.recordCount() > 0, p + ": empty batch appended");
        lastLeo.put(p, b.nextOffset());
        check(p.logEndOffset() == b.nextOffset(), p + ": LEO " + p.logEndOffset() + " after appending up to " + b.nextOffset());
        if (b instanceof ProducerBatch pb) {
            String key = pb.producer().name() + "/" + p;
            long expected = nextSequence.getOrDefault(key, 0L);
            check(pb.baseSequence() == expected, p + ": " + pb.producer().name() + " batch with base sequence "
                    + pb.baseSequence() + " appended where " + expected + " was next (record lost, duplicated or reordered)");
            nextSequence.put(key, expected + pb.recordCount());
            appendedRecords.merge(pb.producer(), (long) pb.recordCount(), Long::sum);
            check(pb.requestSentAt() >= 0 && pb.requestSentAt() <= now, p + ": appended before its request was sent");
        }
    }

    @Override
    public void followerAppended(Partition p, int r, long newLeo, long now) {
        check(newLeo <= p.logEndOffset(), p + ": follower " + p.replica(r) + " LEO " + newLeo + " beyond the leader's "
                + p.logEndOffset());
    }

    @Override
    public void batchAcked(ProducerBatch b, long now) {
        check(acked.put(b, Boolean.TRUE) == null, b + " acknowledged twice");
        Acks acks = b.producer().spec().config().acks();
        Partition p = b.partition();
        if (acks != Acks.NONE) {
            check(b.isAppended(), b + " acknowledged before the leader appended it");
        }
        if (acks == Acks.ALL) {
            check(p.highWatermark() >= b.nextOffset(), b + " acknowledged with HW " + p.highWatermark() + " < "
                    + b.nextOffset());
            for (int r = 0; r < p.replicationFactor(); r++) {
                if (p.inIsr(r)) {
                    check(p.replicaLogEndOffset(r) >= b.nextOffset(), b + " acknowledged while ISR member broker-"
                            + p.replica(r) + " holds only up to " + p.replicaLogEndOffset(r));
                }
            }
            check(b.commitTime() >= 0, b + " acknowledged before commit");
        }
        ackedRecords.merge(b.producer(), (long) b.recordCount(), Long::sum);
        long sent = b.requestSentAt();
        for (int i = 0; i < b.recordCount(); i++) {
            long send = b.sendTime(i);
            long latency = now - send;
            long produce = sent - send;
            check(produce >= 0, b + ": negative produce time " + produce);
            long sum;
            if (acks == Acks.NONE) {
                sum = produce;
            } else {
                long publish = b.appendTime() - sent;
                check(publish >= 0, b + ": negative publish time " + publish);
                if (acks == Acks.ALL) {
                    long commit = b.commitTime() - b.appendTime();
                    long response = now - b.commitTime();
                    check(commit >= 0 && response >= 0, b + ": negative commit " + commit + " or response " + response);
                    sum = produce + publish + commit + response;
                } else {
                    long response = now - b.appendTime();
                    check(response >= 0, b + ": negative response trip " + response);
                    sum = produce + publish + response;
                }
            }
            check(sum == latency, b + ": components sum to " + sum + " ns but producer latency is " + latency + " ns");
            recordsChecked++;
        }
    }

    @Override
    public void recordsDelivered(KafkaConsumer c, ProducerBatch b, int from, int to, long fetchSentAt, long now) {
        Partition p = b.partition();
        long first = b.baseOffset() + from;
        long end = b.baseOffset() + to;
        check(from >= 0 && to <= b.recordCount() && from < to, c + ": bad slice [" + from + ", " + to + ") of " + b);
        check(end <= p.highWatermark(), c + " was handed offsets up to " + (end - 1) + " of " + p
                + " at or above the high watermark " + p.highWatermark());
        check(b.commitTime() >= 0 && b.commitTime() <= now, c + " was handed " + b + " before it was committed");
        Map<Partition, Long> next = nextDelivery.computeIfAbsent(c.group(), k -> new IdentityHashMap<>());
        long expected = next.getOrDefault(p, 0L);
        check(first == expected, c + " (group " + c.group().groupId() + ") was handed " + p + " offset " + first
                + " where " + expected + " was next (record skipped, repeated or out of order)");
        next.put(p, end);
        long sent = b.requestSentAt();
        long append = b.appendTime();
        long commit = b.commitTime();
        long catchUp = Math.max(0, fetchSentAt - commit);
        long fetch = now - Math.max(fetchSentAt, commit);
        check(fetch >= 0, c + ": negative fetch time " + fetch + " for " + b);
        for (int i = from; i < to; i++) {
            long send = b.sendTime(i);
            long produce = sent - send;
            long publish = append - sent;
            long commitTime = commit - append;
            check(produce >= 0 && publish >= 0 && commitTime >= 0, b + ": negative component (produce " + produce
                    + ", publish " + publish + ", commit " + commitTime + ")");
            long sum = produce + publish + commitTime + catchUp + fetch;
            check(sum == now - send, b + " record " + i + " at " + c + ": components sum to " + sum
                    + " ns but end-to-end is " + (now - send) + " ns");
            recordsDeliveredChecked++;
        }
    }

    @Override
    public void afterEvent(Simulator sim, Event fired) {
        eventsChecked++;
        List<Partition> all = partitions;
        int count = model.partitionCount();
        if (count != knownPartitions) {
            all = model.allPartitions();
            partitions = all;
            knownPartitions = count;
        }
        for (int i = 0; i < all.size(); i++) {
            Partition p = all.get(i);
            int rf = p.replicationFactor();
            long[] leo = lastReplicaLeo.computeIfAbsent(p, k -> new long[rf]);
            long[] hw = lastReplicaHw.computeIfAbsent(p, k -> new long[rf]);
            for (int r = 0; r < rf; r++) {
                long l = p.replicaLogEndOffset(r);
                long h = p.replicaHighWatermark(r);
                if (h > l || l < leo[r] || h < hw[r]) {
                    throw new AssertionError(String.format("%s replica broker-%d at t=%d after %s: HW %d LEO %d (previously HW %d LEO %d)",
                            p, p.replica(r), sim.now(), fired.label(), h, l, hw[r], leo[r]));
                }
                leo[r] = l;
                hw[r] = h;
            }
            check(p.highWatermark() <= p.logEndOffset(), p + ": leader HW above LEO");
        }
    }

    /** After a drained run: every record sent was appended once and acknowledged once. */
    public void assertAllAcknowledged() {
        for (KafkaProducer p : model.producers()) {
            long sent = p.recordsSent();
            long appended = appendedRecords.getOrDefault(p, 0L);
            long ack = ackedRecords.getOrDefault(p, 0L);
            check(sent == appended, p.name() + ": " + sent + " records sent but " + appended + " appended");
            check(sent == ack, p.name() + ": " + sent + " records sent but " + ack + " acknowledged");
            check(p.incompleteBatches() == 0, p.name() + ": " + p.incompleteBatches() + " batches incomplete");
        }
    }

    /** After the consumers caught up: every group was handed every record of every partition of its topic once. */
    public void assertAllDelivered() {
        for (ConsumerGroup g : model.consumerGroups()) {
            Map<Partition, Long> next = nextDelivery.getOrDefault(g, Map.of());
            for (Partition p : model.partitions(g.topic())) {
                long delivered = next.getOrDefault(p, 0L);
                check(delivered == p.logEndOffset(), "group " + g.groupId() + " was handed " + delivered + " of the "
                        + p.logEndOffset() + " records of " + p);
            }
            check(g.lag() == 0, "group " + g.groupId() + " caught up but its lag counts " + g.lag() + " records");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
