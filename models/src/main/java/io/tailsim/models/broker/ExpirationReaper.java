package io.tailsim.models.broker;

import io.tailsim.models.replication.CompletionSink;

/**
 * The purgatories' expiration reaper thread (DelayedOperationPurgatory.ExpiredOperationReaper),
 * also standing in for the scheduler thread that shrinks the ISR: completes operations whose
 * timeout passed, paying their CPU on the broker, one batch of completions at a time.
 */
final class ExpirationReaper extends CompletingThread {
    private final Broker broker;
    private boolean running;

    ExpirationReaper(Broker broker, int cpuGroup) {
        super(cpuGroup);
        this.broker = broker;
    }

    /** Completes {@code op} now (a timeout) with {@code work} of CPU before its response. */
    void expire(CompletionSink.Completable op, double work) {
        completed(op, work);
        kick();
    }

    /** Starts paying for completions gathered by a direct call on this sink. */
    void kick() {
        if (!running && hasCompletions()) {
            running = true;
            broker.cpu().submit(this, takeCompletionWork());
        }
    }

    @Override
    protected void cpuDone(long now) {
        respondCompleted(now);
        running = false;
        kick();
    }
}
