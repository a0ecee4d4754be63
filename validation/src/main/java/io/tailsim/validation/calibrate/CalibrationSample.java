package io.tailsim.validation.calibrate;

import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.metrics.LatencySummary;
import io.tailsim.validation.metrics.MachineSpeed;

import java.util.Map;

/**
 * One calibration run reduced to what the fits use: counts over the measured window (requests by type, partitions read,
 * records) and CPU seconds by where they were spent.
 *
 * @param partitionReads  partitions read by all fetches, fetch sessions included (TotalFetchRequestsPerSec)
 * @param brokerCpu       all broker processes' CPU
 * @param networkCpu      their network threads' CPU; {@code fetcherCpu} and {@code handlerCpu} likewise (JMX thread CPU times)
 * @param offPathCpu      broker CPU on no request's path: the processes less their network, handler and fetcher threads
 *                        and, when measured apart ({@code jitCpu}), their JIT compiler threads (GC, the kernel's work for
 *                        the process, KRaft and other Java threads)
 * @param behind          the run did not carry its offered load (under 95% of the records it should have sent in the window
 *                        were acknowledged, or sends failed): its CPU is capped by the machine, not what its load costs. A run
 *                        that saturated the cores but carried its load used exactly the CPU that load costs.
 * @param sendLagMedianMs how late the driver's sending thread woke for a record's intended time, median and mean: the OS
 *                        scheduler's wake-up latency on this loaded machine
 * @param machineSpeed    one core's speed right before and after the run (MachineSpeed), not used by the fits
 * @param networkWakeups  times the brokers' network threads went to sleep in the window (voluntary context switches), each
 *                        followed by a wake-up; {@code handlerWakeups} likewise for the request handlers; NaN for runs
 *                        measured before the harness counted them
 * @param jitCpu          the brokers' JIT compiler threads' CPU (/proc); NaN for runs measured before the harness read it
 * @param driverJitCpu    the driver JVM's JIT compiler threads' CPU, taken out of {@code driverCpu}; NaN likewise
 * @param sendLagQuantilesMs the send lag at 0%, 1%, ..., 100% (ms); null likewise
 * @param senderCpu       the driver's producer Sender threads' CPU (/proc, {@code DriverThreads}), part of {@code driverCpu};
 *                        NaN for runs measured before the harness read it (2026-12-06)
 * @param senderWakeups   the times those threads woke in the window (their voluntary context switches); NaN likewise
 * @param clientThreadsCpu the driver's client threads' CPU: its Sender threads, the threads calling send() and its
 *                        consumers' threads, without the harness's own threads (its runner, the calibration probes, /proc
 *                        and JMX sampling), GC and JIT; NaN likewise
 * @param consumerCpu     the driver's consumer threads' CPU (their poll threads, heartbeat and background threads), part
 *                        of {@code clientThreadsCpu}; NaN likewise
 * @param producerPartitions the partitions of each producer's topic, averaged over the run's producers: its Sender walks
 *                        them each time it wakes (ready() the deques of those written to, each drain every partition its
 *                        broker leads); 0 where not known
 * @param gcWorkerCpu     the brokers' parallel GC workers' CPU ({@code GcWorkerThreads}), part of {@code offPathCpu}: the
 *                        work of their stop-the-world pauses; NaN for runs measured before the harness read it (2026-12-07)
 * @param sendLagP999Ms   the send lag's 99.9th percentile (ms): with the values at 0%, 1%, ..., 100% it draws the top percent,
 *                        which those values alone span by a straight line from p99 to the single largest lag; NaN where not known
 */
