package io.tailsim.models.producer;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.broker.ProduceRequest;
import io.tailsim.models.broker.Request;
import io.tailsim.models.cpu.CpuJob;
import io.tailsim.models.cpu.HostCpu;
import io.tailsim.models.placement.TopicMetadata;

import java.util.Arrays;

/**
 * The producer's Sender thread (Sender.sendProducerData with RecordAccumulator.ready/drain):
 * <ol>
 * <li>ready: a broker is ready when one of its partitions' first batch is full (or has a second
 *     batch behind it), has waited linger.ms, or the buffer pool is exhausted, or a flush is on;</li>
 * <li>brokers whose connection already has max.in.flight.requests.per.connection unacknowledged
 *     requests are skipped (InFlightRequests.canSendMore); the wait is counted;</li>
 * <li>drain: for each remaining ready broker, the first batch of every partition it leads that has
 *     one, ready or not, round-robin from a per-broker index, until max.request.size; one
 *     ProduceRequest per broker.</li>
 * </ol>
 * It wakes when a batch is created with linger 0 or fills, at the earliest linger expiry, and on
 * every response. Building and writing each request takes the thread client.per-request ns, and
 * reading each response (TLS unwrap, parse, completing its batches and running their callbacks)
 * client.per-response ns, one task after another on the one Sender thread as in the real client
 * (NetworkClient.poll handles sends and completed receives on that thread): a delay, or CPU on a
 * shared host. So back-to-back sends coalesce, and a busy Sender also acknowledges late. Each wake-up
 * costs client.per-wakeup before the drain, plus client.per-wakeup-per-partition for every partition of
 * the producer's topic (RecordAccumulator.ready walks every partition's deque, drainBatchesForOneNode every
 * partition the broker leads, written to or not).
 */
final class Sender {
    private final KafkaProducer producer;
    private final Simulator sim;
    private final int nodes;
    private final int maxInFlight;
    private final long lingerNanos;
    private final int maxRequestSize;
    private final double perRequestNanos;
    private final double perResponseNanos;
    private final HostCpu sharedCpu;
    final int[] inFlight;
    private final long[] blockedSince;
    private final int[] drainIndex;
    // send times of outstanding requests per node, in order (responses come back in order)
    private final long[][] sentRing;
    private final int[] ringHead;
    private final int[] ringCount;
    private final RunEvent runEvent = new RunEvent();
    private long[] sortBuf = new long[16];
    private int outstanding;

    /** CPU the thread spends each time it wakes from its selector, before it drains (client-per-wakeup). */
    private final double perWakeupNanos;
    /**
     * Beside it, per partition of the producer's topic (client-per-wakeup-per-partition): ready() walks the deque of every
     * partition written to, and each drain every partition the broker leads in the producer's metadata, written to or not.
     */
    private final double perWakeupPerPartitionNanos;
    /** Whether a wake-up costs the thread work, so that it is a task of its own before the drain. */
    private final boolean wakeCosts;
    /** Task marker: the thread's wake-up work, after which it runs its loop (ready, drain). */
    private static final int WAKE = Integer.MIN_VALUE;

    // the thread's queue of tasks: requests to build and write (node >= 0), responses to read (node < 0), WAKE
    private Request[] txQueue = new Request[8];
    private int[] txNode = new int[8];
    private int txHead;
    private int txCount;
    private boolean txBusy;
    private boolean runPending;
    private final TxDelay txDelay = new TxDelay();
    private final TxCpu txCpu;

    Sender(KafkaProducer producer, Simulator sim, int nodes, HostCpu sharedCpu, int cpuGroup) {
        this.producer = producer;
        this.sim = sim;
        this.nodes = nodes;
        var c = producer.config();
        this.maxInFlight = c.maxInFlightRequestsPerConnection();
        this.lingerNanos = c.lingerNanos();
        this.maxRequestSize = c.maxRequestSize();
        this.perRequestNanos = producer.costs().clientPerRequestNanos();
        this.perResponseNanos = producer.costs().clientPerResponseNanos();
        this.perWakeupNanos = producer.costs().clientPerWakeupNanos();
        this.perWakeupPerPartitionNanos = producer.costs().clientPerWakeupPerPartitionNanos();
        this.wakeCosts = perWakeupNanos > 0 || perWakeupPerPartitionNanos > 0;
        this.sharedCpu = sharedCpu;
        this.txCpu = sharedCpu == null ? null : new TxCpu(cpuGroup);
        inFlight = new int[nodes];
        blockedSince = new long[nodes];
        Arrays.fill(blockedSince, -1);
        drainIndex = new int[nodes];
        sentRing = new long[nodes][];
        ringHead = new int[nodes];
        ringCount = new int[nodes];
    }

