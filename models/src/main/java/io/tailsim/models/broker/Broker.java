package io.tailsim.models.broker;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.stat.Tally;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.cpu.HostCpu;
import io.tailsim.models.cpu.ServiceNoise;
import io.tailsim.models.network.Host;
import io.tailsim.models.network.Link;
import io.tailsim.models.network.Network;
import io.tailsim.models.replication.CompletionSink;
import io.tailsim.models.replication.FetchSession;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.RequestTimings;
import io.tailsim.models.storage.PageCache;
import io.tailsim.models.storage.RecordBatch;
import io.tailsim.models.storage.SegmentFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * One Kafka broker: SocketServer (listeners, network threads, muting), RequestChannel, the request
 * handler pool, KafkaApis/ReplicaManager for Produce, Fetch and Metadata, the produce and fetch
 * purgatories, the page cache, and its replica fetcher threads. All its threads run on its host's
 * {@link HostCpu}.
 *
 * <p>Listeners: the client listener and the inter-broker listener are separate (num.network.threads
 * each) when their security protocols differ, as in the latency blog (SASL_SSL clients, PLAINTEXT
 * replication); one shared listener otherwise.
 */
public final class Broker {
    /** socket.send.buffer.bytes default: a response counts as sent once all but this much has left the NIC. */
    static final int SOCKET_SEND_BUFFER_BYTES = 100 * 1024;

    private final int id;
    private final String name;
    private final Simulator sim;
    private final Host host;
    private final HostCpu cpu;
    private final int cpuGroup;
    private final BrokerConfig config;
    private final HardwareProfile.CpuCosts costs;
    /** costs.perRequest by ApiKey ordinal, looked up once: the profile keeps them in a map keyed by name. */
    private final long[] perRequestNanos;
    private final ServiceNoise noise;
    private final Network network;
    private final PageCache pageCache;
    private final double nicNanosPerByte;

    private final Listener clientListener;
    private final Listener interBrokerListener;
    private final RequestChannel channel;
    private final KafkaRequestHandler[] handlers;
    private final ExpirationReaper reaper;
    private final PurgatoryTimeouts produceTimeouts;

    final BusyCounter networkBusy;
    final BusyCounter handlerBusy;
    final BusyCounter fetcherBusy;

    private final List<Partition> ledPartitions = new ArrayList<>();
    private final List<ReplicaFetcherThread> fetchers = new ArrayList<>();
    private final ReplicaFetcherThread[][] fetcherByLeader;
    private int connections;
    private boolean fetchersStarted;
    private ToIntFunction<String> partitionCount = t -> 0;
    private BatchListener batchListener;
    private final ConnectionCountListener connectionCountListener;

    // statistics
    private final long[] requestsArrived = new long[ApiKey.values().length];
    private final Map<ApiKey, RequestTimings> clusterTimings;
    private final Tally[][] timingMeans = new Tally[ApiKey.values().length][RequestTimings.NAMES.length];
    private long produceBytesIn;
    private long fetchBytesOut;
    private int delayedProduces;
    private int delayedFetches;
    long socketQueued;
    private final IsrExpiration isrExpiration = new IsrExpiration();
    private io.tailsim.models.cpu.BackgroundLoad background;
    private final double networkWakeupCost;
    private final HardwareProfile.ColdWakeups coldWakeups;
    private final long[] wakeupBase = new long[3];
    private final long[] runQueueWaitBase = new long[3];
    private final long[] preemptionBase = new long[3];
    private final double[] cpuBase = new double[3];
    /** Stop-the-world pauses begun since the last reset. */
    private long gcPauses;
    /** Pauses ended since the last reset, and their summed length (ns). */
    private long gcPausesEnded;
    private long gcPauseNanos;
    private double backgroundPerRequest;
    private io.tailsim.models.config.HardwareProfile.GcAllocation gcAllocation;
    private Runnable collect;
    /** How full eden is, in collections (GcAllocation). */
    private double eden;
    private double backgroundPerPartition;
    private final HardwareProfile.Disk disk;
    /** Replicas this broker holds, led and followed (disk.index-create grows with them). */
    private int replicasHeld;
    private RandomStream filesRng;

    /** Told when a broker's number of connections changes (the host's background CPU load moves). */
    public interface ConnectionCountListener {
        void connectionsChanged(Broker b);
    }

