package io.tailsim.models.report;

/**
 * A producer group over the measured window.
 *
 * @param recordsPerBatch          mean records per batch drained
 * @param batchesPerRequest        mean batches per produce request
 * @param produceRequestRate       produce requests per second, whole group
 * @param inFlightBlockedRatio     time a producer had a sendable broker held back by
 *                                 max.in.flight.requests.per.connection, per producer and second (summed over brokers)
 * @param bufferPoolWaitRatio      fraction of time the application thread was blocked on buffer.memory
 *                                 (the client's bufferpool-wait-ratio)
 * @param flushRatio               fraction of time the application thread spent in flush() (Trogdor throttle)
 * @param clientCpuUtilisation     mean CPU utilisation of the group's client machines, NaN when not priced
 * @param senderWakeupsPerSec      times the group's Sender threads woke from their selectors, per second, whole group
 * @param senderCpuCores           the group's Sender threads' work (client-per-wakeup, -per-request, -per-response), cores
 */
public record ProducerGroupResult(
        String name,
        int producers,
        long recordsSent,
        double recordsPerBatch,
        double batchesPerRequest,
        double produceRequestRate,
        double metadataRequestRate,
        double inFlightBlockedRatio,
        double bufferPoolWaitRatio,
        double flushRatio,
        double clientCpuUtilisation,
        double senderWakeupsPerSec,
        double senderCpuCores) {
}
