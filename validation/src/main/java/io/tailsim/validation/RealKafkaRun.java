package io.tailsim.validation;

import io.tailsim.validation.cluster.BrokerConfig;
import io.tailsim.validation.cluster.BrokerProcess;
import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.cluster.RealCluster;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.DriverResult;
import io.tailsim.validation.driver.WorkloadDriver;
import io.tailsim.validation.driver.WorkloadSpec;
import io.tailsim.validation.metrics.BrokerJmxSnapshot;
import io.tailsim.validation.metrics.CpuSample;
import io.tailsim.validation.metrics.CpuUsage;
import io.tailsim.validation.metrics.GcPauses;
import io.tailsim.validation.metrics.GcWorkerThreads;
import io.tailsim.validation.metrics.Histograms;
import io.tailsim.validation.metrics.JmxProbe;
import io.tailsim.validation.metrics.LatencySummary;
import io.tailsim.validation.metrics.MachineSpeed;
import io.tailsim.validation.metrics.ProcStat;
import io.tailsim.validation.metrics.RequestWindow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One measured run on a real cluster: scale and check the spec, start the cluster, create the topics, drive the workload,
 * snapshot broker JMX and /proc CPU at the window's edges, stop the cluster, and return what was measured.
 */
public final class RealKafkaRun {
    private RealKafkaRun() {
    }

    public static MeasuredRun execute(RunSpec spec) throws InterruptedException {
        return execute(spec, ClusterOptions.defaults(), msg -> { });
    }

    /**
     * The workload as it will run (scaled), or a {@link RefusedRunException} naming the figure if this machine cannot carry it:
     * the same check {@link #execute} makes first, for callers that want to refuse before doing anything else.
     */
    public static WorkloadSpec check(RunSpec spec) {
        WorkloadSpec workload = Scaling.apply(spec.workload(), spec.scale());
        Capacity.Machine machine = Capacity.Machine.current();
        Capacity.checkMemory(spec.cluster().brokers(), spec.cluster().heapMb(), machine);
        Capacity.checkLoad(workload.offeredBytesPerSec(), workload.offeredRecordsPerSec(), workload.producerCount(), spec.scale(), machine);
        return workload;
    }

    /** Seconds of load before the measured window on the real cluster: the run's warm-up after the brokers' own. */
    public static double warmupSeconds(RunSpec spec, ClusterOptions options) {
        return spec.workload().warmupSeconds() + options.brokerWarmupSeconds();
    }

    public static MeasuredRun execute(RunSpec spec, ClusterOptions options, Consumer<String> progress) throws InterruptedException {
        return execute(spec, options, progress, false);
    }

