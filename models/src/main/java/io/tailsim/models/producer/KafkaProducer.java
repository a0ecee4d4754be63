package io.tailsim.models.producer;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.broker.ClientEndpoint;
import io.tailsim.models.broker.Connection;
import io.tailsim.models.broker.MetadataRequest;
import io.tailsim.models.broker.ProduceRequest;
import io.tailsim.models.broker.Request;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.ProducerConfig;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.cpu.HostCpu;
import io.tailsim.models.network.Host;
import io.tailsim.models.placement.MetadataCache;
import io.tailsim.models.placement.TopicMetadata;
import io.tailsim.models.report.OverloadException;
import io.tailsim.models.report.TopicRecorders;


/**
 * One KafkaProducer writing one topic: the application thread ({@link Application}), the
 * partitioner ({@link PartitionSelector}), the RecordAccumulator with its buffer.memory
 * ({@link RecordAccumulator}, {@link BufferPool}), the Sender ({@link Sender}) and its connections,
 * and periodic metadata refreshes (metadata.max.age.ms: new partitions become visible then).
 *
 * <p>Per record it keeps only the send() time in its batch. Produce time is recorded when the
 * request carrying the record is written (send -> request sent), publish time when the leader
 * appends the batch, commit time when the high watermark passes it, producer latency when the
 * acknowledgement arrives (acks=0: when the request is written).
 */
public final class KafkaProducer implements ClientEndpoint {
    private final String name;
    private final int index;
    private final Simulator sim;
    private final ProducerGroupSpec spec;
    private final ProducerConfig config;
    private final HardwareProfile.CpuCosts costs;
    private final Host host;
    private final Broker[] brokers;
    private final Connection[] connections;
    private final RandomStream netOut;
    private final RandomStream netIn;
    private final MetadataCache metadataCache;
    private final RecordAccumulator accumulator;
    private final BufferPool pool;
    private final PartitionSelector selector;
    private final Sender sender;
    private final Application app;
    private final CompressionRatioEstimator estimator = new CompressionRatioEstimator();
    private final boolean compressed;
    private final double actualRatio;
    private final int keyBytes;
    private final int valueBytes;
    private final int recordsPerBatchHint;
    final TopicRecorders topicRecorders;
    private final ProducerGroupStats groupStats;
    private final MetadataRequest metadataRequest;
    private final MetadataRefresh metadataRefresh = new MetadataRefresh();
    private ProducerObserver observer;
    private long traceEvery;

    private final long endOfRun;
    private long recordsSent;
    private long recordsAcked;
    /** Records the leaders have appended (acks=0 producers learn nothing of it; the model does). */
    long recordsAppended;
    private int incompleteBatches;
    private boolean flushing;
    private boolean metadataInFlight;

    public KafkaProducer(String name, int index, int indexInGroup, Simulator sim, ProducerGroupSpec spec,
                         HardwareProfile profile, Host host, HostCpu sharedCpu, int cpuGroup, Broker[] brokers,
                         MetadataCache metadataCache, RandomStream rng, RandomStream netOut, RandomStream netIn,
                         TopicRecorders topicRecorders, ProducerGroupStats groupStats, long endOfRun) {
        this.name = name;
        this.index = index;
        this.sim = sim;
        this.spec = spec;
        this.config = spec.config();
        this.costs = profile.cpu();
        this.host = host;
        this.brokers = brokers;
        this.connections = new Connection[brokers.length];
        this.netOut = netOut;
        this.netIn = netIn;
        this.metadataCache = metadataCache;
        this.topicRecorders = topicRecorders;
        this.groupStats = groupStats;
        this.keyBytes = spec.keyBytes();
        this.valueBytes = spec.valueBytes();
        this.compressed = config.compressionType() != CompressionType.NONE;
        this.actualRatio = compressed ? profile.compressionRatio().getOrDefault(config.compressionType(), 1.0) : 1.0;
        TopicMetadata md = metadataCache.topic(spec.topic());
        this.accumulator = new RecordAccumulator(md);
        this.pool = new BufferPool(config.bufferMemory());
        this.selector = new PartitionSelector(spec.keys(), config.partitioner(), keyBytes, indexInGroup,
                config.batchSize(), config.adaptivePartitioning(), rng, spec.topic());
        this.sender = new Sender(this, sim, brokers.length, sharedCpu, cpuGroup);
        this.endOfRun = endOfRun;
        this.app = new Application(this, sim, this::inlineHorizon, spec.arrival(), rng, costs.clientPerRecordNanos(),
                sharedCpu, cpuGroup);
        this.recordsPerBatchHint = Math.max(1, config.batchSize() / Math.max(1, keyBytes + valueBytes + 8));
        this.metadataRequest = new MetadataRequest(spec.topic());
    }

