package io.tailsim.models.producer;

/**
 * Hooks on a producer's batches. {@link #batchAcked} is called for every batch (invariant checks);
 * the other calls only for traced batches (those holding a sampled record), for per-record timelines.
 */
public interface ProducerObserver {
    default void batchAcked(ProducerBatch b, long now) {
    }

    /** A sampled record was handed to send() and joined batch {@code b}: producer-wide record index. */
    default void recordSent(KafkaProducer p, ProducerBatch b, long recordIndex, long now) {
    }

    default void batchSent(ProducerBatch b, long now) {
    }

    default void batchAppended(ProducerBatch b, long now) {
    }

    default void batchCommitted(ProducerBatch b, long now) {
    }
}