    /** Requests drained and not yet answered (or, for acks=0, not yet written), over all nodes. */
    int outstanding() {
        return outstanding;
    }

    long nextRunTime() {
        return runEvent.isScheduled() ? runEvent.time() : Long.MAX_VALUE;
    }

    long lingerNanos() {
        return lingerNanos;
    }

    /**
     * Whether a new batch wakes this Sender even before its linger.ms is up, as KafkaProducer.doSend does: only where a
     * wake-up costs the thread work (client-per-wakeup); a free wake-up that finds nothing ready changes nothing.
     */
    boolean wakesOnNewBatch() {
        return wakeCosts;
    }

    /**
     * Asks the sender to run at {@code at} (or earlier if already due). The Sender thread sleeps in its selector until
     * then; on a host with an OS wake-up latency it runs that much later.
     */
    void scheduleRun(long at) {
        if (runEvent.isScheduled() && (runEvent.time() <= at || woken)) {
            // already due by then, or already woken: a second wakeup() of a runnable thread changes nothing
            return;
        }
        long now = sim.now();
        // the OS wake-up latency of a thread woken on the shared host: its wake-up job pays it (HostCpu.submit), else here;
        // a run asked for later is its selector's poll timeout expiring (linger.ms), a timed wait that pays the timer slack too
        long when = Math.max(at, now) + (sharedCpu == null || wakeCosts ? 0 : at > now ? sharedCpu.timerWakeupDelay() : sharedCpu.wakeupDelay());
        if (runEvent.isScheduled()) {
            if (runEvent.time() <= when) {
                return;
            }
            sim.cancel(runEvent);
        }
        woken = at <= now;
        sim.scheduleAt(runEvent, when);
    }

    /** The pending run was set by a wakeup (not a linger timer): the thread is runnable, waiting for a core. */
    private boolean woken;

    private final class RunEvent extends Event {
        @Override
        public void fire(Simulator s) {
            boolean timed = !woken;
            woken = false;
            if (!txBusy) {
                producer.groupStats().senderWakeups++;
            }
            if (wakeCosts && !txBusy) {
                // the thread wakes from its selector: the poll's return and ready() come before the drain; a poll timeout
                // (linger.ms up) is a timed wait, which pays the host's timer slack on that wake-up (HostCpu.submit)
                if (txCpu != null) txCpu.setWakesOnTimer(timed);
                enqueueTask(null, WAKE);
                if (txCpu != null) txCpu.setWakesOnTimer(false);
                return;
            }
            runOnce(s.now());
        }

        @Override
        public String label() {
            return producer.name() + "/sender";
        }
    }

    void runOnce(long now) {
        // an aggregated burst makes the send() calls due by now before the accumulator is read
        producer.catchUp(now);
        if (txBusy) {
            runPending = true;
            return;
        }
        RecordAccumulator acc = producer.accumulator();
        boolean drained = false;
        boolean forceReady = producer.bufferExhausted() || producer.flushing();
        long nextCheck = Long.MAX_VALUE;
        boolean again = false;
        for (int node = 0; node < nodes; node++) {
            int ne = acc.nonEmptyCount(node);
            if (ne == 0) {
                continue;
            }
            boolean ready = forceReady;
            long earliest = Long.MAX_VALUE;
            if (!ready) {
                for (int i = 0; i < ne; i++) {
                    ProducerBatch b = acc.head(acc.nonEmpty(node, i));
                    if (b.next != null || b.isFull()) {
                        ready = true;
                        break;
                    }
                    earliest = Math.min(earliest, b.createdAt);
                }
                if (!ready && now - earliest >= lingerNanos) {
                    ready = true;
                }
            }
            if (!ready) {
                nextCheck = Math.min(nextCheck, earliest + lingerNanos);
                continue;
            }
            if (inFlight[node] >= maxInFlight) {
                if (blockedSince[node] < 0) {
                    blockedSince[node] = now;
                }
                continue;
            }
            if (blockedSince[node] >= 0) {
                producer.groupStats().inFlightBlockedNanos += now - blockedSince[node];
                blockedSince[node] = -1;
            }
            ProduceRequest r = drain(node, now);
            drained = true;
            inFlight[node]++;
            outstanding++;
            enqueueTx(r, node);
            if (acc.nonEmptyCount(node) > 0) {
                again = true;
            }
        }
        if (again) {
            scheduleRun(now);
        } else if (nextCheck != Long.MAX_VALUE) {
            scheduleRun(nextCheck);
        }
        if (drained) {
            producer.replan(now);
        }
    }