    @Override
    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    public ProducerGroupSpec spec() {
        return spec;
    }

    ProducerConfig config() {
        return config;
    }

    HardwareProfile.CpuCosts costs() {
        return costs;
    }

    RecordAccumulator accumulator() {
        return accumulator;
    }

    ProducerGroupStats groupStats() {
        return groupStats;
    }

    public Host host() {
        return host;
    }

    public void setObserver(ProducerObserver observer, long traceEvery) {
        this.observer = observer;
        this.traceEvery = traceEvery;
    }

    public long recordsSent() {
        observed();
        return recordsSent;
    }

    public long recordsAcked() {
        return recordsAcked;
    }

    public long recordsAppended() {
        return recordsAppended;
    }

    /** Batches created and not yet acknowledged. */
    public int incompleteBatches() {
        observed();
        return incompleteBatches;
    }

    /** Records in batches not yet drained into a request. */
    public long recordsInAccumulator() {
        observed();
        long n = 0;
        TopicMetadata md = accumulator.metadata();
        for (int p = 0; p < md.partitionCount(); p++) {
            for (ProducerBatch b = accumulator.head(p); b != null; b = b.next) {
                n += b.recordCount();
            }
        }
        return n;
    }

    /** Records this producer sent to partition {@code p} (its sequence there). */
    public long recordsSentTo(int p) {
        observed();
        return p < accumulator.metadata().partitionCount() ? accumulator.recordsSentTo(p) : 0;
    }

    /** Records the application wanted to send so far (arrivals for open-loop processes). */
    public long recordsArrived() {
        return app.arrivals();
    }

    public long applicationBacklog() {
        return app.backlog();
    }

    public boolean blockedOnBufferMemory() {
        return app.isBlocked();
    }

    public int inFlight(int node) {
        return sender.inFlight[node];
    }

    public int maxInFlight() {
        return config.maxInFlightRequestsPerConnection();
    }

    /**
     * Until when the application may call send() ahead of the simulator clock: while no request
     * of this producer is outstanding (no response can arrive) and before its own next timer
     * (sender wake-up, metadata refresh, next arrival) and the end of the run; else now.
     */
    long inlineHorizon() {
        if (sender.outstanding() > 0) {
            return sim.now();
        }
        long h = Math.min(endOfRun, sender.nextRunTime());
        h = Math.min(h, metadataRefresh.isScheduled() ? metadataRefresh.time() : Long.MAX_VALUE);
        return Math.min(h, app.nextArrivalTime());
    }

    /** Starts the application and the metadata refresh timer. */
    public void start(long now) {
        long offset = app.start(now);
        sim.schedule(metadataRefresh, config.metadataMaxAgeNanos() + offset);
    }

    /** The application stops calling send() (a blocked call still completes); everything held is flushed. */
    public void stopSending(long now) {
        app.materialize(now);
        app.stop();
        if (incompleteBatches > 0) {
            flushing = true;
            sender.scheduleRun(now);
        }
    }

    boolean bufferExhausted() {
        return pool.exhausted();
    }

    boolean flushing() {
        return flushing;
    }

