package io.tailsim.validation.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.RealKafkaRun;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.metrics.MachineSpeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * tailsim calibrate: measure the machine, run the {@link CalibrationPlan} on the real cluster, fit the CPU costs and write the
 * local hardware profile with the fit's report. Each run's measurement is kept in the work folder as soon as it exists, so an
 * interrupted calibration resumes with the runs it has not done.
 */
public final class Calibration {
    public static final String MACHINE_JSON = "machine.json";
    public static final String REPORT_MD = "calibration.md";
    /** The scheduler trace of one calibration run, whose wakes onto an idle CPU give cpu.wakeup-latency (SchedTrace). */
    public static final String WAKEUPS_JSON = "wakeups.json";
    /** The plan run traced for it: steady, light (300 records/s, linger.ms 0), so that most wakes find a CPU idle. */
    static final String WAKEUPS_RUN = "c02-linger0-300";
    static final java.time.Duration WAKEUPS_TRACE = java.time.Duration.ofSeconds(10);

    /** A calibration run's scheduler trace and the run it came from. */
    public record WakeTrace(String run, String traced, io.tailsim.validation.metrics.SchedTrace.Analysis trace) {
        String source() {
            double[] q = trace.idleCpuWakeUs();
            return String.format(Locale.ROOT, "measured: woken to running of the wakes that found their CPU idle (its idle task on it, no "
                            + "other wake on its way there: no thread to wait behind, so the wake-up's own latency, the IPI and the virtual "
                            + "CPU's exit from halt), %d wakes of every thread on the machine in %.0f s of a perf sched trace of calibration run "
                            + "%s (%s, traced %s): values at 0%%, 1%%, ..., 100%% (median %.0f us, p90 %.0f us, p99 %.0f us, largest %.0f us). The model adds "
                            + "its own wait for a core after it; the driver's send lag, used before, also held that wait in its tail",
                    trace.idleCpuWakes(), trace.seconds(), run, WAKEUPS_JSON, traced, q[50], q[90], q[99], q[100]);
        }
    }

    /**
     * @param poolDirs work folders of earlier calibrations whose kept runs also enter the fits (only runs of this plan made
     *                 after the same broker warm-up): each plan run then counts once per folder, and the fits' noise shrinks
     */
    public record Options(Path workDir, Path profileOut, boolean fresh, ClusterOptions cluster, Consumer<String> progress,
                          List<Path> poolDirs, boolean traceWakeups) {
        public Options {
            poolDirs = poolDirs == null ? List.of() : List.copyOf(poolDirs);
        }

        /** No new scheduler trace (a kept {@link #WAKEUPS_JSON} is still used). */
        public Options(Path workDir, Path profileOut, boolean fresh, ClusterOptions cluster, Consumer<String> progress,
                       List<Path> poolDirs) {
            this(workDir, profileOut, fresh, cluster, progress, poolDirs, false);
        }

        /** Trace the scheduler for cpu.wakeup-latency when no kept trace is found and perf can (the command line does). */
        public Options withTraceWakeups(boolean trace) {
            return new Options(workDir, profileOut, fresh, cluster, progress, poolDirs, trace);
        }

        /** No earlier calibration pooled. */
        public Options(Path workDir, Path profileOut, boolean fresh, ClusterOptions cluster, Consumer<String> progress) {
            this(workDir, profileOut, fresh, cluster, progress, List.of());
        }
    }

    /** A pooled run's name: the plan run's, then "@pool" and the folder's place among the pooled ones (1, 2, ...). */
    static final char POOLED = '@';

    private Calibration() {
    }

