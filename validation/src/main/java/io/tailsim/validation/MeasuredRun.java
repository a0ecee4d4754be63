package io.tailsim.validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tailsim.validation.metrics.Histograms;
import io.tailsim.validation.metrics.LatencySummary;
import io.tailsim.validation.metrics.MachineSpeed;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run on the real cluster measured, in the measured window only. Latencies in ms; histograms (microseconds) as
 * base64 compressed HdrHistograms; CPU in cores. {@link #metrics()} flattens it under the comparison's metric names.
 *
 * @param scaleFactor          the --scale the workload was divided by (1 = full size)
 * @param producers            producer instances actually run (after scaling)
 * @param offeredRecordsPerSec offered load actually run (after scaling)
 * @param driverSendLagMs      how late the driver called send() after each record's intended time: a load generator short of CPU
 *                             shows here first, and its lag is inside both latencies
 * @param requestTimeMeansMs   request (Produce, FetchFollower, FetchConsumer) to time component to window mean, all brokers
 * @param requestsPerSec       request to cluster-wide rate in the window
 * @param brokerRequestHandlerAvgIdle BrokerRequestHandlerAvgIdlePercent over the window as a fraction (Kafka's "percent" meters are fractions), mean over brokers
 * @param brokerCpuCores       node id to cores used
 * @param otherCpuCores        cores used by anything but the brokers and the driver
 * @param otherCpuFlagged      other use above 0.1 core: the run's latencies may be spoiled
 * @param machineCpuSaturated  the machine's cores were at least 95% busy in the window: latencies include CPU queueing
 * @param cpuPressureSome      share of the window in which some runnable task waited for a CPU (Linux PSI "some"); null without PSI
 * @param expectedConsumed     acknowledged window records times the groups reading them; consumedInWindow short of it means loss or a drain timeout
 * @param ackedBytesInWindow   key and value bytes of the acknowledged window records
 * @param producerLatencyMsByTopic the producer latencies again, topic by topic (likewise end-to-end)
 * @param brokerTopicMetersPerSec BrokerTopicMetrics meters (BytesInPerSec, TotalProduceRequestsPerSec, ...), cluster-wide rates
 * @param brokerThreadCpuCores broker CPU by thread class (network, requestHandler, replicaFetcher, otherJava; jit: the JIT
 *                             compiler threads' CPU (/proc, {@code CompilerThreads}); and nonJava: GC and the
 *                             other JVM threads, the process's CPU less its Java threads' and the JIT's), in cores summed
 *                             over brokers (runs before 2026-11-23 23:30 UTC have no jit: their nonJava holds it)
 * @param driverSendLagQuantilesMs the driver's send lag at 0%, 1%, ..., 100% (ms): the whole distribution of how late its
 *                             sending threads woke, for the OS wake-up latency; null for runs before 2026-11-24
 * @param driverJitCpuCores the driver JVM's JIT compiler threads' CPU in the window (part of driverCpuCores); null for runs
 *                             measured before the harness read it (2026-11-24)
 * @param brokerThreadWakeupsPerSec voluntary context switches per second of the brokers' Java threads by the same classes
 *                             (network, requestHandler, replicaFetcher, otherJava; no nonJava), summed over brokers: each is the
 *                             thread going to sleep and so one later wake-up. Only threads alive at both ends of the window count.
 *                             Empty in runs made before it was measured
 * @param brokerThreadPreemptionsPerSec likewise, nonvoluntary context switches (a runnable thread taken off its core)
 * @param brokerJitBurstsMs    CPU of each busy period of the brokers' JIT compiler threads in the window, ms
 *                             ({@code JitBursts}); null for runs measured before the harness read them (2026-11-24)
 * @param fileProbeIndexCreateMs a segment's index files created and mapped beside the loaded cluster, once a second in the
 *                             window, ms ({@code FileWorkProbe}); null unless the run was a calibration run made with it
 * @param fileProbeCheckpointWriteMs likewise, a leader-epoch checkpoint written and forced
 * @param driverThreadCpuCores the driver JVM's CPU by thread class ({@code DriverThreads}: sender, the producers' Sender
 *                             threads; producerApp, the threads calling send(); consumer; jit; other), cores; empty in runs
 *                             measured before 2026-12-06
 * @param driverThreadWakeupsPerSec likewise, their voluntary context switches per second
 * @param brokerGcPausesMs     length of every stop-the-world pause the brokers' G1 logged in the window (Young, Remark,
 *                             Cleanup, Full), ms ({@code GcPauses}); null for runs measured before the harness read the logs
 *                             (2026-12-06 05:00 UTC)
 * @param driverGcPausesMs     length of every stop-the-world collection of the driver's own JVM in the window, ms
 *                             ({@code DriverGcPauses}); each stops all of the workload's clients; null for runs measured
 *                             before the harness read them (2026-12-06 07:30 UTC)
 * @param machineSpeed         one core's speed right before the cluster started and right after it stopped ({@link MachineSpeed});
 *                             both null in runs made before the probe existed
 * @param brokerThreadRunQueueWaitCores the brokers' Java threads by class: time spent runnable waiting for a CPU in the
 *                             window (/proc schedstat), cores summed over brokers; empty in runs made before the harness read
 *                             it (2026-12-06 12:30 UTC)
 * @param failedInWindow       sends of window records that failed ({@code failedSends} counts every failure, also a record
 *                             stuck since the warm-up); null in runs made before the harness counted them (2026-12-06 18:00 UTC)
 * @param producerClocks       how the driver's Trogdor producers kept their periods: {@value #PER_MACHINE_CLOCK} (one clock for
 *                             the driver's machine, offset within the scenario's clock-skew once for all its producers, as the
 *                             scenario means and the simulator does); null in runs made before 2026-12-07 02:30 UTC, whose
 *                             producers each drew their own offset within clock-skew
 * @param brokerGcWorkers      the brokers' parallel GC workers in the window ({@code GcWorkerThreads}): their CPU and run-queue
 *                             wait in cores, summed over brokers, and how many there were; null for runs measured before
 *                             2026-12-07 05:20 UTC
 * @param stealCpuCores        hypervisor steal over the window (/proc/stat), in cores; already counted in otherCpuCores; null
 *                             for runs measured before 2026-12-07 09:30 UTC
 * @param requestTimeRecentP99Ms request to time component to the brokers' own 99thPercentile at the window's end, weighed by
 *                             their requests in the window (metric "<request>.<time>.reservoirP99"); empty for runs
 *                             measured before 2026-12-07 16:00 UTC. Not the window's p99: Kafka's reservoir (1,028 values,
 *                             forward-decaying at 0.015/s since the broker started) holds under half its values from a
 *                             30 s window after 100 s of warm-up and about 6% from the brokers' first 20 s, when their JIT
 *                             is cold, so its top percent is the run's early seconds' as much as the window's
 * @param snapshotLeadSeconds  how long before the window the counters' first snapshot was taken (the second one 1 s after it
 *                             closes, driver.Schedule#SNAPSHOT_LEAD_NANOS): the rates, means and CPU figures span both, the
 *                             latencies the window alone; null for runs measured before 2026-12-07 18:30 UTC, whose
 *                             snapshots were taken as the window opened and closed and held up its first seconds
 */