    /** RecordAccumulator.drainBatchesForOneNode. */
    private ProduceRequest drain(int node, long now) {
        RecordAccumulator acc = producer.accumulator();
        TopicMetadata md = acc.metadata();
        int m = md.partitionsForNode(node).length;
        int start = drainIndex[node] % m;
        int k = acc.nonEmptyCount(node);
        if (sortBuf.length < k) {
            sortBuf = new long[Math.max(k, sortBuf.length * 2)];
        }
        for (int i = 0; i < k; i++) {
            int p = acc.nonEmpty(node, i);
            int rel = (md.positionInLeader(p) - start + m) % m;
            sortBuf[i] = ((long) rel << 32) | p;
        }
        Arrays.sort(sortBuf, 0, k);
        var cfg = producer.config();
        ProduceRequest r = new ProduceRequest(k, cfg.acks(), cfg.requestTimeoutNanos());
        int size = 0;
        int last = (start + m - 1) % m;
        for (int i = 0; i < k; i++) {
            int p = (int) sortBuf[i];
            ProducerBatch b = acc.head(p);
            if (size + b.estimatedSizeInBytes() > maxRequestSize && r.batchCount() > 0) {
                last = md.positionInLeader(p);
                break;
            }
            acc.pollHead(p);
            producer.closeBatch(b);
            size += b.sizeInBytes();
            b.request = r;
            r.add(b, b.partition);
        }
        drainIndex[node] = last;
        r.seal();
        return r;
    }

    /** A metadata request goes out on node {@code node} (it counts against the in-flight limit). */
    void sendMetadata(Request r, int node) {
        inFlight[node]++;
        outstanding++;
        enqueueTx(r, node);
    }

    int leastLoadedNode() {
        int best = -1;
        for (int n = 0; n < nodes; n++) {
            if (inFlight[n] < maxInFlight && (best < 0 || inFlight[n] < inFlight[best])) {
                best = n;
            }
        }
        return best;
    }

    // ---- the thread writing requests ----

    private void enqueueTx(Request r, int node) {
        if (perRequestNanos <= 0 && perResponseNanos <= 0) {
            transmit(r, node, sim.now());
            return;
        }
        enqueueTask(r, node);
    }

    /**
     * A response to {@code r} arrived: when the thread is free (and has read it, client.per-response),
     * the producer handles it. Without a per-response cost, at once (the model before responses were
     * priced).
     */
    void enqueueResponse(Request r, int node) {
        if (!txBusy) {
            producer.groupStats().senderWakeups++;
        }
        if (perResponseNanos <= 0 && (!wakeCosts || txBusy)) {
            producer.handleResponse(r, sim.now());
            return;
        }
        if (wakeCosts && !txBusy) {
            // a response wakes the sleeping thread: its wake-up work comes first, then the response is read
            enqueueTask(null, WAKE);
        }
        enqueueTask(r, -1 - node);
    }

    private void enqueueTask(Request r, int node) {
        if (txCount == txQueue.length) {
            Request[] nq = new Request[txCount * 2];
            int[] nn = new int[txCount * 2];
            for (int i = 0; i < txCount; i++) {
                nq[i] = txQueue[(txHead + i) % txQueue.length];
                nn[i] = txNode[(txHead + i) % txQueue.length];
            }
            txQueue = nq;
            txNode = nn;
            txHead = 0;
        }
        int slot = (txHead + txCount) % txQueue.length;
        txQueue[slot] = r;
        txNode[slot] = node;
        txCount++;
        if (!txBusy) {
            startTx();
        }
    }

