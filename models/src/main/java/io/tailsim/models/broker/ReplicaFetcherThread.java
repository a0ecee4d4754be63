package io.tailsim.models.broker;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.cpu.CpuJob;
import io.tailsim.models.replication.FetchSession;
import io.tailsim.models.replication.Partition;

import java.util.Arrays;

/**
 * A follower's replica fetcher thread for one leader (ReplicaFetcherThread /
 * AbstractFetcherThread): sends one fetch covering all its partitions from that leader, waits
 * for the response (the leader parks it until data arrives or replica.fetch.wait.max.ms passes),
 * appends the data on the follower's CPU and page cache, and immediately fetches again with the
 * new offsets, which is how the leader learns them.
 */
public final class ReplicaFetcherThread extends CpuJob implements ClientEndpoint {
    private final Broker follower;
    private final Broker leader;
    private final int fetcherId;
    private final String name;
    private final FetchSession session;
    private final FetchRequest request;
    private final BusyCounter busy;
    private final StallTimer stallTimer = new StallTimer();
    private Connection connection;
    private boolean outstanding;
    private boolean processing;
    private boolean started;
    private int[] changedIdx = new int[4];
    private long[] changedOff = new long[4];
    private int changedCount;
    private long fetches;

    ReplicaFetcherThread(Broker follower, Broker leader, int fetcherId, int cpuGroup, BusyCounter busy) {
        super(cpuGroup);
        this.follower = follower;
        this.leader = leader;
        this.fetcherId = fetcherId;
        this.name = "ReplicaFetcherThread-" + fetcherId + "-" + leader.id() + "@" + follower.name();
        this.busy = busy;
        this.session = new FetchSession(name, true);
        var c = follower.config();
        this.request = new FetchRequest(ApiKey.FETCH_FOLLOWER, session, c.replicaFetchWaitMaxNanos(),
                c.replicaFetchMinBytes(), c.replicaFetchMaxBytes(), c.replicaFetchResponseMaxBytes());
    }

    void connect(Connection c) {
        this.connection = c;
    }

    @Override
    public String name() {
        return name;
    }

    public Broker leader() {
        return leader;
    }

    public Broker follower() {
        return follower;
    }

    public FetchSession session() {
        return session;
    }

    public long fetches() {
        return fetches;
    }

    void addPartition(Partition p, int r) {
        session.add(p, r, p.replicaLogEndOffset(r));
        if (started && !outstanding && !processing) {
            sendFetch();
        }
    }

    /** Starts the fetch loop (at the start of the run). */
    public void start() {
        started = true;
        if (!outstanding && !processing && session.size() > 0) {
            sendFetch();
        }
    }

    private void sendFetch() {
        request.reset();
        for (int i = 0; i < changedCount; i++) {
            request.addChanged(changedIdx[i], changedOff[i]);
        }
        changedCount = 0;
        request.seal();
        outstanding = true;
        fetches++;
        connection.send(request);
    }

    @Override
    public void onResponse(Request r, long now) {
        outstanding = false;
        processing = true;
        busy.busy(now);
        follower.cpu().submit(this, follower.fetchResponseProcessCost(request));
    }

    @Override
    protected void cpuDone(long now) {
        long bytes = request.responseRecordBytes();
        long stall = bytes > 0 ? follower.pageCache().write((int) Math.min(Integer.MAX_VALUE, bytes)) : 0;
        for (int i = 0; bytes > 0 && i < request.responsePartitions(); i++) {
            int n = request.responseBytes(i);
            if (n > 0) {
                int idx = request.responseIdx(i);
                stall += follower.segmentFileStall(session.partition(idx).files(session.replicaIndex(idx)), n);
            }
        }
        if (stall > 0) {
            follower.simulator().schedule(stallTimer, stall);
        } else {
            apply(now);
        }
    }

    private void apply(long now) {
        BatchListener listener = follower.batchListener();
        for (int i = 0; i < request.responsePartitions(); i++) {
            int idx = request.responseIdx(i);
            Partition p = session.partition(idx);
            int r = session.replicaIndex(idx);
            long end = request.responseEndOffset(i);
            long old = p.replicaLogEndOffset(r);
            p.appendAsFollower(r, Math.max(old, end), request.responseHighWatermark(i));
            if (end > old) {
                if (changedCount == changedIdx.length) {
                    changedIdx = Arrays.copyOf(changedIdx, changedCount * 2);
                    changedOff = Arrays.copyOf(changedOff, changedCount * 2);
                }
                changedIdx[changedCount] = idx;
                changedOff[changedCount] = end;
                changedCount++;
                if (listener != null) {
                    listener.followerAppended(p, r, end, now);
                }
            }
        }
        processing = false;
        busy.idle(now);
        sendFetch();
    }

    private final class StallTimer extends Event {
        @Override
        public void fire(Simulator sim) {
            apply(sim.now());
        }

        @Override
        public String label() {
            return name + "/page-cache-stall";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
