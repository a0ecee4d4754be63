package io.tailsim.models.replication;

/** A parked produce (DelayedProduce) waiting for a partition's high watermark to pass an offset. */
public interface ProduceWaiter {
    /** The high watermark of one of its partitions has passed the required offset. */
    void partitionSatisfied(long now, CompletionSink sink);

    /** Already completed or expired: the partition drops it lazily. */
    boolean isDone();
}
