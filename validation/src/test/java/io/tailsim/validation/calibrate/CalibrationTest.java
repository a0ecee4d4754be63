package io.tailsim.validation.calibrate;

import io.tailsim.scenarios.profile.ProfileLoader;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.MeasuredRunTest;
import io.tailsim.validation.RealKafkaRun;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.cluster.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A calibration whose runs are all in the work folder already: it resumes without starting a cluster, fits, and writes both files. */
class CalibrationTest {
    /** The sample run with the counts and CPU figures of a calibration run made with known costs. */
    static MeasuredRun run(int i) {
        return run(i, MeasuredRunTest.sample().warmupSeconds());
    }

    /** The same, measured after {@code warmup} seconds of load. */
    static MeasuredRun run(int i, double warmup) {
        MeasuredRun s = MeasuredRunTest.sample();
        double w = s.windowSeconds();
        double produce = 50 + 90 * i, ff = 40 + 30 * (i % 4), fc = 25 * (i % 3), extra = 11 * (i % 5), reads = 300 + 700 * (i % 6), kibIn = 20 + 9 * i * i;
        double requests = produce + ff + fc;
        double network = 0.01 + 40e-6 * requests;
        double fetcher = 0.004 + 50e-6 * ff;
        double handler = 0.05 + 200e-6 * requests + 3e-6 * reads;
        double offPath = 0.02 + 900e-6 * requests + 30e-6 * reads;
        double records = produce * w * (1 + i % 3);
        double driver = 0.1 + 300e-6 * records / w;
        double brokers = handler + network + fetcher + offPath;
        return new MeasuredRun("c" + i, s.kafkaVersion(), 1, 3, 1024, 3, 1, records / w, s.offeredBytesPerSec(), warmup, w,
                s.startupSeconds(), s.wallTimeSeconds(), s.producerLatencyMs(), s.endToEndLatencyMs(), s.driverSendLagMs(),
                s.producerLatencyHistogramUs(), s.endToEndLatencyHistogramUs(), (long) records, (long) records, 0, null, (long) records, (long) records, 0,
                s.requestTimeMeansMs(), Map.of("Produce", produce, "FetchFollower", ff, "FetchConsumer", fc), 0.9, 3, 12,
                Map.of(1, brokers / 3, 2, brokers / 3, 3, brokers / 3), driver, brokers + driver, 0.01, false, false, 0.1, 2, 24000,
                (long) records * 512, Map.of(), Map.of(),
                Map.of("TotalProduceRequestsPerSec", produce + extra, "TotalFetchRequestsPerSec", reads, "BytesInPerSec", kibIn * 1024,
                        "ReplicationBytesInPerSec", 2 * kibIn * 1024),
                Map.of("network", network, "replicaFetcher", fetcher, "requestHandler", handler, "otherJava", offPath * 0.1, "nonJava", offPath * 0.9),
                s.brokerThreadWakeupsPerSec(), s.brokerThreadPreemptionsPerSec(), s.machineSpeed(), s.driverJitCpuCores(), s.driverSendLagQuantilesMs(),
                s.brokerJitBurstsMs(), s.fileProbeIndexCreateMs(), s.fileProbeCheckpointWriteMs(),
                s.driverThreadCpuCores(), s.driverThreadWakeupsPerSec(),
                List.of(5.0 + i, 10.0, 20.0, 40.0, 0.1), List.of(4.0 + i, 30.0), s.brokerThreadRunQueueWaitCores(), 0L, MeasuredRun.PER_MACHINE_CLOCK,
                null, null, null, s.snapshotLeadSeconds());
    }

    private static java.util.Map<String, CalibrationPlan.Run> plan() {
        java.util.Map<String, CalibrationPlan.Run> plan = new java.util.HashMap<>();
        CalibrationPlan.runs().forEach(r -> plan.put(r.name(), r));
        return plan;
    }

    @Test
    void replicasPerBrokerCountTheOffsetsTopicWhereGroupsConsume() {
        var plan = plan();
        // 1,200 partitions at RF 3 over 3 brokers, no consumers
        assertThat(Calibration.replicasPerBroker(plan.get("c08-partitions-1200"))).isEqualTo(1200.0);
        // 6 partitions at RF 3 and one consumer group: __consumer_offsets' 50 partitions at RF 3 too
        assertThat(Calibration.replicasPerBroker(plan.get("c02-linger0-300"))).isEqualTo(56.0);
    }

