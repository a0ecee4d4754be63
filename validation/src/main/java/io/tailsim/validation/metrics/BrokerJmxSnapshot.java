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
 * @param topicMeterCounts  BrokerTopicMetrics meter Counts by name (BytesInPerSec, TotalProduceRequestsPerSec, ...)
 * @param threadCpuNanos    CPU time of the JVM's live threads summed by {@link ThreadClass} name
 * @param threadSwitches    native thread id to class and context switches since start of the same Java threads (from
 *                          {@link ThreadSwitches}); empty when the broker's process id is unknown or /proc absent
 * @param compilerTicks     native thread id to CPU clock ticks since start of the JVM's JIT compiler threads
 *                          ({@link CompilerThreads}); empty likewise
 * @param gcWorkers         native thread id to run and run-queue wait since start of the JVM's parallel GC workers
 *                          ({@link GcWorkerThreads}); empty likewise
 */
public record BrokerJmxSnapshot(int nodeId, long nanoTime, Map<String, HistogramSample> requestTimes, Map<String, Long> requestCounts,
                                Long handlerIdleNanos, long gcCount, long gcTimeMs, Map<String, Long> topicMeterCounts,
                                Map<String, Long> threadCpuNanos, Map<Long, ThreadSwitches.Sample> threadSwitches,
                                Map<Long, Long> compilerTicks, Map<Long, GcWorkerThreads.Sample> gcWorkers) {
    public BrokerJmxSnapshot {
        gcWorkers = gcWorkers == null ? Map.of() : Map.copyOf(gcWorkers);
        compilerTicks = compilerTicks == null ? Map.of() : Map.copyOf(compilerTicks);
        topicMeterCounts = topicMeterCounts == null ? Map.of() : Map.copyOf(topicMeterCounts);
        threadCpuNanos = threadCpuNanos == null ? Map.of() : Map.copyOf(threadCpuNanos);
        threadSwitches = threadSwitches == null ? Map.of() : Map.copyOf(threadSwitches);
    }

    /** Without compiler threads' CPU. */
    public BrokerJmxSnapshot(int nodeId, long nanoTime, Map<String, HistogramSample> requestTimes, Map<String, Long> requestCounts,
                             Long handlerIdleNanos, long gcCount, long gcTimeMs, Map<String, Long> topicMeterCounts,
                             Map<String, Long> threadCpuNanos, Map<Long, ThreadSwitches.Sample> threadSwitches) {
        this(nodeId, nanoTime, requestTimes, requestCounts, handlerIdleNanos, gcCount, gcTimeMs, topicMeterCounts, threadCpuNanos,
                threadSwitches, Map.of(), Map.of());
    }
}