    private void startTx() {
        txBusy = true;
        int task = txNode[txHead];
        double work = task == WAKE ? perWakeupNanos + perWakeupPerPartitionNanos * producer.accumulator().metadata().partitionCount()
                : task >= 0 ? perRequestNanos : perResponseNanos;
        if (work <= 0 && wakeCosts) {
            // a free task behind a wake-up (a response with no client-per-response): done at once
            txDone(sim.now());
            return;
        }
        producer.groupStats().senderCpuNanos += work;
        if (txCpu != null) {
            sharedCpu.submit(txCpu, work);
        } else {
            sim.schedule(txDelay, Math.round(work));
        }
    }

    private void txDone(long now) {
        Request r = txQueue[txHead];
        int node = txNode[txHead];
        txQueue[txHead] = null;
        txHead = (txHead + 1) % txQueue.length;
        txCount--;
        if (node == WAKE) {
            runPending = true;
        } else if (node >= 0) {
            transmit(r, node, now);
        } else {
            producer.handleResponse(r, now);
        }
        if (txCount > 0) {
            startTx();
        } else {
            txBusy = false;
            if (runPending) {
                runPending = false;
                runOnce(now);
            }
        }
    }

    private void transmit(Request r, int node, long now) {
        boolean expectsResponse = producer.transmit(r, node, now);
        if (expectsResponse) {
            long[] ring = sentRing[node];
            if (ring == null || ringCount[node] == ring.length) {
                long[] n = new long[ring == null ? 8 : ring.length * 2];
                for (int i = 0; i < ringCount[node]; i++) {
                    n[i] = ring[(ringHead[node] + i) % ring.length];
                }
                sentRing[node] = n;
                ringHead[node] = 0;
                ring = n;
            }
            ring[(ringHead[node] + ringCount[node]) % ring.length] = now;
            ringCount[node]++;
        } else {
            inFlight[node]--;
            outstanding--;
            scheduleRun(now);
        }
    }

    /**
     * A response from {@code node} arrived: one fewer in flight, and the sender loops at once
     * (NetworkClient.poll returns into Sender.runOnce) — run here rather than through an event.
     */
    void responseReceived(int node, long now) {
        inFlight[node]--;
        outstanding--;
        ringHead[node] = (ringHead[node] + 1) % sentRing[node].length;
        ringCount[node]--;
        if (producer.accumulator().batchesQueued() > 0) {
            runOnce(now);
        }
    }

    /** Send time of the oldest unanswered request to any node, or Long.MAX_VALUE. */
    long oldestOutstandingSend() {
        long oldest = Long.MAX_VALUE;
        for (int n = 0; n < nodes; n++) {
            if (ringCount[n] > 0) {
                oldest = Math.min(oldest, sentRing[n][ringHead[n]]);
            }
        }
        return oldest;
    }

    int oldestOutstandingNode() {
        long oldest = Long.MAX_VALUE;
        int node = -1;
        for (int n = 0; n < nodes; n++) {
            if (ringCount[n] > 0 && sentRing[n][ringHead[n]] < oldest) {
                oldest = sentRing[n][ringHead[n]];
                node = n;
            }
        }
        return node;
    }

    /** Closes open in-flight-blocked intervals at {@code now} into the statistics (end of run or warm-up). */
    void flushBlockedTime(long now, boolean restart) {
        for (int n = 0; n < nodes; n++) {
            if (blockedSince[n] >= 0) {
                producer.groupStats().inFlightBlockedNanos += now - blockedSince[n];
                blockedSince[n] = restart ? now : -1;
            }
        }
    }

    private final class TxDelay extends Event {
        @Override
        public void fire(Simulator s) {
            txDone(s.now());
        }

        @Override
        public String label() {
            return producer.name() + "/sender-write";
        }
    }

    private final class TxCpu extends CpuJob {
        TxCpu(int group) {
            super(group);
        }

        @Override
        protected void cpuDone(long now) {
            txDone(now);
        }
    }
}