    @Test
    void eachProducersSenderWalksItsTopicsPartitions() {
        var plan = plan();
        assertThat(Calibration.partitionsPerProducer(plan.get("c08-partitions-1200"))).isEqualTo(1200.0);
        assertThat(Calibration.partitionsPerProducer(plan.get("c02-linger0-300"))).isEqualTo(6.0);
        assertThat(Calibration.partitionsPerProducer(plan.get("c01-idle"))).isPositive();
    }

    @Test
    void resumesFromKeptRunsFitsAndWritesTheProfileAndTheReport(@TempDir Path tmp) throws Exception {
        Path work = tmp.resolve("work");
        ResultFiles.writeJson(work.resolve(Calibration.MACHINE_JSON), LocalProfileWriterTest.MACHINE);
        List<CalibrationPlan.Run> plan = CalibrationPlan.runs();
        ClusterOptions cluster = ClusterOptions.defaults();
        for (int i = 0; i < plan.size(); i++)
            ResultFiles.writeString(work.resolve(plan.get(i).name() + ".json"), run(i, RealKafkaRun.warmupSeconds(plan.get(i).spec(), cluster)).toJson());

        List<String> log = new ArrayList<>();
        Path profile = tmp.resolve("profiles").resolve("local.yaml");
        CalibrationFit fit = Calibration.run(new Calibration.Options(work, profile, false, cluster, log::add));

        assertThat(log).filteredOn(l -> l.contains("measured earlier, kept")).hasSize(plan.size());
        assertThat(fit.used()).hasSize(plan.size());
        assertThat(fit.handler().coefficient("requests")).isCloseTo(200e-6, within(1e-9));
        assertThat(fit.offPath().coefficient("requests")).isCloseTo(900e-6, within(1e-9));
        assertThat(fit.client().coefficient("recordsSent")).isCloseTo(300e-6, within(1e-10));
        var h = ProfileLoader.load(profile).hardware();
        assertThat(h.cpu().perRequest("Produce")).isCloseTo(200_000L, within(5L));
        assertThat(h.hostEffects().backgroundPerRequestNanos()).isCloseTo(900_000, within(5.0));
        assertThat(h.hostEffects().backgroundPerPartitionNanos()).isCloseTo(30_000, within(5.0));
        assertThat(h.hostEffects().wakeupLatency()).isNotNull();
        assertThat(h.cpu().networkThreadPerRequestNanos()).isCloseTo(40_000, within(5.0));
        String report = Files.readString(work.resolve(Calibration.REPORT_MD));
        assertThat(report).contains("## broker request handlers", "| requests | 200.0us |", "## broker CPU off the request path", "| c01-idle |", "residual", "c10-spread-batches");
    }

    /** --pool: an earlier calibration's kept runs join the fits, named <run>@pool1; a run made after another warm-up does not. */
    @Test
    void anEarlierCalibrationsRunsArePooledIntoTheFits(@TempDir Path tmp) throws Exception {
        List<CalibrationPlan.Run> plan = CalibrationPlan.runs();
        ClusterOptions cluster = ClusterOptions.defaults();
        Path work = tmp.resolve("work"), earlier = tmp.resolve("earlier");
        ResultFiles.writeJson(work.resolve(Calibration.MACHINE_JSON), LocalProfileWriterTest.MACHINE);
        for (int i = 0; i < plan.size(); i++) {
            double warmup = RealKafkaRun.warmupSeconds(plan.get(i).spec(), cluster);
            ResultFiles.writeString(work.resolve(plan.get(i).name() + ".json"), run(i, warmup).toJson());
            ResultFiles.writeString(earlier.resolve(plan.get(i).name() + ".json"), run(i, i == 3 ? warmup + 60 : warmup).toJson());
        }
        List<String> log = new ArrayList<>();
        Path profile = tmp.resolve("local.yaml");
        CalibrationFit fit = Calibration.run(new Calibration.Options(work, profile, false, cluster, log::add, List.of(earlier)));
        assertThat(fit.used()).hasSize(2 * plan.size() - 1);
        assertThat(fit.used()).anyMatch(s -> s.name().equals(plan.get(0).name() + "@pool1"))
                .noneMatch(s -> s.name().equals(plan.get(3).name() + "@pool1"));
        assertThat(log).anyMatch(l -> l.contains(plan.get(3).name()) && l.contains("left out"))
                .anyMatch(l -> l.contains((plan.size() - 1) + " kept runs of the plan join the fits"));
        assertThat(fit.handler().coefficient("requests")).isCloseTo(200e-6, within(1e-9));
        String report = Files.readString(work.resolve(Calibration.REPORT_MD));
        assertThat(report).contains("pool1 = `" + earlier + "`", "| " + plan.get(0).name() + "@pool1 | " + plan.get(0).description() + " |");
        assertThat(Files.readString(profile)).contains(String.format("over %d calibration runs", 2 * plan.size() - 1));
    }

