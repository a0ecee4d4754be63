package io.tailsim.models.replication;

/**
 * The thread on which a delayed operation completes: in Kafka, the request handler thread whose
 * work raised a log end offset or the high watermark (it runs the purgatory actions queued for it
 * after the request), or the purgatory's expiration reaper. The sink pays the completion's CPU work
 * and then hands the response to the network thread.
 */
public interface CompletionSink {
    /** {@code op} is complete; {@code workNanos} of CPU is due on this thread before its response. */
    void completed(Completable op, double workNanos);

    /** A delayed operation whose response is due once the completing thread has done its work. */
    interface Completable {
        /**
         * Called once the completing thread has finished the work that completed this operation
         * (so a fetch reads every append of the request that woke it); returns extra CPU work.
         */
        default double prepare() {
            return 0;
        }

        void respond(long now);
    }
}
