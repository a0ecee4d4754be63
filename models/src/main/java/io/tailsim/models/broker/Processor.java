package io.tailsim.models.broker;

import io.tailsim.models.cpu.CpuJob;

/**
 * A network thread (SocketServer.Processor): reads requests from its connections and writes
 * responses, one task at a time on the broker's CPU, in arrival order. After reading a request it
 * puts it on the request queue; when the queue is full the put blocks, and the whole thread with
 * it (no reads, no response writes) until a handler makes room. After writing a response it
 * unmutes the connection so the next request in its socket can be read.
 *
 * <p>Left out: the Processor loop's exact order within an iteration (responses first, then
 * selector reads); a FIFO of tasks keeps the same work and thread occupancy.
 */
final class Processor extends CpuJob {
    private final Broker broker;
    final String name;
    private Request[] ring = new Request[16];
    private int head;
    private int size;
    private Request current;
    private boolean blocked;
    private final BusyCounter busy;

    Processor(Broker broker, String name, int cpuGroup, BusyCounter busy) {
        super(cpuGroup);
        this.broker = broker;
        this.name = name;
        this.busy = busy;
    }

    void enqueueRead(Request r) {
        r.sendTask = false;
        push(r);
    }

    void enqueueResponse(Request r, long now) {
        r.responseReadyAt = now;
        r.sendTask = true;
        push(r);
    }

    /** Tasks waiting for this thread (requests to read, responses to write). */
    int queued() {
        return size;
    }

    private void push(Request r) {
        if (size == ring.length) {
            Request[] n = new Request[ring.length * 2];
            for (int i = 0; i < size; i++) {
                n[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = n;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = r;
        size++;
        if (current == null && !blocked) {
            startNext();
        }
    }

    private void startNext() {
        long now = broker.now();
        if (size == 0) {
            if (current != null || blocked) {
                throw new IllegalStateException(name + " idles while busy");
            }
            return;
        }
        Request r = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        current = r;
        busy.busy(now);
        double work;
        if (r.sendTask) {
            r.responseDequeuedAt = now;
            work = broker.responseSendCost(r);
        } else {
            work = broker.requestReadCost(r);
        }
        broker.cpu().submit(this, work);
    }

    /**
     * Kafka stamps a response's dequeue (the end of ResponseQueueTimeMs) when the network thread, running, takes it from
     * its response queue: the thread's wake-up and wait for a core are queue time, not send time.
     */
    @Override
    protected void started(long now) {
        if (current != null && current.sendTask) {
            current.responseDequeuedAt = now;
        }
    }

    @Override
    protected void cpuDone(long now) {
        Request r = current;
        if (!r.sendTask) {
            r.receivedAt = now;
            if (!broker.channel().offer(r, this)) {
                blocked = true;
                return;
            }
        } else {
            broker.completeSend(r, now);
        }
        finishTask(now);
    }

    /** The request queue took the request this thread was blocked on. */
    void unblocked(long now) {
        blocked = false;
        finishTask(now);
    }

    private void finishTask(long now) {
        current = null;
        busy.idle(now);
        startNext();
    }
}