@JsonIgnoreProperties(value = "metrics", allowGetters = true)
public record MeasuredRun(
        String runId, String kafkaVersion, double scaleFactor,
        int brokers, int heapMbPerBroker, int producers, int consumers,
        double offeredRecordsPerSec, double offeredBytesPerSec,
        double warmupSeconds, double windowSeconds, double startupSeconds, double wallTimeSeconds,
        LatencySummary producerLatencyMs, LatencySummary endToEndLatencyMs, LatencySummary driverSendLagMs,
        String producerLatencyHistogramUs, String endToEndLatencyHistogramUs,
        long sentInWindow, long ackedInWindow, long failedSends, String firstSendError,
        long consumedInWindow, long expectedConsumed, long clampedValues,
        Map<String, Map<String, Double>> requestTimeMeansMs, Map<String, Double> requestsPerSec,
        Double brokerRequestHandlerAvgIdle, long brokerGcCollections, long brokerGcTimeMs,
        Map<Integer, Double> brokerCpuCores, double driverCpuCores, double machineBusyCpuCores,
        double otherCpuCores, boolean otherCpuFlagged, boolean machineCpuSaturated, Double cpuPressureSome,
        int machineCores, long machineMemoryMb,
        long ackedBytesInWindow, Map<String, LatencySummary> producerLatencyMsByTopic, Map<String, LatencySummary> endToEndLatencyMsByTopic,
        Map<String, Double> brokerTopicMetersPerSec, Map<String, Double> brokerThreadCpuCores,
        Map<String, Double> brokerThreadWakeupsPerSec, Map<String, Double> brokerThreadPreemptionsPerSec, MachineSpeed machineSpeed,
        Double driverJitCpuCores, List<Double> driverSendLagQuantilesMs, List<Double> brokerJitBurstsMs,
        List<Double> fileProbeIndexCreateMs, List<Double> fileProbeCheckpointWriteMs,
        Map<String, Double> driverThreadCpuCores, Map<String, Double> driverThreadWakeupsPerSec,
        List<Double> brokerGcPausesMs, List<Double> driverGcPausesMs,
        Map<String, Double> brokerThreadRunQueueWaitCores, Long failedInWindow, String producerClocks,
        io.tailsim.validation.metrics.GcWorkerThreads.Usage brokerGcWorkers, Double stealCpuCores,
        Map<String, Map<String, Double>> requestTimeRecentP99Ms, Double snapshotLeadSeconds) {

    /** Whether the counters' snapshots were taken outside the latency window (runs before 2026-12-07 18:30 UTC: at its edges). */
    public boolean snapshotsOutsideWindow() {
        return snapshotLeadSeconds != null && snapshotLeadSeconds > 0;
    }

    /** {@code producerClocks} of runs made since 2026-12-07: one clock per machine. */
    public static final String PER_MACHINE_CLOCK = "per-machine";

    /** Whether this run's Trogdor producers kept one clock for the driver's machine (runs before 2026-12-07 did not). */
    public boolean perMachineClock() {
        return PER_MACHINE_CLOCK.equals(producerClocks);
    }

    public MeasuredRun {
        producerLatencyMsByTopic = producerLatencyMsByTopic == null ? Map.of() : new java.util.TreeMap<>(producerLatencyMsByTopic);
        endToEndLatencyMsByTopic = endToEndLatencyMsByTopic == null ? Map.of() : new java.util.TreeMap<>(endToEndLatencyMsByTopic);
        brokerTopicMetersPerSec = brokerTopicMetersPerSec == null ? Map.of() : new LinkedHashMap<>(brokerTopicMetersPerSec);
        brokerThreadCpuCores = brokerThreadCpuCores == null ? Map.of() : new LinkedHashMap<>(brokerThreadCpuCores);
        brokerThreadWakeupsPerSec = brokerThreadWakeupsPerSec == null ? Map.of() : new LinkedHashMap<>(brokerThreadWakeupsPerSec);
        brokerThreadPreemptionsPerSec = brokerThreadPreemptionsPerSec == null ? Map.of() : new LinkedHashMap<>(brokerThreadPreemptionsPerSec);
        machineSpeed = machineSpeed == null ? new MachineSpeed(null, null) : machineSpeed;
        driverThreadCpuCores = driverThreadCpuCores == null ? Map.of() : new LinkedHashMap<>(driverThreadCpuCores);
        driverThreadWakeupsPerSec = driverThreadWakeupsPerSec == null ? Map.of() : new LinkedHashMap<>(driverThreadWakeupsPerSec);
        brokerThreadRunQueueWaitCores = brokerThreadRunQueueWaitCores == null ? Map.of() : new LinkedHashMap<>(brokerThreadRunQueueWaitCores);
        requestTimeRecentP99Ms = requestTimeRecentP99Ms == null ? Map.of() : new LinkedHashMap<>(requestTimeRecentP99Ms);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Histogram producerLatencyHistogram() {
        return Histograms.decode(producerLatencyHistogramUs);
    }

    public Histogram endToEndLatencyHistogram() {
        return Histograms.decode(endToEndLatencyHistogramUs);
    }

    /**
     * Measured values under the names the sim-vs-real comparison joins on: "producerLatencyMs.p99", "endToEndLatencyMs.p99.9",
     * "Produce.RemoteTimeMs.mean", "FetchFollower.requestsPerSec", "cpuCores.brokers", ... Values that were not observed are absent.
     */
    @JsonProperty("metrics")
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.putAll(producerLatencyMs.metrics("producerLatencyMs"));
        m.putAll(endToEndLatencyMs.metrics("endToEndLatencyMs"));
        m.putAll(driverSendLagMs.metrics("driverSendLagMs"));
        requestTimeMeansMs.forEach((req, times) -> times.forEach((name, v) -> m.put(req + "." + name + ".mean", v)));
        requestTimeRecentP99Ms.forEach((req, times) -> times.forEach((name, v) -> m.put(req + "." + name + ".reservoirP99", v)));
        requestsPerSec.forEach((req, v) -> m.put(req + ".requestsPerSec", v));
        if (brokerRequestHandlerAvgIdle != null) m.put("BrokerRequestHandlerAvgIdlePercent.mean", brokerRequestHandlerAvgIdle);
        m.put("producerThroughput.recordsPerSec", ackedInWindow / windowSeconds);
        m.put("cpuCores.brokers", brokerCpuCores.values().stream().mapToDouble(Double::doubleValue).sum());
        brokerCpuCores.forEach((node, v) -> m.put("cpuCores.broker" + node, v));
        m.put("cpuCores.driver", driverCpuCores);
        if (driverJitCpuCores != null) m.put("cpuCores.driverJit", driverJitCpuCores);
        m.put("cpuCores.other", otherCpuCores);
        m.put("cpuCores.machine", machineBusyCpuCores);
        if (cpuPressureSome != null) m.put("cpuPressure.some", cpuPressureSome);
        if (stealCpuCores != null) m.put("cpuCores.steal", stealCpuCores);
        m.put("brokerGc.collectionsPerSec", brokerGcCollections / windowSeconds);
        m.put("brokerGc.timeMsPerSec", brokerGcTimeMs / windowSeconds);
        m.put("throughputMBps", ackedBytesInWindow / 1e6 / windowSeconds);
        if (brokerGcPausesMs != null) {
            m.put("brokerGc.pausesPerSec", brokerGcPausesMs.size() / windowSeconds);
            if (!brokerGcPausesMs.isEmpty())
                m.put("brokerGc.pauseMsMean", brokerGcPausesMs.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        }
        if (driverGcPausesMs != null) {
            m.put("driverGc.pausesPerSec", driverGcPausesMs.size() / windowSeconds);
            m.put("driverGc.pauseMsPerSec", driverGcPausesMs.stream().mapToDouble(Double::doubleValue).sum() / windowSeconds);
        }
        producerLatencyMsByTopic.forEach((t, s) -> m.putAll(s.metrics("topic." + t + ".producerLatencyMs")));
        endToEndLatencyMsByTopic.forEach((t, s) -> m.putAll(s.metrics("topic." + t + ".endToEndLatencyMs")));
        brokerTopicMetersPerSec.forEach((name, v) -> m.put(name, v));
        brokerThreadCpuCores.forEach((cls, v) -> m.put("cpuCores.brokerThreads." + cls, v));
        brokerThreadWakeupsPerSec.forEach((cls, v) -> m.put("wakeupsPerSec.brokerThreads." + cls, v));
        brokerThreadPreemptionsPerSec.forEach((cls, v) -> m.put("preemptionsPerSec.brokerThreads." + cls, v));
        brokerThreadRunQueueWaitCores.forEach((cls, v) -> m.put("runQueueWaitCores.brokerThreads." + cls, v));
        driverThreadCpuCores.forEach((cls, v) -> m.put("cpuCores.driverThreads." + cls, v));
        driverThreadWakeupsPerSec.forEach((cls, v) -> m.put("wakeupsPerSec.driverThreads." + cls, v));
        return m;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the measured run", e);
        }
    }

    public static MeasuredRun fromJson(String json) {
        try {
            return JSON.readValue(json, MeasuredRun.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a measured run: " + e.getOriginalMessage(), e);
        }
    }
}
