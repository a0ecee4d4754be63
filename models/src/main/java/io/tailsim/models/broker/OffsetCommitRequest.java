package io.tailsim.models.broker;

import io.tailsim.models.replication.Partition;
import io.tailsim.models.storage.RecordBatch;

/**
 * An OffsetCommit to a consumer group's coordinator: the group's offsets as one batch of records
 * (one per topic partition committed) appended to the group's __consumer_offsets partition, which
 * the coordinator leads. The coordinator answers once the batch is committed (acks=all,
 * offsets.commit.required.acks -1) or after offsets.commit.timeout.ms.
 */
public final class OffsetCommitRequest extends Request {
    public static final int REQUEST_OVERHEAD = 90;
    /** Per topic partition committed: partition index, offset, leader epoch, metadata. */
    public static final int PER_PARTITION_REQUEST = 24;
    public static final int RESPONSE_OVERHEAD = 40;
    public static final int PER_PARTITION_RESPONSE = 8;

    final Partition offsetsPartition;
    final RecordBatch batch;
    final long timeoutNanos;

    /** {@code batch} holds one record per topic partition committed. */
    public OffsetCommitRequest(Partition offsetsPartition, RecordBatch batch, long timeoutNanos) {
        super(ApiKey.OFFSET_COMMIT);
        this.offsetsPartition = offsetsPartition;
        this.batch = batch;
        this.timeoutNanos = timeoutNanos;
        this.requestBytes = REQUEST_OVERHEAD + PER_PARTITION_REQUEST * batch.recordCount();
        this.responseBytes = RESPONSE_OVERHEAD + PER_PARTITION_RESPONSE * batch.recordCount();
    }

    public RecordBatch batch() {
        return batch;
    }

    public Partition offsetsPartition() {
        return offsetsPartition;
    }
}
