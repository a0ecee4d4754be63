package io.tailsim.models.broker;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;

/**
 * A request handler (I/O) thread (KafkaRequestHandler): takes the next request from the request
 * queue and handles it on the broker's CPU (KafkaApis), waits out any page-cache write stall,
 * applies the result (appends, fetch offsets, reads), hands an immediate response to the network
 * thread, then runs the purgatory completions its work triggered (ReplicaManager's action queue:
 * completing a DelayedProduce when a follower fetch raised the high watermark, a DelayedFetch when
 * a produce raised a log end offset) before taking the next request.
 */
final class KafkaRequestHandler extends CompletingThread {
    private static final int IDLE = 0;
    private static final int LOCAL = 1;
    private static final int STALLED = 2;
    private static final int COMPLETING = 3;
    private static final int FINISHING = 4;
    /**
     * What handle() still runs after the completions' responses have gone to the network threads (the action queue's
     * return, the local-completion stamp, the loop back to the request queue), ns of one core.
     */
    static final double FINISH_NANOS = 1_000;

    private final Broker broker;
    final String name;
    private final BusyCounter busy;
    private Request current;
    private int phase = IDLE;
    private final StallTimer stallTimer = new StallTimer();

    KafkaRequestHandler(Broker broker, String name, int cpuGroup, BusyCounter busy) {
        super(cpuGroup);
        this.broker = broker;
        this.name = name;
        this.busy = busy;
    }

    void take(Request r) {
        if (phase != IDLE) {
            throw new IllegalStateException(name + " took a request while busy");
        }
        long now = broker.now();
        current = r;
        r.dequeuedAt = now;
        phase = LOCAL;
        busy.busy(now);
        double work = broker.localCost(r);
        broker.leaveBackgroundWork(r);
        broker.cpu().submit(this, work);
    }

    /**
     * Kafka stamps the dequeue (the end of RequestQueueTimeMs, the start of LocalTimeMs) on the handler thread once it
     * runs, so its wake-up and its wait for a core count as queue time.
     */
    @Override
    protected void started(long now) {
        if (phase == LOCAL && current != null) {
            current.dequeuedAt = now;
        }
    }

    @Override
    protected void cpuDone(long now) {
        if (phase == LOCAL) {
            long stall = broker.pageCacheStall(current);
            if (stall > 0) {
                phase = STALLED;
                broker.simulator().schedule(stallTimer, stall);
                return;
            }
            handleLocal(now);
        } else if (phase == COMPLETING) {
            respondCompleted(now);
            if (broker.cpu().timeSliced()) {
                // each response woke its network thread from inside handle(), so a network thread that preempts this
                // handler at its wake-up holds the request's local completion until the handler runs again
                phase = FINISHING;
                broker.cpu().submit(this, FINISH_NANOS);
                return;
            }
            endLocal(now);
            next(now);
        } else if (phase == FINISHING) {
            endLocal(now);
            next(now);
        } else {
            throw new IllegalStateException(name + ": CPU done in phase " + phase);
        }
    }

    private void handleLocal(long now) {
        Request r = current;
        broker.handle(r, this, now);
        if (hasCompletions()) {
            phase = COMPLETING;
            broker.cpu().submit(this, takeCompletionWork());
        } else {
            endLocal(now);
            next(now);
        }
    }

    /**
     * KafkaApis.handle runs the action queue (the completions above) before it stamps the local completion of a
     * request whose response was not sent while it was handled (acks=all produce, a parked fetch): their
     * LocalTimeMs holds the completions their appends and offsets triggered.
     */
    private void endLocal(long now) {
        if (current.localDoneAt < 0) {
            current.localDoneAt = now;
        }
    }

    private void next(long now) {
        current = null;
        phase = IDLE;
        busy.idle(now);
        Request r = broker.channel().poll();
        if (r != null) {
            take(r);
        } else {
            broker.channel().handlerIdle(this);
        }
    }

    private final class StallTimer extends Event {
        @Override
        public void fire(Simulator sim) {
            handleLocal(sim.now());
        }

        @Override
        public String label() {
            return name + "/page-cache-stall";
        }
    }
}