    /**
     * @param calibrationProbes also read the brokers' JIT busy periods ({@link io.tailsim.validation.metrics.JitBursts}) and
     *                          time the file work of a partition's first appends beside the loaded cluster
     *                          ({@link io.tailsim.validation.metrics.FileWorkProbe}) during the window: calibration runs only,
     *                          which need them; validation runs leave the machine to the cluster
     */
    public static MeasuredRun execute(RunSpec spec, ClusterOptions options, Consumer<String> progress, boolean calibrationProbes)
            throws InterruptedException {
        long t0 = System.nanoTime();
        WorkloadSpec workload = check(spec).withExtraWarmup(options.brokerWarmupSeconds());
        Capacity.Machine machine = Capacity.Machine.current();

        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (TopicSpec t : spec.cluster().topics()) partitions.put(t.name(), t.partitions());

        String runId;
        double startup;
        DriverResult result;
        List<Double> gcPausesMs;
        Window window = new Window();
        // One core's speed right before the cluster starts and right after it stops: how fast this shared machine was.
        double speedBefore = MachineSpeed.probe();
        progress.accept(String.format(java.util.Locale.ROOT, "machine speed before: %.0f %s", speedBefore, MachineSpeed.UNIT));
        progress.accept("starting " + spec.cluster().brokers() + " Kafka nodes");
        try (RealCluster cluster = RealCluster.start(spec.cluster(), options)) {
            runId = cluster.runId();
            startup = cluster.startupSeconds();
            progress.accept("cluster " + runId + " up in " + String.format(java.util.Locale.ROOT, "%.1f", startup) + " s; creating topics");
            cluster.createTopics();
            Map<Integer, Long> brokerPids = new LinkedHashMap<>();
            List<JmxProbe> probes = new ArrayList<>();
            try {
                for (BrokerProcess b : cluster.brokers()) {
                    brokerPids.put(b.nodeId(), b.pid());
                    probes.add(JmxProbe.connect(b.nodeId(), BrokerConfig.HOST, b.layout().jmxPort(), b.pid()));
                }
                long driverPid = ProcessHandle.current().pid();
                // The first snapshot of a broker, its RMI and management code cold on both sides, took 2.0-2.3 s against
                // 0.6-0.9 s for later ones (2026-12-07): taken once here, before any load, so the counters' are lighter.
                probes.forEach(JmxProbe::snapshot);
                progress.accept("driving " + workload.producerCount() + " producers and " + workload.consumerCount() + " consumers: "
                        + workload.warmupSeconds() + " s warm-up, " + workload.measureSeconds() + " s measured");
                result = new WorkloadDriver(cluster.bootstrapServers(), workload, partitions, "tailsim-" + runId).run(new WorkloadDriver.WindowListener() {
                    @Override
                    public void countersStarted() {
                        window.cpuBefore = CpuSample.take(brokerPids, driverPid);
                        window.driverThreadsBefore = io.tailsim.validation.metrics.DriverThreads.sample(
                                io.tailsim.validation.metrics.ThreadSwitches.PROC, driverPid, ProcStat.clockTicksPerSecond());
                        window.from = System.nanoTime();
                        window.jmxBefore = probes.stream().map(JmxProbe::snapshot).toList();
                        if (calibrationProbes) {
                            window.fileWork = io.tailsim.validation.metrics.FileWorkProbe.start(options.baseDir());
                            window.jitBursts = io.tailsim.validation.metrics.JitBursts.start(
                                    io.tailsim.validation.metrics.ThreadSwitches.PROC, brokerPids.values(), ProcStat.clockTicksPerSecond());
                        }
                    }

                    @Override
                    public void windowStarted() {
                        window.fromEpochMs = System.currentTimeMillis();
                        if (options.schedTrace() != null) {
                            // thread names first (threadPrint, /proc), then perf: the recording holds only the window's load
                            Map<Long, String> prints = new LinkedHashMap<>();
                            List<Long> pids = new ArrayList<>(brokerPids.values());
                            for (int i = 0; i < probes.size(); i++) prints.put(pids.get(i), probes.get(i).threadPrint());
                            window.threadClasses = io.tailsim.validation.metrics.SchedTrace.threadClasses(prints, driverPid,
                                    io.tailsim.validation.metrics.ThreadSwitches.PROC);
                            window.schedTrace = io.tailsim.validation.metrics.SchedTrace.Recorder.start(Math.min(options.schedTrace().seconds(), workload.measureSeconds()));
                        }
                        window.driverGc = io.tailsim.validation.metrics.DriverGcPauses.start();
                    }

                    @Override
                    public void windowEnded() {
                        window.driverGcPausesMs = window.driverGc.stop();
                        window.toEpochMs = System.currentTimeMillis();
                    }

                    @Override
                    public void countersEnded() {
                        window.cpuAfter = CpuSample.take(brokerPids, driverPid);
                        window.to = System.nanoTime();
                        window.driverThreadsAfter = io.tailsim.validation.metrics.DriverThreads.sample(
                                io.tailsim.validation.metrics.ThreadSwitches.PROC, driverPid, ProcStat.clockTicksPerSecond());
                        window.jmxAfter = probes.stream().map(JmxProbe::snapshot).toList();
                        if (window.jitBursts != null) window.jitBurstsMs = window.jitBursts.stop();
                        if (window.fileWork != null) window.fileWorkMs = window.fileWork.stop();
                    }
                });
            } finally {
                probes.forEach(JmxProbe::close);
            }
            gcPausesMs = gcPauses(cluster, window, progress);
            progress.accept("stopping the cluster");
        }
        if (window.schedTrace != null) {
            // read back once the cluster is down: perf script's parsing would otherwise share the cores with the run
            io.tailsim.validation.metrics.SchedTrace.Analysis trace = window.schedTrace.finish(window.threadClasses);
            trace.write(options.schedTrace().out());
            progress.accept("scheduler trace (" + trace.events() + " events over " + trace.seconds() + " s): " + options.schedTrace().out());
            trace.summary().forEach(line -> progress.accept("  " + line));
        }
        double speedAfter = MachineSpeed.probe();
        progress.accept(String.format(java.util.Locale.ROOT, "machine speed after: %.0f %s", speedAfter, MachineSpeed.UNIT));
        double wall = (System.nanoTime() - t0) / 1e9;

        CpuUsage cpu = CpuUsage.between(window.cpuBefore, window.cpuAfter, ProcStat.clockTicksPerSecond(), machine.cores());
        RequestWindow requests = RequestWindow.between(window.jmxBefore, window.jmxAfter);
        Map<String, Double> threadCores = new LinkedHashMap<>(requests.threadCpuCores());
        if (!threadCores.isEmpty()) {
            // GC and other JVM threads are not Java threads: the process's CPU less all of its Java threads' and the JIT's.
            double java = threadCores.values().stream().mapToDouble(Double::doubleValue).sum();
            threadCores.put("nonJava", Math.max(0, cpu.brokersTotalCores() - java));
        }
        // the driver JVM's threads by class; its JIT's share is driverJitCpuCores (null if /proc gave nothing)
        Map<String, Double> driverThreads = io.tailsim.validation.metrics.DriverThreads.cores(
                window.driverThreadsBefore, window.driverThreadsAfter, window.seconds());
        return new MeasuredRun(runId, kafkaVersion(), spec.scale(),
                spec.cluster().brokers(), spec.cluster().heapMb(), result.producers(), result.consumers(),
                workload.offeredRecordsPerSec(), workload.offeredBytesPerSec(),
                workload.warmupSeconds(), workload.measureSeconds(), startup, wall,
                LatencySummary.of(result.producerLatencyUs()), LatencySummary.of(result.endToEndLatencyUs()), LatencySummary.of(result.sendLagUs()),
                Histograms.encode(result.producerLatencyUs()), Histograms.encode(result.endToEndLatencyUs()),
                result.sentInWindow(), result.ackedInWindow(), result.failedSends(), result.firstSendError(),
                result.consumedInWindow(), result.expectedConsumed(), result.clampedValues(),
                requests.meansMs(), requests.requestsPerSec(), requests.handlerIdleFraction(),
                // JMX's GC totals come with the counters, whose span holds the window and the snapshots' lead and lag: scaled to the window
                Math.round(requests.gcCollections() * workload.measureSeconds() / window.seconds()),
                Math.round(requests.gcTimeMs() * workload.measureSeconds() / window.seconds()),
                cpu.brokerCores(), cpu.driverCores(), cpu.machineBusyCores(), cpu.otherCores(), cpu.otherFlagged(), cpu.machineSaturated(), cpu.pressureSomeFraction(),
                machine.cores(), machine.physicalBytes() / (1024 * 1024),
                result.ackedBytesInWindow(), summaries(result.producerLatencyByTopicUs()), summaries(result.endToEndLatencyByTopicUs()),
                requests.topicMetersPerSec(), threadCores, requests.threadWakeupsPerSec(), requests.threadPreemptionsPerSec(),
                new MachineSpeed(speedBefore, speedAfter), driverThreads.get("jit"),
                LatencySummary.percentiles(result.sendLagUs()), window.jitBurstsMs,
                window.fileWorkMs == null ? null : window.fileWorkMs.get(0), window.fileWorkMs == null ? null : window.fileWorkMs.get(1),
                driverThreads,
                io.tailsim.validation.metrics.DriverThreads.wakeupsPerSec(window.driverThreadsBefore, window.driverThreadsAfter, window.seconds()),
                gcPausesMs, window.driverGcPausesMs, requests.threadRunQueueWaitCores(), result.failedInWindow(),
                MeasuredRun.PER_MACHINE_CLOCK, gcWorkers(window), cpu.stealCores(), requests.recentP99sMs(),
                io.tailsim.validation.driver.Schedule.SNAPSHOT_LEAD_NANOS / 1e9);
    }