    /**
     * KafkaProducer.send: choose the partition, append to its batch (creating one if needed, which
     * may block on buffer.memory). Returns false when blocked; the application retries when memory
     * is freed.
     */
    boolean send(long now, long sendTime) {
        TopicMetadata md = accumulator.metadata();
        int n = md.partitionCount();
        long recordIndex = recordsSent;
        int p = selector.choose(n, recordIndex, accumulator);
        boolean abortedForNewBatch = false;
        while (true) {
            ProducerBatch tail = accumulator.tail(p);
            if (tail != null) {
                int grown = tail.tryAppend(now, sendTime, keyBytes, valueBytes);
                if (grown >= 0) {
                    appended(p, tail, grown, now, recordIndex);
                    if (accumulator.dequeSize(p) > 1 || tail.isFull()) {
                        sender.scheduleRun(now);
                    }
                    return true;
                }
            }
            if (selector.mode() == PartitionSelector.Mode.STICKY && !abortedForNewBatch) {
                abortedForNewBatch = true;
                p = selector.onNewBatch(p, n, accumulator);
                continue;
            }
            long size = Math.max(config.batchSize(), RecordSizes.upperBound(keyBytes, valueBytes));
            if (!pool.tryAllocate(size)) {
                // all batches become sendable while a thread waits for memory
                sender.scheduleRun(now);
                return false;
            }
            ProducerBatch b = new ProducerBatch(this, md.partition(p), p, now, config.batchSize(), compressed,
                    estimator.estimate(), size, accumulator.recordsSentTo(p), recordsPerBatchHint);
            int grown = b.tryAppend(now, sendTime, keyBytes, valueBytes);
            if (grown < 0) {
                throw new IllegalStateException("a new batch refused its first record");
            }
            accumulator.addBatch(b);
            incompleteBatches++;
            appended(p, b, grown, now, recordIndex);
            if (sender.lingerNanos() == 0 || accumulator.dequeSize(p) > 1 || b.isFull() || sender.wakesOnNewBatch()) {
                // KafkaProducer.doSend wakes the Sender on every new batch (newBatchCreated), linger or not; a Sender
                // whose wake-up is free and finds nothing ready only sleeps again, so the model wakes it where waking costs
                sender.scheduleRun(now);
            } else {
                sender.scheduleRun(now + sender.lingerNanos());
            }
            return true;
        }
    }

    private void appended(int p, ProducerBatch b, int grown, long now, long recordIndex) {
        recordsSent++;
        groupStats.recordsSent++;
        accumulator.countRecord(p);
        ProducerBatch tail = accumulator.tail(p);
        selector.afterAppend(grown, tail == null || tail.isFull(), accumulator.metadata().partitionCount(), accumulator);
        if (traceEvery > 0 && recordIndex % traceEvery == 0) {
            b.traced = true;
            if (observer != null) {
                observer.recordSent(this, b, recordIndex, now);
            }
        }
    }

    /** The sender closes a drained batch: its wire size is fixed and the ratio estimate learns. */
    void closeBatch(ProducerBatch b) {
        float observed = b.close(actualRatio);
        if (compressed) {
            estimator.update(observed);
        }
        groupStats.recordsPerBatch.add(b.recordCount());
    }

    /** flush(): every batch becomes sendable; true when nothing is outstanding (returns at once). */
    boolean beginFlush(long now) {
        if (incompleteBatches == 0) {
            return true;
        }
        flushing = true;
        sender.scheduleRun(now);
        return false;
    }

    private Connection connection(int node) {
        Connection c = connections[node];
        if (c == null) {
            c = brokers[node].connect(this, host, netOut, netIn, false);
            connections[node] = c;
        }
        return c;
    }

    /** The sender thread has written {@code r}; returns whether a response will come. */
    boolean transmit(Request r, int node, long now) {
        if (r instanceof ProduceRequest pr) {
            groupStats.produceRequests++;
            groupStats.batchesPerRequest.add(pr.batchCount());
            for (int i = 0; i < pr.batchCount(); i++) {
                ProducerBatch b = (ProducerBatch) pr.batch(i);
                b.requestSentAt = now;
                b.recordLatencies(topicRecorders.produceTime, now);
                if (b.traced && observer != null) {
                    observer.batchSent(b, now);
                }
            }
            connection(node).send(r);
            if (pr.acks == Acks.NONE) {
                for (int i = 0; i < pr.batchCount(); i++) {
                    complete((ProducerBatch) pr.batch(i), now);
                }
                afterCompletions(now);
                return false;
            }
            return true;
        }
        groupStats.metadataRequests++;
        connection(node).send(r);
        return true;
    }