    @Test
    void theLightRunsWhoseSendLagIsTheWakeupLatencyRunWithoutTheProbes() {
        assertThat(CalibrationPlan.runs().stream().filter(r -> !r.probes()).map(CalibrationPlan.Run::name))
                .containsExactlyInAnyOrder("c01-idle", "c05-large-records");
    }

    /**
     * Runs measured with the counters' snapshots inside the window (an older harness) are refitted as they are, so the archived
     * profiles' headers still reproduce; a folder of them is not added to, and a pool of the other kind is left out.
     */
    @Test
    void runsSnapshottedInsideTheirWindowsAreRefittedButNeitherAddedToNorPooledWithNewerOnes(@TempDir Path tmp) throws Exception {
        List<CalibrationPlan.Run> plan = CalibrationPlan.runs();
        ClusterOptions cluster = ClusterOptions.defaults();
        Path older = tmp.resolve("older"), newer = tmp.resolve("newer");
        for (Path dir : List.of(older, newer)) ResultFiles.writeJson(dir.resolve(Calibration.MACHINE_JSON), LocalProfileWriterTest.MACHINE);
        for (int i = 0; i < plan.size(); i++) {
            String json = run(i, RealKafkaRun.warmupSeconds(plan.get(i).spec(), cluster)).toJson();
            String inWindow = MeasuredRunTest.withoutFields(json, "snapshotLeadSeconds");
            assertThat(MeasuredRun.fromJson(inWindow).snapshotsOutsideWindow()).isFalse();
            ResultFiles.writeString(older.resolve(plan.get(i).name() + ".json"), inWindow);
            ResultFiles.writeString(newer.resolve(plan.get(i).name() + ".json"), json);
        }
        List<String> log = new ArrayList<>();
        assertThat(Calibration.run(new Calibration.Options(older, tmp.resolve("a.yaml"), false, cluster, log::add)).used()).hasSize(plan.size());

        Calibration.run(new Calibration.Options(newer, tmp.resolve("b.yaml"), false, cluster, log::add, List.of(older)));
        assertThat(log).filteredOn(l -> l.contains("snapshotted inside the window, unlike this folder's runs, left out")).hasSize(plan.size());
        assertThat(log).anyMatch(l -> l.contains("0 kept runs of the plan join the fits"));

        Files.delete(older.resolve(plan.get(5).name() + ".json"));
        assertThatThrownBy(() -> Calibration.run(new Calibration.Options(older, tmp.resolve("c.yaml"), false, cluster, log::add)))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("snapshots inside the window").hasMessageContaining(plan.get(0).name())
                .hasMessageContaining("measuring " + plan.get(5).name()).hasMessageContaining("--fresh");
        assertThat(tmp.resolve("c.yaml")).doesNotExist();
    }

    /** A kept run is reused only if it ran what the plan asks now after the same warm-up: otherwise it is measured again. */
    @Test
    void aKeptRunIsReusedOnlyUnderTheSpecAndTheWarmupItRan(@TempDir Path tmp) throws Exception {
        CalibrationPlan.Run c07 = CalibrationPlan.runs().stream().filter(r -> r.name().startsWith("c07")).findFirst().orElseThrow();
        ClusterOptions cluster = ClusterOptions.defaults();
        Path f = tmp.resolve(c07.name() + ".json");
        // c07 warms up for 40 s of its own after the brokers' 90 s
        MeasuredRun kept = run(0, 130);
        ResultFiles.writeString(f, kept.toJson());
        assertThat(Calibration.keptRunMatches(f, kept, c07, cluster)).as("no record: kept as it is").isTrue();
        ResultFiles.writeString(Calibration.specFile(f), Calibration.specRecord(c07));
        assertThat(Calibration.keptRunMatches(f, kept, c07, cluster)).isTrue();
        assertThat(Calibration.keptRunMatches(f, kept, c07, cluster.withBrokerWarmup(java.time.Duration.ZERO)))
                .as("measured after another warm-up than the brokers get now").isFalse();
        ResultFiles.writeString(Calibration.specFile(f), Calibration.specRecord(CalibrationPlan.runs().get(0)));
        assertThat(Calibration.keptRunMatches(f, kept, c07, cluster)).as("recorded under another workload").isFalse();
        assertThat(Calibration.specRecord(c07)).contains("\"acks\":\"all\",\"linger.ms\":\"0\"").contains("\"partitions\":300");
    }

