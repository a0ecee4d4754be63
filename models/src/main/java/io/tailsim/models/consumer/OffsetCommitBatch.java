package io.tailsim.models.consumer;

import io.tailsim.models.producer.RecordSizes;
import io.tailsim.models.storage.RecordBatch;

/**
 * The records an offset commit appends to __consumer_offsets: one per topic partition committed
 * (key: group, topic, partition; value: offset, leader epoch, metadata, commit timestamp).
 */
final class OffsetCommitBatch extends RecordBatch {
    /** Per record beyond the group and topic names: the key's and value's fixed fields and record framing. */
    static final int RECORD_OVERHEAD = 40;

    private final int records;

    OffsetCommitBatch(int records, String group, String topic) {
        this.records = records;
        this.sizeInBytes = RecordSizes.BATCH_HEADER + records * (RECORD_OVERHEAD + group.length() + topic.length());
    }

    @Override
    public int recordCount() {
        return records;
    }

    @Override
    public String toString() {
        return "OffsetCommitBatch[" + records + " offsets" + (isAppended() ? ", offset " + baseOffset() : "") + "]";
    }
}
