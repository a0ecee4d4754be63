package io.tailsim.models.broker;

import io.tailsim.core.stat.TimeWeighted;

/**
 * The broker's request queue (RequestChannel: an ArrayBlockingQueue of queued.max.requests) shared
 * by all network threads and polled by the request handler threads. A network thread whose put
 * finds the queue full blocks until a handler takes a request.
 * <p>
 * Idle handlers wait in the queue's notEmpty condition (ArrayBlockingQueue.poll with KafkaRequestHandler's 300 ms
 * timeout), whose signal wakes the thread that has waited longest: a request arriving at an empty queue goes to the
 * handler idle the longest, so a steady load spreads its wake-ups over every handler. That matters where a wake-up's
 * cost depends on how often the thread wakes (cold wake-ups, CpuJob.setWakeupCost): handing work to the handler idle
 * the shortest (a stack) would keep a few threads hot and the rest asleep. The 300 ms timeouts' own wake-ups are left
 * out: at the loads where they happen a handler's idle spells are that long, and they only re-queue the thread.
 */
final class RequestChannel {
    private final Broker broker;
    private final Request[] queue;
    private int head;
    private int size;
    /** Idle handlers, longest idle first: a ring of {@code idleCount} from {@code idleHead}. */
    private final KafkaRequestHandler[] idle;
    private int idleHead;
    private int idleCount;
    private Processor[] blockedProcessors = new Processor[4];
    private Request[] blockedRequests = new Request[4];
    private int blockedHead;
    private int blockedCount;
    final TimeWeighted queueLength;

    RequestChannel(Broker broker, int capacity, int handlers, long now) {
        this.broker = broker;
        this.queue = new Request[capacity];
        this.idle = new KafkaRequestHandler[handlers];
        this.queueLength = new TimeWeighted(now, 0);
    }

    void handlerIdle(KafkaRequestHandler h) {
        if (idleCount == idle.length) {
            throw new IllegalStateException("more idle handlers than the pool's " + idle.length);
        }
        idle[(idleHead + idleCount) % idle.length] = h;
        idleCount++;
    }

    /** A network thread puts {@code r}; false when the queue is full and {@code from} must block. */
    boolean offer(Request r, Processor from) {
        if (idleCount > 0 && size == 0) {
            KafkaRequestHandler h = idle[idleHead];
            idle[idleHead] = null;
            idleHead = (idleHead + 1) % idle.length;
            idleCount--;
            h.take(r);
            return true;
        }
        if (size < queue.length) {
            queue[(head + size) % queue.length] = r;
            size++;
            queueLength.update(broker.now(), size);
            return true;
        }
        if (blockedCount == blockedProcessors.length) {
            Processor[] np = new Processor[blockedCount * 2];
            Request[] nr = new Request[blockedCount * 2];
            for (int i = 0; i < blockedCount; i++) {
                int s = (blockedHead + i) % blockedProcessors.length;
                np[i] = blockedProcessors[s];
                nr[i] = blockedRequests[s];
            }
            blockedProcessors = np;
            blockedRequests = nr;
            blockedHead = 0;
        }
        int s = (blockedHead + blockedCount) % blockedProcessors.length;
        blockedProcessors[s] = from;
        blockedRequests[s] = r;
        blockedCount++;
        return false;
    }

    /** A handler takes the next request, or null when none is queued. */
    Request poll() {
        if (size == 0) {
            return null;
        }
        Request r = queue[head];
        queue[head] = null;
        head = (head + 1) % queue.length;
        size--;
        if (blockedCount > 0) {
            int s = blockedHead;
            Processor p = blockedProcessors[s];
            Request br = blockedRequests[s];
            blockedProcessors[s] = null;
            blockedRequests[s] = null;
            blockedHead = (blockedHead + 1) % blockedProcessors.length;
            blockedCount--;
            queue[(head + size) % queue.length] = br;
            size++;
            p.unblocked(broker.now());
        }
        queueLength.update(broker.now(), size);
        return r;
    }

    int size() {
        return size;
    }

    int blockedNetworkThreads() {
        return blockedCount;
    }
}
