package io.tailsim.models.broker;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.cpu.CpuJob;
import io.tailsim.models.replication.FetchSession;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.storage.RecordBatch;

/**
 * One voter's KRaft client where every node is also a controller (process.roles=broker,controller): the metadata quorum
 * whose traffic lands on the brokers' own threads and request metrics. The leader appends a NoOpRecord each
 * metadata.max.idle.interval.ms while nothing else changes the metadata; each follower long-polls it with a Fetch of the
 * one __cluster_metadata partition (KafkaRaftClient.MAX_FETCH_WAIT_MS, 500 ms), which the leader parks until its log
 * end offset moves, then fetches again at once. A raft Fetch names its replica id, so Kafka's RequestChannel counts it as
 * FetchFollower: in a combined cluster that metric holds about two long-parked fetches a second per follower beside the
 * replica fetchers' (the leader's two followers: four a second, each near 500 ms).
 *
 * <p>Left out: the controller listener's own network threads and handler pool (these fetches use the inter-broker
 * listener's; at a few a second the threads they take are negligible), the raft IO thread's hand-off, the metadata log's
 * fsync on append, broker heartbeats (they change nothing, so append nothing) and elections (the leader is node 0).
 */
public final class KafkaRaftClient extends CpuJob implements ClientEndpoint {
    /** KafkaRaftClient.MAX_FETCH_WAIT_MS: a follower's fetch waits this long for the leader's log to grow. */
    public static final long MAX_FETCH_WAIT_NANOS = 500_000_000L;
    /** The metadata partition's name (Kafka's __cluster_metadata-0). */
    public static final String METADATA_TOPIC = "__cluster_metadata";
    /** A batch holding one NoOpRecord: the v2 batch header and one small record. */
    static final int NOOP_BATCH_BYTES = 80;

    private final Broker self;
    private final Partition log;
    private final String name;
    private final FetchRequest request;
    private Connection connection;
    private final int replicaIndex;
    private final NoOpTimer noOpTimer;

    private KafkaRaftClient(Broker self, Partition log, int replicaIndex) {
        super(self.cpuGroup());
        this.self = self;
        this.log = log;
        this.replicaIndex = replicaIndex;
        this.name = "kafka-" + self.id() + "-raft-io-thread";
        if (replicaIndex == 0) {
            this.request = null;
            this.noOpTimer = new NoOpTimer();
        } else {
            FetchSession session = new FetchSession(name, true);
            session.add(log, replicaIndex, log.replicaLogEndOffset(replicaIndex));
            this.request = new FetchRequest(ApiKey.FETCH_FOLLOWER, session, MAX_FETCH_WAIT_NANOS, 1, 1 << 20, 8 << 20);
            this.noOpTimer = null;
        }
    }

    /** The leader's client ({@code log}'s first replica is {@code self}). */
    public static KafkaRaftClient leader(Broker self, Partition log) {
        return new KafkaRaftClient(self, log, 0);
    }

    /** Replica {@code replicaIndex} of {@code log}, on {@code self}, fetching from {@code leader}. */
    public static KafkaRaftClient follower(Broker self, Partition log, int replicaIndex, Broker leader,
                                           io.tailsim.core.rng.RandomStream out, io.tailsim.core.rng.RandomStream in) {
        KafkaRaftClient c = new KafkaRaftClient(self, log, replicaIndex);
        c.connection = leader.connect(c, self.host(), out, in, true);
        return c;
    }

    @Override
    public String name() {
        return name;
    }

    /** Starts the NoOp timer (leader) or the fetch loop (follower). */
    public void start() {
        if (noOpTimer != null) {
            self.simulator().schedule(noOpTimer, self.config().metadataMaxIdleIntervalNanos());
        } else {
            sendFetch();
        }
    }

    private void sendFetch() {
        request.reset();
        // the follower's log end offset, which is how the leader learns it
        long offset = log.replicaLogEndOffset(replicaIndex);
        if (offset > 0) {
            request.addChanged(0, offset);
        }
        request.seal();
        connection.send(request);
    }

    @Override
    public void onResponse(Request r, long now) {
        // the raft IO thread reads the response and appends its records, priced as a replica fetcher's response
        self.cpu().submit(this, self.fetchResponseProcessCost(request));
    }

    @Override
    protected void cpuDone(long now) {
        if (request.responsePartitions() > 0) {
            long end = request.responseEndOffset(0);
            long old = log.replicaLogEndOffset(replicaIndex);
            log.appendAsFollower(replicaIndex, Math.max(old, end), request.responseHighWatermark(0));
        }
        sendFetch();
    }

    /** The idle leader's NoOpRecord (QuorumController's metadata.max.idle.interval.ms timer), appended by the raft thread. */
    private final class NoOpTimer extends Event {
        @Override
        public void fire(Simulator sim) {
            long now = sim.now();
            log.appendAsLeader(new NoOpBatch(), now, self.reaper());
            self.reaper().kick();
            sim.schedule(this, self.config().metadataMaxIdleIntervalNanos());
        }

        @Override
        public String label() {
            return name + "/noop";
        }
    }

    private static final class NoOpBatch extends RecordBatch {
        NoOpBatch() {
            this.sizeInBytes = NOOP_BATCH_BYTES;
        }

        @Override
        public int recordCount() {
            return 1;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