    /** The brokers' GC workers over the window, each broker's snapshots paired by node id; null if none was read. */
    private static GcWorkerThreads.Usage gcWorkers(Window window) {
        Map<Integer, BrokerJmxSnapshot> before = new java.util.HashMap<>();
        window.jmxBefore.forEach(s -> before.put(s.nodeId(), s));
        List<Map<Long, GcWorkerThreads.Sample>> b = new ArrayList<>(), a = new ArrayList<>();
        for (BrokerJmxSnapshot s : window.jmxAfter) {
            BrokerJmxSnapshot s0 = before.get(s.nodeId());
            if (s0 == null) continue;
            b.add(s0.gcWorkers());
            a.add(s.gcWorkers());
        }
        return GcWorkerThreads.between(b, a, window.seconds());
    }

    /** The brokers' stop-the-world pauses that ended in the window, from their GC logs, before the cluster's folders go. */
    private static List<Double> gcPauses(RealCluster cluster, Window window, Consumer<String> progress) {
        try {
            return GcPauses.inWindow(cluster.brokers().stream().map(BrokerProcess::dir).toList(), window.fromEpochMs, window.toEpochMs);
        } catch (java.io.UncheckedIOException e) {
            progress.accept("GC logs not read (" + e.getCause().getMessage() + "); the run keeps JMX's collection counts only");
            return null;
        }
    }