    /** A run is fitted unless a window record failed: a record stuck since the warm-up (c07 and c08 after a long warm-up) does not count. */
    @Test
    void onlyFailedWindowRecordsPutARunBehindItsLoad() {
        String ok = run(2).toJson();
        assertThat(CalibrationSample.of("c", MeasuredRun.fromJson(ok)).usable()).isTrue();
        String stuckSinceWarmup = ok.replaceFirst("\"failedSends\" : 0", "\"failedSends\" : 4");
        assertThat(stuckSinceWarmup).isNotEqualTo(ok);
        assertThat(CalibrationSample.of("c", MeasuredRun.fromJson(stuckSinceWarmup)).usable()).isTrue();
        String failedInWindow = stuckSinceWarmup.replaceFirst("\"failedInWindow\" : 0", "\"failedInWindow\" : 1");
        assertThat(failedInWindow).isNotEqualTo(stuckSinceWarmup);
        assertThat(CalibrationSample.of("c", MeasuredRun.fromJson(failedInWindow)).behind()).isTrue();
        // a run made before the harness counted window failures: any failure puts it behind
        String older = stuckSinceWarmup.replaceFirst(",\\s*\"failedInWindow\" : 0", "");
        assertThat(older).doesNotContain("failedInWindow");
        assertThat(MeasuredRun.fromJson(older).failedInWindow()).isNull();
        assertThat(CalibrationSample.of("c", MeasuredRun.fromJson(older)).behind()).isTrue();
    }

    @Test
    void aKeptSchedulerTraceGivesTheWakeupLatencyFromTheWorkFolderOrAPooledOne(@TempDir Path tmp) throws Exception {
        List<CalibrationPlan.Run> plan = CalibrationPlan.runs();
        ClusterOptions cluster = ClusterOptions.defaults();
        Path work = tmp.resolve("work");
        Path earlier = tmp.resolve("earlier");
        for (Path dir : List.of(work, earlier)) {
            ResultFiles.writeJson(dir.resolve(Calibration.MACHINE_JSON), LocalProfileWriterTest.MACHINE);
            for (int i = 0; i < plan.size(); i++)
                ResultFiles.writeString(dir.resolve(plan.get(i).name() + ".json"), run(i, RealKafkaRun.warmupSeconds(plan.get(i).spec(), cluster)).toJson());
        }
        ResultFiles.writeJson(earlier.resolve(Calibration.WAKEUPS_JSON), LocalProfileWriterTest.wakeTrace());
        List<String> log = new ArrayList<>();
        Path alone = tmp.resolve("alone.yaml");
        // no trace kept and none asked for (the options' default): the send lag, and nothing runs
        Calibration.run(new Calibration.Options(work, alone, false, cluster, log::add));
        assertThat(ProfileLoader.load(alone).sources().get("cpu.wakeup-latency")).startsWith("measured: the driver's send lag");
        Path pooled = tmp.resolve("pooled.yaml");
        Calibration.run(new Calibration.Options(work, pooled, false, cluster, log::add, List.of(earlier)));
        assertThat(log).anyMatch(l -> l.startsWith("wake-ups: traced earlier (" + earlier.resolve(Calibration.WAKEUPS_JSON)));
        assertThat(ProfileLoader.load(pooled).sources().get("cpu.wakeup-latency")).startsWith("measured: woken to running").contains("800 wakes");
        assertThat(ProfileLoader.load(pooled).hardware().hostEffects().wakeupLatency().mean()).isCloseTo(60_000, within(500.0));
    }
}
