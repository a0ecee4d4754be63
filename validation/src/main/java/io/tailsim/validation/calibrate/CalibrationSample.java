package io.tailsim.validation.calibrate;

import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.metrics.LatencySummary;

import java.util.Map;

/**
 * One calibration run reduced to what the fits use: counts over the measured window (requests by type, partitions appended
 * and read, KiB, records) and CPU seconds by where they were spent.
 *
 * @param extraPartitionAppends partitions appended beyond one per produce request (TotalProduceRequestsPerSec less RequestsPerSec)
 * @param partitionReads        partitions read by all fetches, fetch sessions included (TotalFetchRequestsPerSec)
 * @param handlerSideCpu        broker CPU outside network and replica-fetcher threads: request handlers, GC, JIT, other threads
 * @param handlerCpu            the request handler threads' own CPU (JMX thread CPU times)
 * @param offPathCpu            broker CPU on no request's path: the process less its network, handler and fetcher threads
 *                              (GC, JIT, the kernel's work for the process, KRaft and other Java threads)
 * @param behind                the run did not carry its offered load (under 95% of the records it should have sent in the
 *                              window were acknowledged, or sends failed): its CPU is capped by the machine, not what its load
 *                              costs. A run that saturated the cores but carried its load used exactly the CPU that load costs.
 * @param sendLagMedianMs       how late the driver's sending thread woke for a record's intended time, median and mean: the
 *                              OS scheduler's wake-up latency on this loaded machine
 */
public record CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                                double extraPartitionAppends, double partitionReads, double kibIn, double replicationKibIn,
                                double recordsSent, double recordsConsumed,
                                double brokerCpu, double networkCpu, double fetcherCpu, double handlerSideCpu, double driverCpu,
                                long gcCollections, long gcTimeMs, int brokers, boolean flagged,
                                double handlerCpu, double offPathCpu, boolean behind,
                                long sendLagCount, double sendLagMedianMs, double sendLagMeanMs) {

    public static CalibrationSample of(String name, MeasuredRun r) {
        double w = r.windowSeconds();
        Map<String, Double> rate = r.requestsPerSec();
        Map<String, Double> meters = r.brokerTopicMetersPerSec();
        Map<String, Double> threads = r.brokerThreadCpuCores();
        if (!threads.containsKey("network") || !threads.containsKey("replicaFetcher"))
            throw new IllegalArgumentException("run " + name + " has no per-thread broker CPU (JMX thread CPU times); it cannot be used to calibrate");
        double produce = rate.getOrDefault("Produce", 0.0) * w;
        double brokers = r.brokerCpuCores().values().stream().mapToDouble(Double::doubleValue).sum() * w;
        double network = threads.get("network") * w;
        double fetcher = threads.get("replicaFetcher") * w;
        double handler = threads.getOrDefault("requestHandler", 0.0) * w;
        LatencySummary lag = r.driverSendLagMs();
        return new CalibrationSample(name, w, produce, rate.getOrDefault("FetchFollower", 0.0) * w, rate.getOrDefault("FetchConsumer", 0.0) * w,
                Math.max(0, meters.getOrDefault("TotalProduceRequestsPerSec", 0.0) * w - produce),
                meters.getOrDefault("TotalFetchRequestsPerSec", 0.0) * w,
                meters.getOrDefault("BytesInPerSec", 0.0) * w / 1024, meters.getOrDefault("ReplicationBytesInPerSec", 0.0) * w / 1024,
                r.sentInWindow(), r.consumedInWindow(),
                brokers, network, fetcher, brokers - network - fetcher, r.driverCpuCores() * w,
                r.brokerGcCollections(), r.brokerGcTimeMs(), r.brokers(), r.otherCpuFlagged(),
                handler, Math.max(0, brokers - network - fetcher - handler),
                r.failedSends() > 0 || r.ackedInWindow() < 0.95 * r.offeredRecordsPerSec() * w,
                lag.count(), lag.p50() == null ? Double.NaN : lag.p50(), lag.mean() == null ? Double.NaN : lag.mean());
    }

    /** Fit to: neither spoiled by other processes nor behind its offered load. */
    public boolean usable() {
        return !flagged && !behind;
    }

    public double requests() {
        return produce + fetchFollower + fetchConsumer;
    }
}
