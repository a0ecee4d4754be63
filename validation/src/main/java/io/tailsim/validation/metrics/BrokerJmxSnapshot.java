package io.tailsim.validation.metrics;

import java.util.Map;

/**
 * One broker's cumulative counters at one instant.
 *
 * @param requestTimes      "REQUEST.NAME" (for example "Produce.RemoteTimeMs") to that histogram's count and mean
 * @param requestCounts     REQUEST to RequestsPerSec Count summed over API versions
 * @param handlerIdleNanos  BrokerRequestHandlerAvgIdlePercent Count: idle nanoseconds of the broker's request handler pool,
 *                          each thread's divided by the pool size, so its rate is the pool's idle fraction; null if absent
 * @param gcCount           collections over all of the JVM's collectors
 * @param gcTimeMs          their accumulated time
 */
public record BrokerJmxSnapshot(int nodeId, long nanoTime, Map<String, HistogramSample> requestTimes, Map<String, Long> requestCounts,
                                Long handlerIdleNanos, long gcCount, long gcTimeMs) {
}
