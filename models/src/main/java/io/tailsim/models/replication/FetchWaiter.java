package io.tailsim.models.replication;

/** A parked fetch (DelayedFetch) on a session, woken when one of the session's partitions gains data. */
public interface FetchWaiter {
    void dataArrived(FetchSession session, long now, CompletionSink sink);
}
