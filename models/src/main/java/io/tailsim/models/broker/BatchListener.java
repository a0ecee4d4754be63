package io.tailsim.models.broker;

import io.tailsim.models.replication.Partition;
import io.tailsim.models.storage.RecordBatch;

/** Observes log appends on leaders and followers (invariant checks, traces). */
public interface BatchListener {
    void leaderAppended(Partition p, RecordBatch b, long now);

    /** Follower replica {@code r} of {@code p} now holds records up to {@code newLeo}. */
    void followerAppended(Partition p, int r, long newLeo, long now);
}