    public Broker(int id, int brokers, Simulator sim, Host host, int cpuGroup, BrokerConfig config,
                  HardwareProfile profile, Network network, RandomStream cpuStream, RandomStream diskStream,
                  Map<ApiKey, RequestTimings> clusterTimings, ConnectionCountListener connectionCountListener) {
        this.id = id;
        this.name = "broker-" + id;
        this.sim = sim;
        this.host = host;
        this.cpu = host.cpu();
        this.cpuGroup = cpuGroup;
        this.config = config;
        this.costs = profile.cpu();
        this.networkWakeupCost = profile.hostEffects().networkThreadPerWakeupNanos();
        this.coldWakeups = profile.hostEffects().coldWakeups();
        this.perRequestNanos = new long[ApiKey.values().length];
        for (ApiKey k : ApiKey.values()) {
            perRequestNanos[k.ordinal()] = costs.perRequest(k.metricName());
        }
        this.noise = new ServiceNoise(cpuStream, costs.serviceCv());
        this.network = network;
        this.pageCache = new PageCache(sim, profile.disk(), diskStream);
        this.disk = profile.disk();
        this.nicNanosPerByte = 1e9 / profile.network().nicBytesPerSecond();
        this.clusterTimings = clusterTimings;
        this.connectionCountListener = connectionCountListener;
        long now = sim.now();
        boolean split = config.clientSecurityProtocol() != config.interBrokerSecurityProtocol();
        int threads = config.numNetworkThreads();
        networkBusy = new BusyCounter(threads * (split ? 2 : 1), now);
        handlerBusy = new BusyCounter(config.numIoThreads(), now);
        fetcherBusy = new BusyCounter((brokers - 1) * config.numReplicaFetchers(), now);
        clientListener = newListener(split ? "client" : "shared", config.clientSecurityProtocol().usesTls(), threads);
        interBrokerListener = split
                ? newListener("replication", config.interBrokerSecurityProtocol().usesTls(), threads)
                : clientListener;
        channel = new RequestChannel(this, config.queuedMaxRequests(), config.numIoThreads(), now);
        handlers = new KafkaRequestHandler[config.numIoThreads()];
        for (int i = 0; i < handlers.length; i++) {
            handlers[i] = new KafkaRequestHandler(this, name + "/handler-" + i, cpuGroup, handlerBusy);
            handlers[i].setWakeupCost(profile.hostEffects().requestHandlerPerWakeupNanos(), coldWakeups.handlerNanos(),
                    coldWakeups.halfRatePerSecond());
            channel.handlerIdle(handlers[i]);
        }
        reaper = new ExpirationReaper(this, cpuGroup);
        produceTimeouts = new PurgatoryTimeouts(sim);
        fetcherByLeader = new ReplicaFetcherThread[brokers][config.numReplicaFetchers()];
        for (ApiKey k : ApiKey.values()) {
            for (int m = 0; m < RequestTimings.NAMES.length; m++) {
                timingMeans[k.ordinal()][m] = new Tally();
            }
        }
        sim.schedule(isrExpiration, config.replicaLagTimeMaxNanos() / 2);
    }