    // ---- aggregated bursts (Application): who observes the producer makes the calls due first ----

    /** Selects the per-record path (true) or aggregated bursts on shared client hosts (false, the default). */
    public void setPerRecord(boolean perRecord) {
        app.setAggregate(!perRecord);
    }

    /** Makes the send() calls of an aggregated burst that are due by now (before statistics are reset). */
    public void catchUpSends() {
        observed();
    }

    /** Makes the send() calls of an aggregated burst that are due by now (a reader looks at the producer). */
    private void observed() {
        if (!sim.isFinished()) {
            app.materialize(sim.now());
        }
    }

    /** The Sender is about to look at the accumulator. */
    void catchUp(long now) {
        app.catchUp(now);
    }

    /** The Sender or a response changed the accumulator: the aggregated burst recounts its quiet calls. */
    void replan(long now) {
        app.replan(now);
    }

    long lingerNanos() {
        return sender.lingerNanos();
    }

    long nextSenderRun() {
        return sender.nextRunTime();
    }

    private int[] quietExtra = new int[0];
    private boolean[] quietTouched = new boolean[0];
    private int[] quietList = new int[0];
    private static final int QUIET_SCAN_LIMIT = 1024;

    /**
     * How many of the next {@code max} send() calls (at most 1024) are quiet whatever their times:
     * the partition is known without a random draw, the record certainly joins the partition's open
     * batch (or opens the partition's only batch, with buffer.memory to spare), the batch is
     * certainly not full after it (sizes bounded above), so the call wakes the Sender no earlier than
     * linger.ms later and blocks on nothing; and no traced record. Such calls change only this
     * producer's accumulator, so they can be made late, when something observes it.
     */
    int quietSendsAhead(int max) {
        if (sender.lingerNanos() <= 0 || flushing) {
            return 0;
        }
        TopicMetadata md = accumulator.metadata();
        int n = md.partitionCount();
        if (quietExtra.length < n) {
            quietExtra = new int[n];
            quietTouched = new boolean[n];
            quietList = new int[n];
        }
        int bound = RecordSizes.upperBound(keyBytes, valueBytes) - RecordSizes.BATCH_HEADER;
        long newSize = Math.max(config.batchSize(), RecordSizes.upperBound(keyBytes, valueBytes));
        float newRatio = estimator.estimate();
        int batchSize = config.batchSize();
        long available = pool.available();
        int touched = 0;
        int q = 0;
        int limit = Math.min(max, QUIET_SCAN_LIMIT);
        for (; q < limit; q++) {
            if (traceEvery > 0 && (recordsSent + q) % traceEvery == 0) {
                break;
            }
            int p = selector.peek(n, q);
            if (p < 0) {
                break;
            }
            ProducerBatch tail = accumulator.tail(p);
            if (!quietTouched[p]) {
                if (tail == null) {
                    if (available < newSize) {
                        break;
                    }
                    available -= newSize;
                    quietExtra[p] = 0;
                } else {
                    if (tail.isFull() || accumulator.dequeSize(p) > 1) {
                        break;
                    }
                    quietExtra[p] = tail.uncompressedBytes();
                }
                quietTouched[p] = true;
                quietList[touched++] = p;
            }
            int u = quietExtra[p];
            boolean fits;
            if (tail == null) {
                // a new batch: the first record always joins; it must leave the batch not full
                fits = ProducerBatch.estimateFor(compressed, newRatio, u + bound) < batchSize
                        && (u == 0 || ProducerBatch.estimateFor(compressed, newRatio, u) + bound <= batchSize);
            } else {
                fits = tail.estimateWith(u) + bound <= batchSize && tail.estimateWith(u + bound) < batchSize;
            }
            if (!fits) {
                break;
            }
            quietExtra[p] = u + bound;
        }
        for (int i = 0; i < touched; i++) {
            quietTouched[quietList[i]] = false;
        }
        return q;
    }

