package io.tailsim.models.replication;

import io.tailsim.models.storage.PartitionLog;
import io.tailsim.models.storage.SegmentFiles;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One topic partition and its replicas (Kafka's cluster/Partition): the leader's log, the leader's
 * view of each follower (its log end offset learned from the follower's fetch offset, when it last
 * caught up, whether it is in the ISR), each replica's own log end offset and high watermark, and
 * the purgatory watchers keyed on this partition.
 *
 * <p>Replica index 0 is the leader (the first broker of the assignment: no leader changes are
 * modelled). The high watermark is the minimum log end offset over the ISR as the leader knows it,
 * so a record commits once every follower's NEXT fetch reports an offset past it; it does not
 * advance while the ISR is smaller than min.insync.replicas. Followers hold no batches, only
 * their offsets: nothing reads from them.
 */
public final class Partition {
    private final String topic;
    private final int id;
    private final int[] replicas;
    private final int minInsyncReplicas;
    private final PartitionLog log = new PartitionLog();

    private long highWatermark;
    private final long[] leoAtLeader;
    private final long[] replicaLeo;
    private final long[] replicaHw;
    private final boolean[] inIsr;
    private final SegmentFiles[] files;
    private int isrSize;
    private int isrShrinks;
    private final long[] lastCaughtUp;
    private final long[] leoAtLastFetch;
    private final long[] lastFetchTime;

    private final FetchSession[] followerSession;
    private final int[] followerSessionIdx;
    private final List<FetchSession> consumerSessions = new ArrayList<>(0);
    private int[] consumerSessionIdx = new int[0];
    /** Consumer groups that will read this partition but have not attached a session yet: keep all data. */
    private int awaitedGroups;

    // DelayedProduce watchers, in order of required offset (they are parked in append order)
    private ProduceWaiter[] waiters = new ProduceWaiter[4];
    private long[] waiterOffset = new long[4];
    private int waiterHead;
    private int waiterCount;

    /** Called when the high watermark passes a batch. */
    private final CommitListener commitListener;

    /** Observes high watermark movements (invariant checks, consumers). */
    public interface CommitListener {
        void committed(Partition p, RecordBatch b, long now);
    }

    public Partition(String topic, int id, int[] replicas, int minInsyncReplicas, long now, CommitListener commitListener) {
        if (replicas.length == 0) {
            throw new IllegalArgumentException(topic + "-" + id + " has no replicas");
        }
        this.topic = topic;
        this.id = id;
        this.replicas = replicas.clone();
        this.minInsyncReplicas = minInsyncReplicas;
        this.commitListener = commitListener;
        int rf = replicas.length;
        leoAtLeader = new long[rf];
        replicaLeo = new long[rf];
        replicaHw = new long[rf];
        inIsr = new boolean[rf];
        files = new SegmentFiles[replicas.length];
        for (int r = 0; r < files.length; r++) {
            files[r] = new SegmentFiles();
        }
        Arrays.fill(inIsr, true);
        isrSize = rf;
        lastCaughtUp = new long[rf];
        Arrays.fill(lastCaughtUp, now);
        leoAtLastFetch = new long[rf];
        lastFetchTime = new long[rf];
        Arrays.fill(lastFetchTime, now);
        followerSession = new FetchSession[rf];
        followerSessionIdx = new int[rf];
    }

    public String topic() {
        return topic;
    }

    public int id() {
        return id;
    }

    public int leader() {
        return replicas[0];
    }

    public int replicationFactor() {
        return replicas.length;
    }

    /** Broker id of replica {@code r} (0 = leader). */
    public int replica(int r) {
        return replicas[r];
    }

    public PartitionLog log() {
        return log;
    }

    /** Replica {@code r}'s log files (0 is the leader's). */
    public SegmentFiles files(int r) {
        return files[r];
    }

    public long logEndOffset() {
        return log.logEndOffset();
    }

    public long highWatermark() {
        return highWatermark;
    }

    /** The log end offset replica {@code r} actually has (0 = leader). */
    public long replicaLogEndOffset(int r) {
        return r == 0 ? log.logEndOffset() : replicaLeo[r];
    }

    /** The high watermark replica {@code r} knows (0 = leader). */
    public long replicaHighWatermark(int r) {
        return r == 0 ? highWatermark : replicaHw[r];
    }

    /** Replica {@code r}'s log end offset as the leader knows it. */
    public long leoAtLeader(int r) {
        return r == 0 ? log.logEndOffset() : leoAtLeader[r];
    }

    public boolean inIsr(int r) {
        return inIsr[r];
    }

    public int isrSize() {
        return isrSize;
    }

    /** Times a follower was removed from the ISR. */
    public int isrShrinks() {
        return isrShrinks;
    }

    public int minInsyncReplicas() {
        return minInsyncReplicas;
    }

    @Override
    public String toString() {
        return topic + "-" + id;
    }

    // ---- sessions that read this partition ----

    void attachFollowerSession(int r, FetchSession s, int idx) {
        if (r <= 0 || r >= replicas.length) {
            throw new IllegalArgumentException(this + ": replica index " + r + " is not a follower");
        }
        followerSession[r] = s;
        followerSessionIdx[r] = idx;
    }

    void attachConsumerSession(FetchSession s, int idx) {
        consumerSessions.add(s);
        consumerSessionIdx = Arrays.copyOf(consumerSessionIdx, consumerSessions.size());
        consumerSessionIdx[consumerSessions.size() - 1] = idx;
    }

    /** A consumer gave the partition up (rebalance): its session no longer holds data here or is woken. */
    void detachConsumerSession(FetchSession s, int idx) {
        for (int k = 0; k < consumerSessions.size(); k++) {
            if (consumerSessions.get(k) == s && consumerSessionIdx[k] == idx) {
                consumerSessions.remove(k);
                System.arraycopy(consumerSessionIdx, k + 1, consumerSessionIdx, k, consumerSessionIdx.length - k - 1);
                consumerSessionIdx = Arrays.copyOf(consumerSessionIdx, consumerSessions.size());
                return;
            }
        }
        throw new IllegalStateException(this + ": " + s.name() + " was not reading it");
    }

    /**
     * {@code groups} more consumer groups will read this partition from its start once assigned (a
     * partition added mid-run, before the groups rebalance): its log keeps everything until then.
     */
    public void awaitConsumerGroups(int groups) {
        awaitedGroups += groups;
    }

    /** A group that was awaited has assigned the partition to a member (whose session now holds the data). */
    public void consumerGroupArrived() {
        if (awaitedGroups <= 0) {
            throw new IllegalStateException(this + ": no consumer group was awaited");
        }
        awaitedGroups--;
    }

    // ---- leader side ----

    /**
     * Appends {@code b} to the leader's log now (Partition.appendRecordsToLeader). Wakes parked
     * follower fetches (the LEO rose) and, when the leader is the whole ISR, advances the high
     * watermark at once.
     */
    public void appendAsLeader(RecordBatch b, long now, CompletionSink sink) {
        log.append(b, now);
        long leo = log.logEndOffset();
        leoAtLeader[0] = leo;
        replicaLeo[0] = leo;
        for (int r = 1; r < replicas.length; r++) {
            FetchSession s = followerSession[r];
            if (s != null) {
                s.dataArrived(followerSessionIdx[r], now, sink);
            }
        }
        maybeAdvanceHighWatermark(now, sink);
    }

    /**
     * The leader has read follower {@code r}'s fetch offset (its log end offset) from a fetch
     * request: update the follower's state, the ISR and the high watermark
     * (Partition.updateFollowerFetchState, maybeExpandIsr, maybeIncrementLeaderHW).
     */
    public void updateFollowerFetchOffset(int r, long fetchOffset, long now, CompletionSink sink) {
        if (fetchOffset < leoAtLeader[r]) {
            throw new IllegalStateException(this + ": follower " + replicas[r] + " fetch offset went back from "
                    + leoAtLeader[r] + " to " + fetchOffset);
        }
        if (fetchOffset > log.logEndOffset()) {
            throw new IllegalStateException(this + ": follower " + replicas[r] + " fetch offset " + fetchOffset
                    + " is past the leader's log end " + log.logEndOffset());
        }
        leoAtLeader[r] = fetchOffset;
        // Replica.updateFetchStateOrThrow: caught up to the leader's end as of the previous fetch
        long leo = log.logEndOffset();
        if (fetchOffset >= leo) {
            lastCaughtUp[r] = now;
        } else if (fetchOffset >= leoAtLastFetch[r]) {
            lastCaughtUp[r] = Math.max(lastCaughtUp[r], lastFetchTime[r]);
        }
        leoAtLastFetch[r] = leo;
        lastFetchTime[r] = now;
        if (!inIsr[r] && fetchOffset >= highWatermark) {
            inIsr[r] = true;
            isrSize++;
        }
        maybeAdvanceHighWatermark(now, sink);
    }

    /**
     * Removes followers that have not caught up for {@code lagTimeMaxNanos} from the ISR
     * (Partition.maybeShrinkIsr, run by the leader every replica.lag.time.max.ms / 2). A follower
     * whose known offset equals the log end offset counts as caught up now.
     */
    public boolean maybeShrinkIsr(long now, long lagTimeMaxNanos, CompletionSink sink) {
        boolean shrunk = false;
        long leo = log.logEndOffset();
        for (int r = 1; r < replicas.length; r++) {
            if (!inIsr[r]) {
                continue;
            }
            if (leoAtLeader[r] >= leo) {
                lastCaughtUp[r] = now;
            } else if (now - lastCaughtUp[r] > lagTimeMaxNanos) {
                inIsr[r] = false;
                isrSize--;
                isrShrinks++;
                shrunk = true;
            }
        }
        if (shrunk) {
            maybeAdvanceHighWatermark(now, sink);
        }
        return shrunk;
    }

    private void maybeAdvanceHighWatermark(long now, CompletionSink sink) {
        if (isrSize < minInsyncReplicas) {
            return;
        }
        long min = log.logEndOffset();
        for (int r = 1; r < replicas.length; r++) {
            if (inIsr[r] && leoAtLeader[r] < min) {
                min = leoAtLeader[r];
            }
        }
        if (min > highWatermark) {
            long old = highWatermark;
            highWatermark = min;
            onHighWatermarkAdvanced(old, now, sink);
        }
    }

    private void onHighWatermarkAdvanced(long old, long now, CompletionSink sink) {
        // commit the batches the high watermark passed
        int i = log.indexOf(old);
        int n = log.batchesHeld();
        while (i < n) {
            RecordBatch b = log.batch(i);
            if (b.nextOffset() > highWatermark) {
                break;
            }
            b.commit(now);
            if (commitListener != null) {
                commitListener.committed(this, b, now);
            }
            i++;
        }
        // DelayedProduce: watchers are in required-offset order
        while (waiterCount > 0) {
            int slot = waiterHead;
            if (waiterOffset[slot] > highWatermark) {
                break;
            }
            ProduceWaiter w = waiters[slot];
            waiters[slot] = null;
            waiterHead = (waiterHead + 1) & (waiters.length - 1);
            waiterCount--;
            if (!w.isDone()) {
                w.partitionSatisfied(now, sink);
            }
        }
        // followers learn the new high watermark with their next response; consumers read up to it
        for (int r = 1; r < replicas.length; r++) {
            FetchSession s = followerSession[r];
            if (s != null) {
                s.markDirty(followerSessionIdx[r]);
            }
        }
        for (int k = 0; k < consumerSessions.size(); k++) {
            consumerSessions.get(k).dataArrived(consumerSessionIdx[k], now, sink);
        }
        truncateUnneeded();
    }

    /** Drops log batches every replica and every consumer session has passed (nothing else reads them). */
    private void truncateUnneeded() {
        if (awaitedGroups > 0) {
            return;
        }
        long keep = highWatermark;
        for (int r = 1; r < replicas.length; r++) {
            keep = Math.min(keep, leoAtLeader[r]);
        }
        for (int k = 0; k < consumerSessions.size(); k++) {
            keep = Math.min(keep, consumerSessions.get(k).fetchOffset(consumerSessionIdx[k]));
        }
        log.truncateBefore(keep);
    }

    /** Parks a produce until the high watermark reaches {@code requiredOffset}; false if it already has. */
    public boolean watchHighWatermark(ProduceWaiter w, long requiredOffset) {
        if (highWatermark >= requiredOffset) {
            return false;
        }
        if (waiterCount == waiters.length) {
            int n = waiters.length * 2;
            ProduceWaiter[] nw = new ProduceWaiter[n];
            long[] no = new long[n];
            for (int i = 0; i < waiterCount; i++) {
                int slot = (waiterHead + i) & (waiters.length - 1);
                nw[i] = waiters[slot];
                no[i] = waiterOffset[slot];
            }
            waiters = nw;
            waiterOffset = no;
            waiterHead = 0;
        }
        int slot = (waiterHead + waiterCount) & (waiters.length - 1);
        if (waiterCount > 0) {
            int lastSlot = (waiterHead + waiterCount - 1) & (waiters.length - 1);
            if (waiterOffset[lastSlot] > requiredOffset) {
                throw new IllegalStateException(this + ": produce watchers out of order (" + waiterOffset[lastSlot]
                        + " then " + requiredOffset + ")");
            }
        }
        waiters[slot] = w;
        waiterOffset[slot] = requiredOffset;
        waiterCount++;
        return true;
    }

    public int producePurgatorySize() {
        return waiterCount;
    }

    // ---- follower side ----

    /** Follower {@code r} appended records up to {@code newLeo} and learned {@code leaderHw} (ReplicaFetcherThread.processPartitionData). */
    public void appendAsFollower(int r, long newLeo, long leaderHw) {
        if (newLeo < replicaLeo[r]) {
            throw new IllegalStateException(this + ": follower " + replicas[r] + " LEO would go back from "
                    + replicaLeo[r] + " to " + newLeo);
        }
        replicaLeo[r] = newLeo;
        long hw = Math.min(leaderHw, newLeo);
        if (hw > replicaHw[r]) {
            replicaHw[r] = hw;
        }
    }
}