    private static Map<String, LatencySummary> summaries(Map<String, org.HdrHistogram.Histogram> byTopic) {
        Map<String, LatencySummary> m = new java.util.TreeMap<>();
        byTopic.forEach((t, h) -> m.put(t, LatencySummary.of(h)));
        return m;
    }

    /** The kafka-clients version on the classpath (the brokers run from the same classpath), as Kafka itself reads it. */
    public static String kafkaVersion() {
        try (java.io.InputStream in = org.apache.kafka.clients.producer.KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The counters' snapshots (from, to: their span) and the latency window's edges (fromEpochMs, toEpochMs), driver's main thread. */
    private static final class Window {
        CpuSample cpuBefore, cpuAfter;
        List<BrokerJmxSnapshot> jmxBefore, jmxAfter;
        Map<Long, io.tailsim.validation.metrics.DriverThreads.Sample> driverThreadsBefore, driverThreadsAfter;
        long from, to;
        long fromEpochMs, toEpochMs;
        io.tailsim.validation.metrics.JitBursts jitBursts;
        io.tailsim.validation.metrics.SchedTrace.Recorder schedTrace;
        java.util.function.LongFunction<String> threadClasses;
        List<Double> jitBurstsMs;
        io.tailsim.validation.metrics.FileWorkProbe fileWork;
        List<List<Double>> fileWorkMs;
        io.tailsim.validation.metrics.DriverGcPauses driverGc;
        List<Double> driverGcPausesMs;

        double seconds() {
            return (to - from) / 1e9;
        }
    }
}