    private Listener newListener(String listenerName, boolean tls, int threads) {
        Processor[] ps = new Processor[threads];
        for (int i = 0; i < threads; i++) {
            ps[i] = new Processor(this, name + "/" + listenerName + "-network-" + i, cpuGroup, networkBusy);
            ps[i].setWakeupCost(networkWakeupCost, coldWakeups.networkNanos(), coldWakeups.halfRatePerSecond());
            // a response wakes the selector by Selector.wakeup, inside synchronized(interruptLock)
            ps[i].setWakesUnderWakerLock(true);
        }
        return new Listener(listenerName, tls, ps);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /**
     * Where the off-path work (GC, JIT, kernel) this broker's requests leave behind goes: {@code perRequest} ns of one core
     * per request handled, plus {@code perSessionPartition} per partition of a fetch's session.
     */
    public void setBackgroundLoad(io.tailsim.models.cpu.BackgroundLoad background, double perRequest, double perSessionPartition) {
        this.background = background;
        this.backgroundPerRequest = perRequest;
        this.backgroundPerPartition = perSessionPartition;
    }

    /**
     * Young collections that follow what the broker allocates: handling requests fills eden by {@code gc}'s terms, and each
     * time it is full {@code collect} runs (it starts a pause after the current event).
     */
    public void setGcAllocation(io.tailsim.models.config.HardwareProfile.GcAllocation gc, Runnable collect) {
        this.gcAllocation = gc;
        this.collect = collect;
    }

    /** Leaves the off-path work of handling {@code r} to the background load, if one is modelled, and its allocation to eden. */
    void leaveBackgroundWork(Request r) {
        if (background != null) {
            background.add(backgroundPerRequest + (r instanceof FetchRequest
                    ? backgroundPerPartition * ((FetchRequest) r).session.activeSize() : 0));
        }
        if (gcAllocation != null) {
            eden += gcAllocation.perRequest()
                    + (r instanceof FetchRequest f ? gcAllocation.perPartitionRead() * f.session.activeSize() : 0)
                    + (r instanceof ProduceRequest ? gcAllocation.perMiBProduced() * r.requestBytes() / (1024.0 * 1024.0) : 0);
            if (eden >= 1) {
                eden -= Math.floor(eden);
                collect.run();
            }
        }
    }

    public Host host() {
        return host;
    }

    public HostCpu cpu() {
        return cpu;
    }

    public int cpuGroup() {
        return cpuGroup;
    }

    public BrokerConfig config() {
        return config;
    }

    public PageCache pageCache() {
        return pageCache;
    }

    Simulator simulator() {
        return sim;
    }

    long now() {
        return sim.now();
    }

    RequestChannel channel() {
        return channel;
    }

    ExpirationReaper reaper() {
        return reaper;
    }

    public void setPartitionCountLookup(ToIntFunction<String> f) {
        this.partitionCount = f;
    }

    public void setBatchListener(BatchListener l) {
        this.batchListener = l;
    }

    BatchListener batchListener() {
        return batchListener;
    }

    public void addLedPartition(Partition p) {
        if (p.leader() != id) {
            throw new IllegalArgumentException(p + " is led by broker-" + p.leader() + ", not " + name);
        }
        ledPartitions.add(p);
        replicasHeld++;
    }

    public List<Partition> ledPartitions() {
        return ledPartitions;
    }

    public int connections() {
        return connections;
    }

    /**
     * Opens a connection from {@code client} on {@code clientHost}; {@code interBroker} picks the
     * listener. The broker's processors are assigned round-robin per listener.
     */
    public Connection connect(ClientEndpoint client, Host clientHost, RandomStream outbound, RandomStream inbound,
                              boolean interBroker) {
        Listener l = interBroker ? interBrokerListener : clientListener;
        Processor p = l.assign();
        Connection c = new Connection(client, this, l, p, new Link(clientHost, host, outbound),
                new Link(host, clientHost, inbound), network);
        connections++;
        if (connectionCountListener != null) {
            connectionCountListener.connectionsChanged(this);
        }
        return c;
    }

    // ---- replica fetchers (ReplicaFetcherManager) ----

    /** Kafka's AbstractFetcherManager.getFetcherId: abs(31 * topic.hashCode + partition) % num.replica.fetchers. */
    public static int fetcherId(String topic, int partition, int numReplicaFetchers) {
        int h = 31 * topic.hashCode() + partition;
        int abs = h == Integer.MIN_VALUE ? 0 : Math.abs(h);
        return abs % numReplicaFetchers;
    }

    /** Makes this broker follow replica {@code r} of {@code p}: the fetcher thread for (leader, fetcherId) takes it. */
    public void addFollowerPartition(Partition p, int r, Broker leader, RandomStream out, RandomStream in) {
        replicasHeld++;
        int fid = fetcherId(p.topic(), p.id(), config.numReplicaFetchers());
        ReplicaFetcherThread t = fetcherByLeader[leader.id][fid];
        if (t == null) {
            t = new ReplicaFetcherThread(this, leader, fid, cpuGroup, fetcherBusy);
            // its warm cost is in each response's work (replica-fetcher-per-response); a response after a long wait costs more
            t.setWakeupCost(0, coldWakeups.fetcherNanos(), coldWakeups.halfRatePerSecond());
            t.connect(leader.connect(t, host, out, in, true));
            fetcherByLeader[leader.id][fid] = t;
            fetchers.add(t);
            if (fetchersStarted) {
                t.start();
            }
        }
        t.addPartition(p, r);
    }

    /** Starts every replica fetcher thread, and any created later (partitions added mid-run). */
    public void startFetchers() {
        fetchersStarted = true;
        for (ReplicaFetcherThread t : fetchers) {
            t.start();
        }
    }

    public List<ReplicaFetcherThread> fetchers() {
        return fetchers;
    }

    // ---- costs ----

    double requestReadCost(Request r) {
        double w = costs.networkThreadPerRequestNanos();
        if (r.connection.listener.tls) {
            w += costs.tlsPerRequestNanos() + costs.tlsPerKiBNanos() * (r.requestBytes / 1024.0);
        }
        return noise.draw(w);
    }

    double responseSendCost(Request r) {
        if (r.noResponse) {
            return 0;
        }
        double w = costs.networkThreadPerResponseNanos();
        if (r.connection.listener.tls) {
            w += costs.tlsPerKiBNanos() * (r.responseBytes / 1024.0);
        }
        return noise.draw(w);
    }

    double localCost(Request r) {
        double w;
        switch (r.api) {
            case PRODUCE: {
                ProduceRequest pr = (ProduceRequest) r;
                w = perRequestNanos[r.api.ordinal()] + costs.perKiBNanos() * (r.requestBytes / 1024.0)
                        + costs.perPartitionNanos() * pr.batchCount();
                break;
            }
            case FETCH_FOLLOWER:
            case FETCH_CONSUMER: {
                FetchSession s = ((FetchRequest) r).session;
                w = perRequestNanos[r.api.ordinal()] + costs.fetchSessionPartitionNanos() * s.activeSize()
                        + costs.perPartitionNanos() * Math.min(s.dirtyCount(), s.activeSize());
                break;
            }
            case METADATA:
                w = perRequestNanos[r.api.ordinal()]
                        + costs.perPartitionNanos() * partitionCount.applyAsInt(((MetadataRequest) r).topic);
                break;
            case OFFSET_COMMIT:
                // one __consumer_offsets partition appended; the offsets themselves are priced by size
                w = perRequestNanos[r.api.ordinal()] + costs.perKiBNanos() * (r.requestBytes / 1024.0)
                        + costs.perPartitionNanos();
                break;
            case HEARTBEAT:
                w = perRequestNanos[r.api.ordinal()];
                break;
            default:
                throw new IllegalStateException("no cost for " + r.api);
        }
        return noise.draw(w);
    }

    /** CPU to (re)read a fetch's data when a parked fetch completes: the session walk and each partition with data. */
    double fetchReadCost(FetchRequest r) {
        return noise.draw(costs.fetchSessionPartitionNanos() * r.session.activeSize()
                + costs.perPartitionNanos() * r.responsePartitions());
    }

    double purgatoryCompleteCost() {
        return noise.draw(costs.purgatoryCompleteNanos());
    }

    /** Cost on a follower's fetcher thread to process a fetch response, append its data and walk its partitions for the next fetch. */
    double fetchResponseProcessCost(FetchRequest r) {
        int withData = 0;
        for (int i = 0; i < r.responsePartitions(); i++) {
            if (r.responseBytes(i) > 0) {
                withData++;
            }
        }
        return noise.draw(costs.replicaFetcherPerResponseNanos() + costs.perPartitionNanos() * withData
                + costs.replicaFetcherPerPartitionNanos() * r.session.activeSize()
                + costs.perKiBNanos() * (r.responseRecordBytes() / 1024.0));
    }

    /**
     * A produce's writes before it appends: how long the handler blocks on the page cache's dirty limit and on the
     * files a first append writes (SegmentFiles).
     */
    long pageCacheStall(Request r) {
        if (r.api == ApiKey.OFFSET_COMMIT) {
            OffsetCommitRequest oc = (OffsetCommitRequest) r;
            RecordBatch b = oc.batch;
            return b.isAppended() ? 0
                    : pageCache.write(b.sizeInBytes()) + segmentFileStall(oc.offsetsPartition.files(0), b.sizeInBytes());
        }
        if (r.api != ApiKey.PRODUCE) {
            return 0;
        }
        ProduceRequest pr = (ProduceRequest) r;
        int bytes = 0;
        long files = 0;
        for (int i = 0; i < pr.batchCount(); i++) {
            RecordBatch b = pr.batch(i);
            if (!b.isAppended()) {
                bytes += b.sizeInBytes();
                files += segmentFileStall(pr.partition(i).files(0), b.sizeInBytes());
            }
        }
        return bytes == 0 ? 0 : pageCache.write(bytes) + files;
    }

    /** Draws the file stalls when the profile prices them (else none: the appends are still counted). */
    public void setSegmentFileStalls(RandomStream rng) {
        this.filesRng = rng;
    }

    /**
     * How long an append of {@code bytes} to a replica's log blocks its thread on file work: the leader-epoch
     * checkpoint of a first append, the index files of a segment's first index entry (profile disk.checkpoint-write,
     * disk.index-create, scaled by the replicas this broker holds: HardwareProfile.Disk.indexCreateFactor).
     */
    long segmentFileStall(SegmentFiles f, long bytes) {
        int wrote = f.append(bytes);
        if (wrote == 0 || filesRng == null) {
            return 0;
        }
        long t = 0;
        if ((wrote & SegmentFiles.CHECKPOINT) != 0 && disk.checkpointWrite() != null) {
            t += Math.max(0, Math.round(disk.checkpointWrite().sample(filesRng)));
        }
        if ((wrote & SegmentFiles.INDEX_CREATE) != 0 && disk.indexCreate() != null) {
            t += Math.max(0, Math.round(disk.indexCreate().sample(filesRng) * disk.indexCreateFactor(replicasHeld)));
        }
        return t;
    }

    // ---- KafkaApis ----

    void onRequestArrived(Request r) {
        requestsArrived[r.api.ordinal()]++;
    }

    void handle(Request r, CompletionSink sink, long now) {
        // LocalTimeMs ends when a response goes out while the request is handled (sendResponse), else after the
        // handler's completions (KafkaRequestHandler.endLocal), as Kafka stamps apiLocalCompleteTimeNanos
        r.localDoneAt = -1;
        switch (r.api) {
            case PRODUCE:
                handleProduce((ProduceRequest) r, sink, now);
                break;
            case FETCH_FOLLOWER:
            case FETCH_CONSUMER:
                handleFetch((FetchRequest) r, sink, now);
                break;
            case OFFSET_COMMIT:
                handleOffsetCommit((OffsetCommitRequest) r, sink, now);
                break;
            case HEARTBEAT:
                sendResponse(r, now);
                break;
            case METADATA:
                ((MetadataRequest) r).partitions = partitionCount.applyAsInt(((MetadataRequest) r).topic);
                r.responseBytes = MetadataRequest.RESPONSE_OVERHEAD
                        + MetadataRequest.PER_PARTITION_RESPONSE * ((MetadataRequest) r).partitions;
                sendResponse(r, now);
                break;
            default:
                throw new IllegalStateException("cannot handle " + r.api);
        }
    }

    private void handleProduce(ProduceRequest r, CompletionSink sink, long now) {
        for (int i = 0; i < r.batchCount(); i++) {
            Partition p = r.partition(i);
            if (p.leader() != id) {
                throw new IllegalStateException(name + " got a produce for " + p + " led by broker-" + p.leader());
            }
            RecordBatch b = r.batch(i);
            if (!b.isAppended()) {
                p.appendAsLeader(b, now, sink);
                produceBytesIn += b.sizeInBytes();
                if (batchListener != null) {
                    batchListener.leaderAppended(p, b, now);
                }
            }
        }
        if (r.acks != Acks.ALL) {
            sendResponse(r, now);
            return;
        }
        DelayedProduce dp = new DelayedProduce(this, r);
        for (int i = 0; i < r.batchCount(); i++) {
            if (r.partition(i).watchHighWatermark(dp, r.batch(i).nextOffset())) {
                dp.addPending();
            }
        }
        if (dp.pending() == 0) {
            sendResponse(r, now);
        } else {
            delayedProduces++;
            produceTimeouts.add(dp, r.timeoutNanos);
        }
    }

    /**
     * GroupCoordinator.handleCommitOffsets: the offsets become a batch appended to the group's
     * __consumer_offsets partition, answered once the high watermark passes it (acks=all).
     */
    private void handleOffsetCommit(OffsetCommitRequest r, CompletionSink sink, long now) {
        Partition p = r.offsetsPartition;
        if (p.leader() != id) {
            throw new IllegalStateException(name + " is not the coordinator of " + p + " (led by broker-" + p.leader() + ")");
        }
        RecordBatch b = r.batch;
        if (!b.isAppended()) {
            p.appendAsLeader(b, now, sink);
            if (batchListener != null) {
                batchListener.leaderAppended(p, b, now);
            }
        }
        DelayedProduce dp = new DelayedProduce(this, r);
        if (p.watchHighWatermark(dp, b.nextOffset())) {
            dp.addPending();
            delayedProduces++;
            produceTimeouts.add(dp, r.timeoutNanos);
        } else {
            sendResponse(r, now);
        }
    }

    private void handleFetch(FetchRequest r, CompletionSink sink, long now) {
        FetchSession s = r.session;
        boolean follower = s.fromFollower();
        for (int k = 0; k < r.forgottenCount(); k++) {
            s.exclude(r.forgottenIdx(k));
        }
        for (int k = 0; k < r.removedCount(); k++) {
            s.forget(r.removedIdx(k));
        }
        for (int k = 0; k < r.changedCount(); k++) {
            int idx = r.changedIdx(k);
            long off = r.changedOffset(k);
            s.setFetchOffset(idx, off);
            if (follower) {
                s.partition(idx).updateFollowerFetchOffset(s.replicaIndex(idx), off, now, sink);
            }
        }
        if (r.maxWaitNanos <= 0 || s.availableBytes(r.maxPartitionBytes) >= r.minBytes) {
            s.read(r.maxPartitionBytes, r.maxResponseBytes);
            r.takeResponse();
            fetchBytesOut += r.responseRecordBytes();
            sendResponse(r, now);
        } else {
            if (r.delayed == null) {
                r.delayed = new DelayedFetch(this);
            }
            r.delayed.park(r);
        }
    }

    void addFetchBytesOut(long bytes) {
        fetchBytesOut += bytes;
    }

    void delayedProduceCompleted() {
        delayedProduces--;
    }

    void delayedFetchParked(FetchRequest r) {
        delayedFetches++;
    }

    void delayedFetchUnparked(FetchRequest r) {
        delayedFetches--;
    }

    /**
     * The response is ready: hand it to the connection's network thread. As RequestChannel.sendResponse, this ends
     * LocalTimeMs if the handler has not (a response sent while the request is handled).
     */
    void sendResponse(Request r, long now) {
        if (r.localDoneAt < 0) {
            r.localDoneAt = now;
        }
        r.connection.processor.enqueueResponse(r, now);
    }

    /** The network thread has written the response (or, for acks=0, had nothing to write). */
    void completeSend(Request r, long now) {
        long sentAt = now;
        Connection c = r.connection;
        if (!r.noResponse) {
            long departed = c.sendResponse(r);
            long bufferedNanos = Math.round(SOCKET_SEND_BUFFER_BYTES * nicNanosPerByte);
            sentAt = Math.max(now, departed - bufferedNanos);
        }
        r.sentAt = sentAt;
        recordTimings(r);
        if (sentAt > now) {
            sim.schedule(new Unmute(c), sentAt - now);
        } else {
            c.unmute();
        }
    }

    private static final class Unmute extends Event {
        private final Connection c;

        Unmute(Connection c) {
            this.c = c;
        }

        @Override
        public void fire(Simulator s) {
            c.unmute();
        }
    }

    private void recordTimings(Request r) {
        long rq = r.dequeuedAt - r.receivedAt;
        long local = r.localDoneAt - r.dequeuedAt;
        long remote = r.responseReadyAt - r.localDoneAt;
        long respQ = r.responseDequeuedAt - r.responseReadyAt;
        long send = r.sentAt - r.responseDequeuedAt;
        long total = r.sentAt - r.receivedAt;
        if (rq < 0 || local < 0 || remote < 0 || respQ < 0 || send < 0) {
            throw new IllegalStateException(name + ": negative request time for " + r.label() + " (queue " + rq
                    + ", local " + local + ", remote " + remote + ", response queue " + respQ + ", send " + send + ")");
        }
        RequestTimings t = clusterTimings.get(r.api);
        if (t != null) {
            t.record(rq, local, remote, respQ, send, total);
        }
        Tally[] m = timingMeans[r.api.ordinal()];
        m[0].add(rq);
        m[1].add(local);
        m[2].add(remote);
        m[3].add(respQ);
        m[4].add(send);
        m[5].add(total);
    }

    // ---- ISR expiration (ReplicaManager.maybeShrinkIsr every replica.lag.time.max.ms / 2) ----

    private final class IsrExpiration extends Event {
        @Override
        public void fire(Simulator s) {
            long now = s.now();
            for (int i = 0; i < ledPartitions.size(); i++) {
                ledPartitions.get(i).maybeShrinkIsr(now, config.replicaLagTimeMaxNanos(), reaper);
            }
            reaper.kick();
            s.schedule(this, config.replicaLagTimeMaxNanos() / 2);
        }

        @Override
        public String label() {
            return name + "/isr-expiration";
        }
    }

    // ---- statistics ----

    /** Requests of type {@code api} that arrived since the last reset. */
    public long requestsArrived(ApiKey api) {
        return requestsArrived[api.ordinal()];
    }

    /** Mean of Kafka request metric {@code metric} (index into {@link RequestTimings#NAMES}) in ns, NaN if none. */
    public double meanTiming(ApiKey api, int metric) {
        return timingMeans[api.ordinal()][metric].mean();
    }

    public long timingCount(ApiKey api) {
        return timingMeans[api.ordinal()][5].count();
    }

    public double networkThreadUtilisation() {
        return networkBusy.utilisation(sim.now());
    }

    public double handlerThreadUtilisation() {
        return handlerBusy.utilisation(sim.now());
    }

    public double replicaFetcherUtilisation() {
        return fetcherBusy.utilisation(sim.now());
    }

    public double meanRequestQueueLength() {
        return channel.queueLength.average(sim.now());
    }

    public int requestQueueSize() {
        return channel.size();
    }

    public int blockedNetworkThreads() {
        return channel.blockedNetworkThreads();
    }

    public int delayedProduces() {
        return delayedProduces;
    }

    public int delayedFetches() {
        return delayedFetches;
    }

    public long produceBytesIn() {
        return produceBytesIn;
    }

    public long fetchBytesOut() {
        return fetchBytesOut;
    }

    /** Requests waiting in the sockets of muted connections. */
    public long socketQueued() {
        return socketQueued;
    }

    /** Tasks waiting for any network thread of this broker. */
    public int networkThreadBacklog() {
        return (int) sumOverNetworkThreads(Processor::queued);
    }

    /** {@code f} summed over every network thread of this broker, both listeners' when they are split. */
    private long sumOverNetworkThreads(java.util.function.ToLongFunction<Processor> f) {
        long n = 0;
        for (Processor p : clientListener.processors) {
            n += f.applyAsLong(p);
        }
        if (interBrokerListener != clientListener) {
            for (Processor p : interBrokerListener.processors) {
                n += f.applyAsLong(p);
            }
        }
        return n;
    }

    /** Network thread wake-ups (work handed to a sleeping thread) since the last reset, all listeners. */
    public long networkThreadWakeups() {
        return sumOverNetworkThreads(Processor::wakeups) - wakeupBase[0];
    }

    /** Request handler thread wake-ups since the last reset. */
    public long handlerThreadWakeups() {
        long n = 0;
        for (KafkaRequestHandler h : handlers) {
            n += h.wakeups();
        }
        return n - wakeupBase[1];
    }

    /** Each request handler's wake-ups since it was made, in thread order. */
    long[] wakeupsByHandler() {
        long[] n = new long[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            n[i] = handlers[i].wakeups();
        }
        return n;
    }

    /** Replica fetcher thread wake-ups (one per fetch response it processes) since the last reset. */
    public long replicaFetcherWakeups() {
        long n = 0;
        for (int i = 0; i < fetchers.size(); i++) {
            n += fetchers.get(i).wakeups();
        }
        return n - wakeupBase[2];
    }

    /**
     * Time this broker's threads of class {@code cls} (0 network, 1 request handler, 2 replica fetcher) spent runnable and
     * waiting for a core since the last reset (CpuJob.runQueueWaitNanos), in ns summed over the threads.
     */
    public long runQueueWaitNanos(int cls) {
        long now = sim.now();
        return sumOverClass(cls, t -> t.runQueueWaitNanos(now)) - runQueueWaitBase[cls];
    }

    /**
     * Times this broker's threads of class {@code cls} (0 network, 1 request handler, 2 replica fetcher) were taken off a core
     * with work left since the last reset (CpuJob.preemptions; Linux's nonvoluntary context switches), summed over them.
     */
    public long preemptions(int cls) {
        return sumOverClass(cls, io.tailsim.models.cpu.CpuJob::preemptions) - preemptionBase[cls];
    }

    /**
     * CPU this broker's threads of class {@code cls} (0 network, 1 request handler, 2 replica fetcher) were handed since the
     * last reset, wake-up costs included (CpuJob.workNanos), in ns summed over the threads: their JMX thread CPU time.
     */
    public double threadCpuNanos(int cls) {
        return sumOverClassDouble(cls, io.tailsim.models.cpu.CpuJob::workNanos) - cpuBase[cls];
    }

    /** A stop-the-world pause of this broker begins. */
    public void gcPauseBegins() {
        gcPauses++;
    }

    /** Stop-the-world pauses begun since the last reset. */
    public long gcPauses() {
        return gcPauses;
    }

    /** A stop-the-world pause of this broker ends after {@code nanos}. */
    public void gcPauseEnds(long nanos) {
        gcPausesEnded++;
        gcPauseNanos += nanos;
    }

    /** Mean length of the pauses that ended since the last reset, ms (NaN if none did): what the broker's GC log shows. */
    public double gcPauseMsMean() {
        return gcPausesEnded > 0 ? gcPauseNanos / 1e6 / gcPausesEnded : Double.NaN;
    }

    /** {@code f} summed over this broker's threads of class {@code cls} (0 network, 1 request handler, 2 replica fetcher). */
    private long sumOverClass(int cls, java.util.function.ToLongFunction<io.tailsim.models.cpu.CpuJob> f) {
        return (long) sumOverClassDouble(cls, f::applyAsLong);
    }

    /** The same for a figure in ns of CPU (double). */
    private double sumOverClassDouble(int cls, java.util.function.ToDoubleFunction<io.tailsim.models.cpu.CpuJob> f) {
        double n = 0;
        if (cls == 0) {
            for (Processor p : clientListener.processors) {
                n += f.applyAsDouble(p);
            }
            if (interBrokerListener != clientListener) {
                for (Processor p : interBrokerListener.processors) {
                    n += f.applyAsDouble(p);
                }
            }
        } else if (cls == 1) {
            for (KafkaRequestHandler h : handlers) {
                n += f.applyAsDouble(h);
            }
        } else {
            for (int i = 0; i < fetchers.size(); i++) {
                n += f.applyAsDouble(fetchers.get(i));
            }
        }
        return n;
    }

    public void resetStats() {
        long now = sim.now();
        for (int cls = 0; cls < preemptionBase.length; cls++) {
            preemptionBase[cls] += preemptions(cls);
        }
        wakeupBase[0] += networkThreadWakeups();
        wakeupBase[1] += handlerThreadWakeups();
        wakeupBase[2] += replicaFetcherWakeups();
        for (int cls = 0; cls < runQueueWaitBase.length; cls++) {
            runQueueWaitBase[cls] += runQueueWaitNanos(cls);
        }
        for (int cls = 0; cls < cpuBase.length; cls++) {
            cpuBase[cls] += threadCpuNanos(cls);
        }
        gcPauses = 0;
        gcPausesEnded = 0;
        gcPauseNanos = 0;
        java.util.Arrays.fill(requestsArrived, 0);
        for (Tally[] ts : timingMeans) {
            for (Tally t : ts) {
                t.reset();
            }
        }
        networkBusy.reset(now);
        handlerBusy.reset(now);
        fetcherBusy.reset(now);
        channel.queueLength.reset(now);
        pageCache.resetStats();
        produceBytesIn = 0;
        fetchBytesOut = 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