public record CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                                double partitionReads, double recordsSent,
                                double brokerCpu, double networkCpu, double fetcherCpu, double handlerCpu, double offPathCpu,
                                double driverCpu, long gcCollections, long gcTimeMs, int brokers, boolean flagged, boolean behind,
                                long sendLagCount, double sendLagMedianMs, double sendLagMeanMs, MachineSpeed machineSpeed,
                                double networkWakeups, double handlerWakeups, double jitCpu, double driverJitCpu,
                                java.util.List<Double> sendLagQuantilesMs, double senderCpu, double senderWakeups,
                                double clientThreadsCpu, double consumerCpu, double producerPartitions, double gcWorkerCpu,
                                double sendLagP999Ms) {

    /** A run measured before the harness read the GC workers apart (nor, then, its send lag's p99.9 into the fits). */
    public CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                             double partitionReads, double recordsSent, double brokerCpu, double networkCpu, double fetcherCpu,
                             double handlerCpu, double offPathCpu, double driverCpu, long gcCollections, long gcTimeMs, int brokers,
                             boolean flagged, boolean behind, long sendLagCount, double sendLagMedianMs, double sendLagMeanMs,
                             MachineSpeed machineSpeed, double networkWakeups, double handlerWakeups, double jitCpu, double driverJitCpu,
                             java.util.List<Double> sendLagQuantilesMs, double senderCpu, double senderWakeups, double clientThreadsCpu,
                             double consumerCpu, double producerPartitions) {
        this(name, seconds, produce, fetchFollower, fetchConsumer, partitionReads, recordsSent, brokerCpu, networkCpu, fetcherCpu,
                handlerCpu, offPathCpu, driverCpu, gcCollections, gcTimeMs, brokers, flagged, behind, sendLagCount, sendLagMedianMs,
                sendLagMeanMs, machineSpeed, networkWakeups, handlerWakeups, jitCpu, driverJitCpu, sendLagQuantilesMs, senderCpu,
                senderWakeups, clientThreadsCpu, consumerCpu, producerPartitions, Double.NaN, Double.NaN);
    }

    /** A run whose producers' partitions are not known. */
    public CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                             double partitionReads, double recordsSent, double brokerCpu, double networkCpu, double fetcherCpu,
                             double handlerCpu, double offPathCpu, double driverCpu, long gcCollections, long gcTimeMs, int brokers,
                             boolean flagged, boolean behind, long sendLagCount, double sendLagMedianMs, double sendLagMeanMs,
                             MachineSpeed machineSpeed, double networkWakeups, double handlerWakeups, double jitCpu, double driverJitCpu,
                             java.util.List<Double> sendLagQuantilesMs, double senderCpu, double senderWakeups, double clientThreadsCpu,
                             double consumerCpu) {
        this(name, seconds, produce, fetchFollower, fetchConsumer, partitionReads, recordsSent, brokerCpu, networkCpu, fetcherCpu,
                handlerCpu, offPathCpu, driverCpu, gcCollections, gcTimeMs, brokers, flagged, behind, sendLagCount, sendLagMedianMs,
                sendLagMeanMs, machineSpeed, networkWakeups, handlerWakeups, jitCpu, driverJitCpu, sendLagQuantilesMs, senderCpu,
                senderWakeups, clientThreadsCpu, consumerCpu, 0);
    }

    /** A run measured before the harness read the consumer threads apart from the other client threads. */
    public CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                             double partitionReads, double recordsSent, double brokerCpu, double networkCpu, double fetcherCpu,
                             double handlerCpu, double offPathCpu, double driverCpu, long gcCollections, long gcTimeMs, int brokers,
                             boolean flagged, boolean behind, long sendLagCount, double sendLagMedianMs, double sendLagMeanMs,
                             MachineSpeed machineSpeed, double networkWakeups, double handlerWakeups, double jitCpu, double driverJitCpu,
                             java.util.List<Double> sendLagQuantilesMs, double senderCpu, double senderWakeups, double clientThreadsCpu) {
        this(name, seconds, produce, fetchFollower, fetchConsumer, partitionReads, recordsSent, brokerCpu, networkCpu, fetcherCpu,
                handlerCpu, offPathCpu, driverCpu, gcCollections, gcTimeMs, brokers, flagged, behind, sendLagCount, sendLagMedianMs,
                sendLagMeanMs, machineSpeed, networkWakeups, handlerWakeups, jitCpu, driverJitCpu, sendLagQuantilesMs, senderCpu,
                senderWakeups, clientThreadsCpu, Double.NaN);
    }

    /** A run measured before the harness read the driver's Sender threads apart. */
    public CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                             double partitionReads, double recordsSent, double brokerCpu, double networkCpu, double fetcherCpu,
                             double handlerCpu, double offPathCpu, double driverCpu, long gcCollections, long gcTimeMs, int brokers,
                             boolean flagged, boolean behind, long sendLagCount, double sendLagMedianMs, double sendLagMeanMs,
                             MachineSpeed machineSpeed, double networkWakeups, double handlerWakeups, double jitCpu, double driverJitCpu,
                             java.util.List<Double> sendLagQuantilesMs) {
        this(name, seconds, produce, fetchFollower, fetchConsumer, partitionReads, recordsSent, brokerCpu, networkCpu, fetcherCpu,
                handlerCpu, offPathCpu, driverCpu, gcCollections, gcTimeMs, brokers, flagged, behind, sendLagCount, sendLagMedianMs,
                sendLagMeanMs, machineSpeed, networkWakeups, handlerWakeups, jitCpu, driverJitCpu, sendLagQuantilesMs, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A run measured before the harness counted JIT threads and kept the send lag's whole distribution. */
    public CalibrationSample(String name, double seconds, double produce, double fetchFollower, double fetchConsumer,
                             double partitionReads, double recordsSent, double brokerCpu, double networkCpu, double fetcherCpu,
                             double handlerCpu, double offPathCpu, double driverCpu, long gcCollections, long gcTimeMs, int brokers,
                             boolean flagged, boolean behind, long sendLagCount, double sendLagMedianMs, double sendLagMeanMs,
                             MachineSpeed machineSpeed, double networkWakeups, double handlerWakeups) {
        this(name, seconds, produce, fetchFollower, fetchConsumer, partitionReads, recordsSent, brokerCpu, networkCpu, fetcherCpu,
                handlerCpu, offPathCpu, driverCpu, gcCollections, gcTimeMs, brokers, flagged, behind, sendLagCount, sendLagMedianMs,
                sendLagMeanMs, machineSpeed, networkWakeups, handlerWakeups, Double.NaN, Double.NaN, null);
    }

    public static CalibrationSample of(String name, MeasuredRun r) {
        return of(name, r, 0);
    }

    /** @param producerPartitions the partitions of each of the run's producers' topics, on average (0: not known) */
    public static CalibrationSample of(String name, MeasuredRun r, double producerPartitions) {
        double w = r.windowSeconds();
        Map<String, Double> rate = r.requestsPerSec();
        Map<String, Double> threads = r.brokerThreadCpuCores();
        if (!threads.containsKey("network") || !threads.containsKey("replicaFetcher"))
            throw new IllegalArgumentException("run " + name + " has no per-thread broker CPU (JMX thread CPU times); it cannot be used to calibrate");
        double brokers = r.brokerCpuCores().values().stream().mapToDouble(Double::doubleValue).sum() * w;
        double network = threads.get("network") * w;
        double fetcher = threads.get("replicaFetcher") * w;
        double handler = threads.getOrDefault("requestHandler", 0.0) * w;
        double jit = threads.containsKey("jit") ? threads.get("jit") * w : Double.NaN;
        LatencySummary lag = r.driverSendLagMs();
        Map<String, Double> driver = r.driverThreadCpuCores();
        return new CalibrationSample(name, w, rate.getOrDefault("Produce", 0.0) * w, rate.getOrDefault("FetchFollower", 0.0) * w,
                rate.getOrDefault("FetchConsumer", 0.0) * w, r.brokerTopicMetersPerSec().getOrDefault("TotalFetchRequestsPerSec", 0.0) * w,
                r.sentInWindow(), brokers, network, fetcher, handler,
                Math.max(0, brokers - network - fetcher - handler - (Double.isNaN(jit) ? 0 : jit)),
                (r.driverCpuCores() - (r.driverJitCpuCores() == null ? 0 : r.driverJitCpuCores())) * w, r.brokerGcCollections(), r.brokerGcTimeMs(), r.brokers(), r.otherCpuFlagged(),
                (r.failedInWindow() != null ? r.failedInWindow() > 0 : r.failedSends() > 0) || r.ackedInWindow() < 0.95 * r.offeredRecordsPerSec() * w,
                lag.count(), lag.p50() == null ? Double.NaN : lag.p50(), lag.mean() == null ? Double.NaN : lag.mean(), r.machineSpeed(),
                r.brokerThreadWakeupsPerSec().getOrDefault("network", Double.NaN) * w,
                r.brokerThreadWakeupsPerSec().getOrDefault("requestHandler", Double.NaN) * w, jit,
                r.driverJitCpuCores() == null ? Double.NaN : r.driverJitCpuCores() * w, r.driverSendLagQuantilesMs(),
                driver.getOrDefault("sender", Double.NaN) * w, r.driverThreadWakeupsPerSec().getOrDefault("sender", Double.NaN) * w,
                (driver.getOrDefault("sender", Double.NaN) + driver.getOrDefault("producerApp", Double.NaN)
                        + driver.getOrDefault("consumer", Double.NaN)) * w,
                driver.getOrDefault("consumer", Double.NaN) * w, producerPartitions,
                r.brokerGcWorkers() == null ? Double.NaN : r.brokerGcWorkers().cpuCores() * w,
                lag.p999() == null ? Double.NaN : lag.p999());
    }

    /** Partitions the Sender threads walked: each wake-up times the partitions of its producer's topic. */
    public double partitionWakeups() {
        return Double.isNaN(senderWakeups) ? Double.NaN : senderWakeups * producerPartitions;
    }

    /** Fit to: neither spoiled by other processes nor behind its offered load. */
    public boolean usable() {
        return !flagged && !behind;
    }

    /**
     * Times a request handler walked a fetch session's partitions: twice per partition Kafka meters. TotalFetchRequestsPerSec
     * is marked once per session partition when a fetch arrives (ReplicaManager.fetchMessages); a fetch that waits in the
     * purgatory walks its session again when it completes (DelayedFetch.tryComplete and onComplete re-read every partition,
     * unmetered), and the fetches that carry the runs' large sessions (followers of leaders that see an append every few ms)
     * wait: their RemoteTimeMs is about the gap between appends. The model charges each walk (Broker.localCost and
     * fetchReadCost), so its per-partition cost is fitted per walk, not per metered read.
     */
    public double partitionWalks() {
        return 2 * partitionReads;
    }

    /**
     * Partitions read by follower fetches: the partition reads shared out by the fetch counts, as if a consumer's fetch
     * and a follower's walked sessions of one size (exact in runs without consumers, which are the ones that vary it).
     */
    public double followerPartitionReads() {
        double fetches = fetchFollower + fetchConsumer;
        return fetches <= 0 ? 0 : partitionReads * fetchFollower / fetches;
    }

    /** Whether the harness counted the broker threads' wake-ups in this run. */
    public boolean hasWakeups() {
        return !Double.isNaN(networkWakeups) && !Double.isNaN(handlerWakeups);
    }

    /** Whether the harness read the driver's threads apart in this run (its Sender threads' CPU and wake-ups, its clients'). */
    public boolean hasDriverThreads() {
        return !Double.isNaN(senderCpu) && !Double.isNaN(senderWakeups) && !Double.isNaN(clientThreadsCpu);
    }

    public double requests() {
        return produce + fetchFollower + fetchConsumer;
    }

    /** Whether the run measured its brokers' GC workers apart. */
    public boolean hasGcWorkers() {
        return !Double.isNaN(gcWorkerCpu);
    }
}
