package io.tailsim.models.broker;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.replication.CompletionSink;
import io.tailsim.models.replication.FetchSession;
import io.tailsim.models.replication.FetchWaiter;

/**
 * A fetch parked in the fetch purgatory (DelayedFetch) until its session's partitions hold at
 * least min bytes (follower: up to the log end offset; consumer: up to the high watermark) or its
 * max wait passes. Completion re-reads the data (DelayedFetch.onComplete -> readFromLog), walking
 * the session again, on the thread that completes it. One per fetch session, reused.
 */
final class DelayedFetch extends Event implements FetchWaiter, CompletionSink.Completable {
    private final Broker broker;
    private FetchRequest request;

    DelayedFetch(Broker broker) {
        this.broker = broker;
    }

    void park(FetchRequest r) {
        this.request = r;
        r.session.setWaiter(this);
        broker.simulator().schedule(this, r.maxWaitNanos);
        broker.delayedFetchParked(r);
    }

    @Override
    public void dataArrived(FetchSession session, long now, CompletionSink sink) {
        FetchRequest r = request;
        // any new batch holds at least one byte: only a larger min bytes needs the sum
        if (r.minBytes > 1 && session.availableBytes(r.maxPartitionBytes) < r.minBytes) {
            return;
        }
        broker.simulator().cancel(this);
        unpark(r);
        sink.completed(this, broker.purgatoryCompleteCost());
    }

    /** Max wait passed: the reaper completes it with whatever is there. */
    @Override
    public void fire(Simulator sim) {
        unpark(request);
        broker.reaper().expire(this, broker.purgatoryCompleteCost());
    }

    private void unpark(FetchRequest r) {
        r.session.setWaiter(null);
        broker.delayedFetchUnparked(r);
    }

    /** Reads the data now that the completing thread's own work (all its appends) is done. */
    @Override
    public double prepare() {
        FetchRequest r = request;
        r.session.read(r.maxPartitionBytes, r.maxResponseBytes);
        r.takeResponse();
        broker.addFetchBytesOut(r.responseRecordBytes());
        return broker.fetchReadCost(r);
    }

    @Override
    public void respond(long now) {
        FetchRequest r = request;
        request = null;
        broker.sendResponse(r, now);
    }

    @Override
    public String label() {
        return "DelayedFetch@" + broker.name();
    }
}