    /** A response arrived from the broker: the Sender thread reads it when free (client.per-response). */
    @Override
    public void onResponse(Request r, long now) {
        sender.enqueueResponse(r, r.connection().broker().id());
    }

    /** The Sender thread has read the response to {@code r}: complete its batches (acks, callbacks). */
    void handleResponse(Request r, long now) {
        app.catchUp(now);
        int node = r.connection().broker().id();
        if (r instanceof ProduceRequest pr) {
            if (pr.timedOut()) {
                throw new OverloadException(r.connection().broker().name() + " purgatory", Double.NaN, now,
                        name + ": produce request to " + r.connection().broker().name()
                                + " timed out in purgatory after request.timeout.ms="
                                + config.requestTimeoutNanos() / 1_000_000 + " ms waiting for replication");
            }
            for (int i = 0; i < pr.batchCount(); i++) {
                complete((ProducerBatch) pr.batch(i), now);
            }
            afterCompletions(now);
            sender.responseReceived(node, now);
        } else if (r instanceof MetadataRequest mr) {
            metadataInFlight = false;
            sender.responseReceived(node, now);
            if (mr.partitions() != accumulator.metadata().partitionCount()) {
                accumulator.setMetadata(metadataCache.topic(spec.topic()));
                app.replan(now);
            }
        } else {
            throw new IllegalStateException(name + " got an unexpected " + r.label());
        }
    }

    private boolean memoryFreed;

    private void complete(ProducerBatch b, long now) {
        b.ackedAt = now;
        int n = b.recordCount();
        b.recordLatencies(topicRecorders.producerLatency, now);
        topicRecorders.recordsAcked += n;
        topicRecorders.bytesAcked += (long) n * (keyBytes + valueBytes);
        recordsAcked += n;
        incompleteBatches--;
        if (pool.deallocate(b.allocatedBytes)) {
            memoryFreed = true;
        }
        if (observer != null) {
            observer.batchAcked(b, now);
        }
    }

    private void afterCompletions(long now) {
        if (memoryFreed) {
            memoryFreed = false;
            app.memoryAvailable(now);
        }
        if (flushing && incompleteBatches == 0 && !app.isBlocked()) {
            flushing = false;
            app.flushDone(now);
        }
    }

    void traceAppend(ProducerBatch b, long now) {
        if (observer != null) {
            observer.batchAppended(b, now);
        }
    }

    void traceCommit(ProducerBatch b, long now) {
        if (observer != null) {
            observer.batchCommitted(b, now);
        }
    }

    /** Send time of this producer's oldest unanswered request, or Long.MAX_VALUE. */
    public long oldestOutstandingSend() {
        return sender.oldestOutstandingSend();
    }

    public String oldestOutstandingBroker() {
        int n = sender.oldestOutstandingNode();
        return n < 0 ? "none" : brokers[n].name();
    }

    public long requestTimeoutNanos() {
        return config.requestTimeoutNanos();
    }

    /** Warm-up end: restart open blocked intervals. End of run: close them into the statistics. */
    public void closeIntervals(long now, boolean restart) {
        app.materialize(now);
        sender.flushBlockedTime(now, restart);
        if (restart) {
            app.restartStats(now);
        }
    }

    private final class MetadataRefresh extends Event {
        @Override
        public void fire(Simulator s) {
            long now = s.now();
            if (!metadataInFlight) {
                int node = sender.leastLoadedNode();
                if (node >= 0) {
                    metadataInFlight = true;
                    sender.sendMetadata(metadataRequest, node);
                }
            }
            s.schedule(this, config.metadataMaxAgeNanos());
        }

        @Override
        public String label() {
            return name + "/metadata";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
