package io.tailsim.models.report;

import java.util.Map;

/**
 * One broker over the measured window.
 *
 * @param cpuUtilisation           busy cores / cores of the broker's host (shared by all brokers on it)
 * @param networkThreadUtilisation fraction of network-thread time busy (1 - NetworkProcessorAvgIdlePercent)
 * @param handlerThreadUtilisation fraction of request-handler time busy (1 - RequestHandlerAvgIdlePercent)
 * @param requestRates             requests per second arriving, by request type ("Produce", "FetchFollower", ...)
 * @param meanTimingsMs            mean request metric in ms, by request type then metric name (RequestQueueTimeMs ...)
 * @param nicTxUtilisation         fraction of time the host NIC transmitted
 * @param diskUtilisation          fraction of time the disk wrote back dirty pages
 * @param threadWakeupsPerSec      times per second a thread of each class ("network", "requestHandler",
 *                                 "replicaFetcher") was handed work while asleep: what Linux counts as the voluntary
 *                                 context switches before those wake-ups
 * @param cpuPressureSome          share of the window in which a runnable thread on the broker's host waited for a core
 *                                 (Linux's CPU pressure "some"; HostCpu.pressureSome)
 * @param threadRunQueueWaitCores  seconds per second the broker's threads of each class spent runnable and waiting for a
 *                                 core, summed over the class's threads (Linux schedstat's run-queue wait); NaN where the
 *                                 host shares its cores by processor sharing
 * @param threadPreemptionsPerSec  times per second a thread of each class was taken off a core with work left (Linux's
 *                                 nonvoluntary context switches); NaN where the host shares its cores by processor sharing
 * @param threadCpuCores           CPU of the broker's threads of each class, cores (their JMX thread CPU times per second)
 * @param gcPausesPerSec           stop-the-world GC pauses the broker began per second (NaN without a window)
 * @param gcPauseMsMean            mean length of the pauses that ended in the window, ms (NaN if none did)
 */
public record BrokerResult(
        String name,
        double cpuUtilisation,
        double networkThreadUtilisation,
        double handlerThreadUtilisation,
        double replicaFetcherUtilisation,
        Map<String, Double> requestRates,
        Map<String, Map<String, Double>> meanTimingsMs,
        double meanRequestQueueLength,
        double nicTxUtilisation,
        double nicRxUtilisation,
        double diskUtilisation,
        double produceMBpsIn,
        double fetchMBpsOut,
        Map<String, Double> threadWakeupsPerSec,
        double cpuPressureSome,
        Map<String, Double> threadRunQueueWaitCores,
        Map<String, Double> threadPreemptionsPerSec,
        Map<String, Double> threadCpuCores,
        double gcPausesPerSec,
        double gcPauseMsMean) {

    public BrokerResult {
        threadCpuCores = threadCpuCores == null ? Map.of() : Map.copyOf(threadCpuCores);
        threadPreemptionsPerSec = threadPreemptionsPerSec == null ? Map.of() : Map.copyOf(threadPreemptionsPerSec);
        threadWakeupsPerSec = threadWakeupsPerSec == null ? Map.of() : Map.copyOf(threadWakeupsPerSec);
        threadRunQueueWaitCores = threadRunQueueWaitCores == null ? Map.of() : Map.copyOf(threadRunQueueWaitCores);
    }

    /** Without thread wake-up counts. */
    public BrokerResult(String name, double cpuUtilisation, double networkThreadUtilisation,
                        double handlerThreadUtilisation, double replicaFetcherUtilisation,
                        Map<String, Double> requestRates, Map<String, Map<String, Double>> meanTimingsMs,
                        double meanRequestQueueLength, double nicTxUtilisation, double nicRxUtilisation,
                        double diskUtilisation, double produceMBpsIn, double fetchMBpsOut) {
        this(name, cpuUtilisation, networkThreadUtilisation, handlerThreadUtilisation, replicaFetcherUtilisation,
                requestRates, meanTimingsMs, meanRequestQueueLength, nicTxUtilisation, nicRxUtilisation,
                diskUtilisation, produceMBpsIn, fetchMBpsOut, Map.of(), Double.NaN, Map.of(), Map.of(), Map.of(), Double.NaN, Double.NaN);
    }

    public double requestRate(String type) {
        return requestRates.getOrDefault(type, 0.0);
    }
}
