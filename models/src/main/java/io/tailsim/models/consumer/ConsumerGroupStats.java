package io.tailsim.models.consumer;

/** Counters of one consumer group since the last reset (warm-up end). */
public final class ConsumerGroupStats {
    public long recordsConsumed;
    public long fetchRequests;
    public long polls;
    public long offsetCommits;
    /** Commits answered with an error or expired unsent (request.timeout.ms). */
    public long offsetCommitsFailed;
    public long heartbeats;
    public long metadataRequests;
    public long rebalances;

    public void reset() {
        recordsConsumed = 0;
        fetchRequests = 0;
        polls = 0;
        offsetCommits = 0;
        offsetCommitsFailed = 0;
        heartbeats = 0;
        metadataRequests = 0;
        rebalances = 0;
    }
}
