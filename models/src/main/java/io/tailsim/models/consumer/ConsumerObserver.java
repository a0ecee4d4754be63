package io.tailsim.models.consumer;

import io.tailsim.models.producer.ProducerBatch;

/** Hooks on what consumers hand to their applications (invariant checks, time series). */
public interface ConsumerObserver {
    /**
     * poll() returned records {@code from} (inclusive) to {@code to} (exclusive) of batch {@code b}
     * at {@code now}; the fetch that carried them was sent at {@code fetchSentAt}.
     */
    void recordsDelivered(KafkaConsumer c, ProducerBatch b, int from, int to, long fetchSentAt, long now);
}
