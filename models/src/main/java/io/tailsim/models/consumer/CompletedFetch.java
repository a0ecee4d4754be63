package io.tailsim.models.consumer;

import io.tailsim.models.storage.RecordBatch;

/**
 * One partition's data from a fetch response, waiting in the consumer's fetch buffer
 * (internals/CompletedFetch): the batches read, the next record to hand out, and when the fetch
 * that carried them was sent (where the record's fetch time starts, unless it was committed later).
 */
final class CompletedFetch {
    final TopicPartitionState state;
    final RecordBatch[] batches;
    final long fetchSentAt;
    int batchIdx;
    int recordIdx;

    CompletedFetch(TopicPartitionState state, RecordBatch[] batches, int firstRecord, long fetchSentAt) {
        this.state = state;
        this.batches = batches;
        this.recordIdx = firstRecord;
        this.fetchSentAt = fetchSentAt;
    }

    boolean isConsumed() {
        return batchIdx == batches.length;
    }
}
