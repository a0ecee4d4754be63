package io.tailsim.models.broker;

import io.tailsim.models.replication.CompletionSink;
import io.tailsim.models.replication.ProduceWaiter;

/**
 * An acks=all produce parked in the produce purgatory (DelayedProduce) until the high watermark of
 * every partition in the request passes the request's last offset there, or until the request's
 * timeout (request.timeout.ms) expires and it is answered with REQUEST_TIMED_OUT. Offset commits
 * wait here too: the group coordinator appends them to __consumer_offsets with acks=all
 * (offsets.commit.required.acks -1) and answers once they are committed. The timeout is kept by
 * the broker's {@link PurgatoryTimeouts}, not by an event of its own.
 */
final class DelayedProduce implements ProduceWaiter, CompletionSink.Completable, PurgatoryTimeouts.Expirable {
    private final Broker broker;
    private final Request request;
    private int pending;
    private boolean done;

    DelayedProduce(Broker broker, Request request) {
        this.broker = broker;
        this.request = request;
    }

    void addPending() {
        pending++;
    }

    int pending() {
        return pending;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void partitionSatisfied(long now, CompletionSink sink) {
        if (--pending == 0) {
            done = true;
            broker.delayedProduceCompleted();
            sink.completed(this, broker.purgatoryCompleteCost());
        }
    }

    /** Timeout (called by {@link PurgatoryTimeouts} only while not done). */
    @Override
    public void expire() {
        done = true;
        request.timedOut = true;
        broker.delayedProduceCompleted();
        broker.reaper().expire(this, broker.purgatoryCompleteCost());
    }

    @Override
    public void respond(long now) {
        broker.sendResponse(request, now);
    }

    @Override
    public String toString() {
        return "DelayedProduce@" + broker.name();
    }
}