    public static CalibrationFit run(Options o) throws InterruptedException {
        long t0 = System.nanoTime();
        mkdirs(o.workDir());
        MachineFacts machine;
        Path machineFile = o.workDir().resolve(MACHINE_JSON);
        if (!o.fresh() && Files.isRegularFile(machineFile)) {
            machine = read(machineFile, MachineFacts.class);
            o.progress().accept("machine: measured earlier (" + machineFile + "), kept");
        } else {
            long s = System.nanoTime();
            machine = MachineFacts.measure(o.cluster().baseDir());
            ResultFiles.writeJson(machineFile, machine);
            o.progress().accept(String.format(Locale.ROOT, "machine: loopback %.1f us one way, %.0f MB/s; disk %.0f MB/s (%.1f s)",
                    machine.loopbackOneWayMeanNanos() / 1e3, machine.loopbackBytesPerSecond() / 1e6, machine.diskWriteBytesPerSecond() / 1e6,
                    (System.nanoTime() - s) / 1e9));
        }
        List<CalibrationPlan.Run> plan = CalibrationPlan.runs();
        Map<String, MeasuredRun> keptRuns = o.fresh() ? Map.of() : keptRuns(o.workDir(), plan);
        List<String> snapshottedInWindow = keptRuns.entrySet().stream().filter(e -> !e.getValue().snapshotsOutsideWindow())
                .map(Map.Entry::getKey).toList();
        Fitted runs = new Fitted();
        int i = 0;
        for (CalibrationPlan.Run run : plan) {
            i++;
            Path f = o.workDir().resolve(run.name() + ".json");
            String head = String.format(Locale.ROOT, "[calibrate %d/%d, %.0f s] %s", i, plan.size(), (System.nanoTime() - t0) / 1e9, run.name());
            MeasuredRun measured;
            MeasuredRun keptRun = keptRuns.get(run.name());
            boolean kept = keptRun != null;
            if (kept && keptRunMatches(f, keptRun, run, o.cluster())) {
                measured = keptRun;
                o.progress().accept(head + ": measured earlier, kept");
            } else {
                if (kept) {
                    o.progress().accept(head + ": measured earlier under another workload or warm-up (the plan or --broker-warmup changed since), measured again");
                }
                if (!snapshottedInWindow.isEmpty()) {
                    throw new RefusedRunException(String.format(Locale.ROOT, "refused: %s holds run%s %s measured with the counters' "
                                    + "snapshots inside the window (an older harness: they held the window's first seconds up); measuring "
                                    + "%s there would fit runs of two harnesses together. Give --fresh or another --work", o.workDir(),
                            snapshottedInWindow.size() == 1 ? "" : "s", String.join(", ", snapshottedInWindow), run.name()));
                }
                o.progress().accept(head + ": " + run.description());
                long s = System.nanoTime();
                measured = RealKafkaRun.execute(run.spec(), o.cluster(), msg -> o.progress().accept("  real: " + msg), run.probes());
                ResultFiles.writeString(f, measured.toJson());
                ResultFiles.writeString(specFile(f), specRecord(run));
                o.progress().accept(String.format(Locale.ROOT, "%s: done in %.0f s; brokers %.2f cores, driver %.2f cores; machine speed %.0f / %.0f %s "
                                + "before / after%s", head, (System.nanoTime() - s) / 1e9, measured.metrics().get("cpuCores.brokers"), measured.driverCpuCores(),
                        measured.machineSpeed().before(), measured.machineSpeed().after(), MachineSpeed.UNIT,
                        measured.otherCpuFlagged() ? String.format(Locale.ROOT, "; FLAGGED: %.2f cores of other CPU use", measured.otherCpuCores()) : ""));
            }
            runs.add(run.name(), run, measured);
        }
        for (int k = 0; k < o.poolDirs().size(); k++) {
            Path pool = o.poolDirs().get(k);
            int pooled = 0;
            Map<String, MeasuredRun> pooledRuns = keptRuns(pool, plan);
            for (CalibrationPlan.Run run : plan) {
                MeasuredRun measured = pooledRuns.get(run.name());
                if (measured == null) continue;
                if (!keptRunMatches(pool.resolve(run.name() + ".json"), measured, run, o.cluster())) {
                    o.progress().accept("pool " + pool + ": " + run.name() + " ran another workload or warm-up, left out");
                    continue;
                }
                if (measured.snapshotsOutsideWindow() != snapshottedInWindow.isEmpty()) {
                    o.progress().accept("pool " + pool + ": " + run.name() + " had its counters snapshotted "
                            + (measured.snapshotsOutsideWindow() ? "outside" : "inside") + " the window, unlike this folder's runs, left out");
                    continue;
                }
                String name = run.name() + POOLED + "pool" + (k + 1);
                runs.add(name, run, measured);
                pooled++;
            }
            o.progress().accept("pool" + (k + 1) + " " + pool + ": " + pooled + " kept runs of the plan join the fits");
        }
        WakeTrace wakes = wakeTrace(o, plan);
        CalibrationFit fit = CalibrationFit.of(runs.samples);
        String when = LocalDate.now().toString();
        FileWorkFit files = FileWorkFit.of(fit, runs.indexCreate, runs.checkpointWrite, runs.replicasPerBroker);
        ProfileDocument profile = LocalProfileWriter.document(fit, machine, when, JitBurstFit.of(fit, runs.bursts),
                files, GcPauseFit.of(fit, runs.gcPauses, runs.gcWork, runs.gcWorkers), wakes);
        // each trial sets both keys: a profile whose probe did not scale its samples has neither
        IndexCreateGrowthFit growth = files == null || !files.growthFittable() ? null : IndexCreateGrowthFit.of(e -> profile
                        .put("disk", "index-create-reference-replicas", String.format(Locale.ROOT, "%.1f", files.referenceReplicas()),
                                "fit: a trial of IndexCreateGrowthFit")
                        .put("disk", "index-create-replica-exponent", String.format(Locale.ROOT, "%.3f", e), "fit: a trial of IndexCreateGrowthFit")
                        .render(),
                files.referenceReplicas(), files.replicaExponent(), runs.inputs, fit.jitRuns(), Runtime.getRuntime().availableProcessors(),
                o.progress());
        if (growth != null) {
            profile.put("disk", "index-create-replica-exponent", String.format(Locale.ROOT, "%.3f", growth.exponent()),
                    growth.source(files.referenceReplicas()));
            profile.put("disk", "index-create-reference-replicas", String.format(Locale.ROOT, "%.1f", files.referenceReplicas()),
                    files.referenceSource(growth.exponent()));
        }
        ResultFiles.writeString(o.profileOut(), profile.render());
        String report = CalibrationReport.render(fit, machine, plan, o.profileOut(), when, files, growth);
        if (!o.poolDirs().isEmpty()) {
            StringBuilder pools = new StringBuilder("Runs pooled from earlier calibrations (`--pool`), named <run>@pool<k>:");
            for (int k = 0; k < o.poolDirs().size(); k++) pools.append(k == 0 ? " " : "; ").append("pool").append(k + 1).append(" = `").append(o.poolDirs().get(k)).append('`');
            int at = report.indexOf("\n## Runs");
            report = report.substring(0, at) + "\n" + pools + ".\n" + report.substring(at);
        }
        ResultFiles.writeString(o.workDir().resolve(REPORT_MD), report);
        o.progress().accept(String.format(Locale.ROOT, "[calibrate %.0f s] wrote %s and %s", (System.nanoTime() - t0) / 1e9, o.profileOut(),
                o.workDir().resolve(REPORT_MD)));
        return fit;
    }

