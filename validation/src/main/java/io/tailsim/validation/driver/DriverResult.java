package io.tailsim.validation.driver;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * What the driver measured. Counts are of records whose intended send time fell in the window.
 *
 * @param producerLatencyByTopicUs the producer latencies again, by topic (likewise end-to-end)
 * @param ackedBytesInWindow key and value bytes of the acknowledged window records
 * @param sendLagUs        how far behind its intended time each window record's send() was called
 * @param expectedConsumed acknowledged window records times the consumer groups reading their topic
 * @param failedSends      sends that failed, whenever their record was intended (a record stuck since the warm-up counts)
 * @param failedInWindow   sends of window records that failed
 * @param clampedValues    latencies beyond the histograms' 1 h range, recorded as 1 h
 */
public record DriverResult(Histogram producerLatencyUs, Histogram endToEndLatencyUs, Histogram sendLagUs,
                           Map<String, Histogram> producerLatencyByTopicUs, Map<String, Histogram> endToEndLatencyByTopicUs,
                           long sentInWindow, long ackedInWindow, long ackedBytesInWindow,
                           long failedSends, String firstSendError, long consumedInWindow, long expectedConsumed,
                           long clampedValues, int producers, int consumers, Schedule schedule, long failedInWindow) {
}