    /**
     * The work folder's scheduler trace ({@link #WAKEUPS_JSON}), else the first pooled folder's, else a new one: one more run of
     * {@link #WAKEUPS_RUN} with its first {@link #WAKEUPS_TRACE} traced (its measurement is not kept: the recording's own CPU
     * would spoil it for the fits). Null when there is none and perf cannot trace here, or the trace found too few wakes
     * onto an idle CPU, or tracing was not asked for ({@link Options#traceWakeups}): the send lag then gives cpu.wakeup-latency.
     */
    static WakeTrace wakeTrace(Options o, List<CalibrationPlan.Run> plan) throws InterruptedException {
        List<Path> folders = new ArrayList<>();
        if (!o.fresh()) folders.add(o.workDir());
        folders.addAll(o.poolDirs());
        for (Path dir : folders) {
            Path f = dir.resolve(WAKEUPS_JSON);
            if (Files.isRegularFile(f)) {
                WakeTrace kept = read(f, WakeTrace.class);
                o.progress().accept("wake-ups: traced earlier (" + f + "), kept");
                return kept.trace().idleCpuWakeUs() == null ? null : kept;
            }
        }
        if (!o.traceWakeups()) return null;
        String why = io.tailsim.validation.metrics.SchedTrace.unavailable();
        if (why != null) {
            o.progress().accept("wake-ups: not traced (" + why + "); cpu.wakeup-latency from the driver's send lag");
            return null;
        }
        CalibrationPlan.Run run = plan.stream().filter(r -> r.name().equals(WAKEUPS_RUN)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no plan run " + WAKEUPS_RUN));
        Path traceFile = o.workDir().resolve(WAKEUPS_JSON + ".trace");
        o.progress().accept("wake-ups: " + run.name() + " again, its first " + WAKEUPS_TRACE.toSeconds() + " s traced (perf sched)");
        RealKafkaRun.execute(run.spec(), o.cluster().withSchedTrace(
                new io.tailsim.validation.cluster.ClusterOptions.SchedTraceRequest(WAKEUPS_TRACE, traceFile)), msg -> o.progress().accept("  real: " + msg), false);
        String traced = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        WakeTrace t = new WakeTrace(run.name(), traced, read(traceFile, io.tailsim.validation.metrics.SchedTrace.Analysis.class));
        ResultFiles.writeJson(o.workDir().resolve(WAKEUPS_JSON), t);
        try {
            Files.deleteIfExists(traceFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return t.trace().idleCpuWakeUs() == null ? null : t;
    }

    /**
     * Replicas each broker holds in {@code run}: its topics' partitions times their replication factors, over the brokers,
     * and with consumer groups the 50 partitions of __consumer_offsets (offsets.topic.num.partitions, Kafka's default)
     * the first group creates, at the run's offsets.topic.replication.factor; the model counts a broker's replicas the same way.
     */
    static double replicasPerBroker(CalibrationPlan.Run run) {
        var c = run.spec().cluster();
        double replicas = c.topics().stream().mapToDouble(t -> (double) t.partitions() * t.replicationFactor()).sum();
        if (!run.spec().workload().consumers().isEmpty()) {
            String rf = c.brokerConfigs().getOrDefault("offsets.topic.replication.factor",
                    io.tailsim.validation.cluster.BrokerConfig.runDefaults(c.brokers()).get("offsets.topic.replication.factor"));
            replicas += OFFSETS_TOPIC_PARTITIONS * Double.parseDouble(rf);
        }
        return replicas / c.brokers();
    }

    /**
     * Partitions of each of {@code run}'s producers' topics, averaged over its producers: what a Sender walks each time it
     * wakes (ready() the deques of the partitions written to, each drain every partition its broker leads); 0 without
     * producers.
     */
    static double partitionsPerProducer(CalibrationPlan.Run run) {
        var topics = run.spec().cluster().topics();
        double producers = 0, partitions = 0;
        for (var g : run.spec().workload().producers()) {
            int p = topics.stream().filter(t -> t.name().equals(g.topic())).mapToInt(io.tailsim.validation.cluster.TopicSpec::partitions)
                    .findFirst().orElse(0);
            producers += g.count();
            partitions += (double) g.count() * p;
        }
        return producers == 0 ? 0 : partitions / producers;
    }

    /** What the fits take from each run, by the name the run goes by in them (a plan run's, or a pooled run's). */
    private static final class Fitted {
        final List<CalibrationSample> samples = new ArrayList<>();
        final java.util.Map<String, List<Double>> bursts = new java.util.LinkedHashMap<>();
        final java.util.Map<String, List<Double>> indexCreate = new java.util.LinkedHashMap<>();
        final java.util.Map<String, List<Double>> checkpointWrite = new java.util.LinkedHashMap<>();
        final java.util.Map<String, List<Double>> gcPauses = new java.util.LinkedHashMap<>();
        final java.util.Map<String, Double> replicasPerBroker = new java.util.LinkedHashMap<>();
        final java.util.Map<String, GcPauseFit.Work> gcWork = new java.util.LinkedHashMap<>();
        final java.util.Map<String, io.tailsim.validation.metrics.GcWorkerThreads.Usage> gcWorkers = new java.util.HashMap<>();
        final List<IndexCreateGrowthFit.Input> inputs = new ArrayList<>();

        void add(String name, CalibrationPlan.Run run, MeasuredRun measured) {
            samples.add(CalibrationSample.of(name, measured, partitionsPerProducer(run)));
            bursts.put(name, measured.brokerJitBurstsMs());
            indexCreate.put(name, measured.fileProbeIndexCreateMs());
            checkpointWrite.put(name, measured.fileProbeCheckpointWriteMs());
            gcPauses.put(name, measured.brokerGcPausesMs());
            replicasPerBroker.put(name, replicasPerBroker(run));
            gcWork.put(name, GcPauseFit.work(measured));
            gcWorkers.put(name, measured.brokerGcWorkers());
            inputs.add(new IndexCreateGrowthFit.Input(name, run, measured, replicasPerBroker(run)));
        }
    }

    /**
     * The plan's runs kept in {@code dir}, by name, in the plan's order. A work folder holding runs measured with the counters'
     * snapshots inside the window (before b55cc7d) is refitted as it is (the archived profiles' headers reproduce that way) but
     * not added to, and pools only its own kind.
     */
    static Map<String, MeasuredRun> keptRuns(Path dir, List<CalibrationPlan.Run> plan) {
        Map<String, MeasuredRun> kept = new LinkedHashMap<>();
        for (CalibrationPlan.Run run : plan) {
            Path f = dir.resolve(run.name() + ".json");
            if (Files.isRegularFile(f)) kept.put(run.name(), MeasuredRun.fromJson(readString(f)));
        }
        return kept;
    }

    /** offsets.topic.num.partitions, Kafka's default (the harness leaves it). */
    static final int OFFSETS_TOPIC_PARTITIONS = 50;

    /**
     * Whether a kept run ran the plan's workload: each run is measured with a record of its spec beside it
     * ({@code <run>.spec.txt}), and a run whose record differs from the plan (the plan changed since) is measured again.
     * A run kept without a record (made before records were written) is taken as it is. A run measured after another warm-up
     * than this calibration gives the brokers ({@link ClusterOptions#brokerWarmup}) is measured again too.
     */
    static boolean keptRunMatches(Path runJson, MeasuredRun kept, CalibrationPlan.Run run, ClusterOptions cluster) {
        Path spec = specFile(runJson);
        if (Files.isRegularFile(spec) && !readString(spec).equals(specRecord(run))) return false;
        return Math.abs(kept.warmupSeconds() - RealKafkaRun.warmupSeconds(run.spec(), cluster)) < 1e-6;
    }

    /** The run's spec as JSON with map keys sorted: the same text in every JVM (Map.of's order is not). */
    static String specRecord(CalibrationPlan.Run run) {
        try {
            return new ObjectMapper().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(run.spec());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the spec of " + run.name(), e);
        }
    }

    static Path specFile(Path runJson) {
        return runJson.resolveSibling(runJson.getFileName().toString().replace(".json", ".spec.txt"));
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static String readString(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static <T> T read(Path f, Class<T> type) {
        try {
            return new ObjectMapper().readValue(Files.readAllBytes(f), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
