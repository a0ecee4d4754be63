package io.tailsim.validation.calibrate;

import io.tailsim.models.config.HardwareProfile;
import io.tailsim.scenarios.profile.ProfileLoader;
import io.tailsim.scenarios.profile.Testbed;
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

/** The written profile is one the scenarios' loader reads back, with the fitted numbers and a source on every value. */
class LocalProfileWriterTest {
    static final MachineFacts MACHINE = new MachineFacts(2, "test CPU", 24L << 30, 20_000, 24_000, 1.2, 1.8e9, 256L << 20, 1.25e9, "/tmp", 1, 2,
            ramp(5e6), ramp(20e6));

    /** Values at 0..100% rising evenly from half to twice {@code median}. */
    static double[] ramp(double median) {
        double[] q = new double[101];
        for (int i = 0; i <= 100; i++) q[i] = median * (i <= 50 ? 0.5 + i / 100.0 : 1 + (i - 50) / 50.0);
        return q;
    }

    static CalibrationFit syntheticFit(double produceCost) {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double w = 15, produce = w * (100 + 80 * i), ff = w * (50 + 37 * (i % 4)), fc = w * 20 * (i % 3);
            double reads = w * (200 + 911 * (i % 7)), records = produce * (1 + i % 3);
            double requests = produce + ff + fc;
            double handler = 0.05 * w + produceCost * requests + 3e-6 * 2 * reads; // 3 us a walk, two walks a metered read
            double offPath = 0.02 * w + 900e-6 * requests + 30e-6 * reads;
            double network = 0.01 * w + 40e-6 * requests;
            double fetcher = 0.005 * w + 50e-6 * ff + 4e-6 * reads * ff / (ff + fc);
            double driver = 0.1 * w + 300e-6 * records;
            runs.add(new CalibrationSample("c" + i, w, produce, ff, fc, reads, records,
                    handler + network + fetcher + offPath, network, fetcher, handler, offPath, driver, 30, 120, 3, i == 4,
                    i == 7, 1000, 0.1, 0.4, null, Double.NaN, Double.NaN));
        }
        return CalibrationFit.of(runs);
    }

    @Test
    void roundTripsThroughTheScenariosProfileLoader(@TempDir Path tmp) throws Exception {
        CalibrationFit fit = syntheticFit(300e-6);
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01").render());

        Testbed t = ProfileLoader.load(file);
        HardwareProfile h = t.hardware();
        assertThat(h.name()).isEqualTo("local");
        assertThat(h.brokerVcpus()).isEqualTo(2);
        assertThat(h.brokersPerHost()).isEqualTo(3);
        assertThat(h.clientsShareBrokerHost()).isTrue();
        assertThat(h.cpu().perRequest("Produce")).isCloseTo(300_000L, within(50L));
        assertThat(h.cpu().perRequest("FetchFollower")).isEqualTo(h.cpu().perRequest("Produce"));
        assertThat(h.cpu().perRequest("FetchConsumer")).isEqualTo(h.cpu().perRequest("FetchFollower"));
        assertThat(h.cpu().perKiBNanos()).isZero();
        assertThat(h.cpu().perPartitionNanos()).isZero();
        assertThat(h.cpu().fetchSessionPartitionNanos()).isCloseTo(3_000, within(5.0));
        assertThat(h.cpu().networkThreadPerRequestNanos()).isCloseTo(40_000, within(5.0));
        assertThat(h.cpu().replicaFetcherPerResponseNanos()).isCloseTo(50_000, within(5.0));
        assertThat(h.cpu().replicaFetcherPerPartitionNanos()).isCloseTo(4_000, within(5.0));
        assertThat(h.cpu().clientPerRequestNanos()).isZero();
        assertThat(h.cpu().clientPerRecordNanos()).isCloseTo(5_000, within(5.0));
        assertThat(h.hostEffects().clientBackgroundCores()).isCloseTo(0.1, within(1e-6));
        assertThat(h.hostEffects().clientBackgroundPerRecordNanos()).isCloseTo(295_000, within(5.0));
        assertThat(h.network().sameHostOneWay().mean()).isCloseTo(24_000, within(100.0));
        assertThat(h.network().nicBytesPerSecond()).isEqualTo(1.8e9);
        assertThat(h.disk().writeBytesPerSecond()).isEqualTo(1.25e9);
        // two runs are not used (one flagged, one fell behind its load): 240 collections in 8 runs x 3 brokers x 15 s, one every 1.5 s
        // per broker; 120 ms / 30 = 4 ms each.
        assertThat(h.gcPauseInterval().mean()).isCloseTo(1.5e9, within(1e6));
        assertThat(h.gcPauseDuration().mean()).isCloseTo(4e6, within(1e3));
        assertThat(t.sources()).containsKey("cpu.per-request.Produce");
        assertThat(t.sources().get("cpu.per-request.Produce")).startsWith("fit: non-negative least squares").contains("8 calibration runs");
        HardwareProfile.HostEffects fx = h.hostEffects();
        assertThat(fx.backgroundPerRequestNanos()).isCloseTo(900_000, within(5.0));
        assertThat(fx.backgroundPerPartitionNanos()).isCloseTo(30_000, within(5.0));
        // idle: handlers 0.05 + off-path 0.02 + network 0.01 + fetchers 0.005 cores over 3 brokers
        assertThat(fx.backgroundCoresPerBroker()).isCloseTo(0.085 / 3, within(1e-3));
        // the send lag's mean less the timer slack, which timed waits pay beside it
        assertThat(fx.wakeupLatency().mean()).isCloseTo(350_000, within(1.0));
        assertThat(fx.timerSlackNanos()).isEqualTo(50_000);
        // MACHINE has 2 cores: 0.75 ms x (1 + log2 2)
        assertThat(fx.schedulerSliceNanos()).isEqualTo(1_500_000);
        assertThat(LocalProfileWriter.schedulerSlice(1)).isEqualTo("750us");
        assertThat(LocalProfileWriter.schedulerSlice(16)).isEqualTo("3000us");
        // the scheduler follows the kernel the calibration ran on: EEVDF from Linux 6.6
        assertThat(fx.scheduler()).isEqualTo(LocalProfileWriter.hasEevdf(System.getProperty("os.version"))
                ? io.tailsim.models.cpu.SchedulerPolicy.EEVDF : io.tailsim.models.cpu.SchedulerPolicy.ROUND_ROBIN);
        assertThat(t.sources().get("cpu.scheduler")).startsWith("measured: kernel ");
        assertThat(LocalProfileWriter.hasEevdf("6.18.44-fc-v1272")).isTrue();
        assertThat(LocalProfileWriter.hasEevdf("6.6.0")).isTrue();
        assertThat(LocalProfileWriter.hasEevdf("7.0.1")).isTrue();
        assertThat(LocalProfileWriter.hasEevdf("6.5.13-generic")).isFalse();
        assertThat(LocalProfileWriter.hasEevdf("5.15.0-91-generic")).isFalse();
        assertThat(LocalProfileWriter.hasEevdf("unknown")).isFalse();
        assertThat(t.sources().get("cpu.wakeup-latency")).startsWith("measured:");
        assertThat(t.sources().get("network.same-host-one-way")).startsWith("measured:");
        assertThat(t.clusterDefaults().keys()).contains("brokers", "security.protocol");
        // MACHINE's probe: index creation median 5 ms, checkpoint write median 20 ms (values from half to twice the median)
        assertThat(h.disk().indexCreate().mean()).isBetween(4e6, 7e6);
        assertThat(h.disk().checkpointWrite().mean()).isBetween(16e6, 28e6);
        assertThat(t.sources().get("disk.index-create")).startsWith("measured:").contains("median 5.0 ms");
        assertThat(fx.hasJit()).isFalse();
    }

    @Test
    void theJitIsACompilerThreadOfItsOwnWhenTheRunsMeasuredItsBusyPeriods(@TempDir Path tmp) throws Exception {
        List<CalibrationSample> runs = new ArrayList<>();
        Map<String, List<Double>> bursts = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            double w = 15, produce = w * (100 + 80 * i), ff = w * (50 + 37 * (i % 4)), fc = w * 20 * (i % 3);
            double reads = w * (200 + 911 * (i % 7)), records = produce * (1 + i % 3);
            double requests = produce + ff + fc;
            double handler = 0.05 * w + 300e-6 * requests, network = 0.01 * w + 40e-6 * requests;
            double fetcher = 0.005 * w + 50e-6 * ff, offPath = 0.02 * w + 900e-6 * requests + 30e-6 * reads;
            double jit = 0.6 * w;
            runs.add(new CalibrationSample("c" + i, w, produce, ff, fc, reads, records, handler + network + fetcher + offPath + jit,
                    network, fetcher, handler, offPath, 0.1 * w + 300e-6 * records, 30, 120, 3, false, false, 1000, 0.1, 0.4, null,
                    Double.NaN, Double.NaN, jit, Double.NaN, null));
            bursts.put("c" + i, List.of(10.0, 20.0, 30.0, 100.0 + i));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        JitBurstFit jit = JitBurstFit.of(fit, bursts);
        assertThat(jit.periods()).isEqualTo(40);
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01", jit).render());
        Testbed t = ProfileLoader.load(file);
        HardwareProfile.HostEffects fx = t.hardware().hostEffects();
        assertThat(fx.hasJit()).isTrue();
        assertThat(fx.jitCoresPerBroker()).isCloseTo(0.2, within(1e-6));
        assertThat(fx.jitBurst().mean()).isBetween(30e6, 50e6);
        // the idle terms alone: handlers 0.05 + off-path 0.02 + network 0.01 + fetchers 0.005 cores over 3 brokers
        assertThat(fx.backgroundCoresPerBroker()).isCloseTo(0.085 / 3, within(1e-3));
        assertThat(t.sources().get("cpu.jit-burst")).startsWith("measured:").contains("40 periods");
        // the file work timed beside the loaded cluster replaces the idle machine's probe
        Map<String, List<Double>> index = new java.util.HashMap<>(), checkpoint = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            index.put("c" + i, List.of(100.0, 150.0, 200.0));
            checkpoint.put("c" + i, List.of(4.0, 6.0, 8.0));
        }
        FileWorkFit files = FileWorkFit.of(fit, index, checkpoint);
        assertThat(files.samples()).isEqualTo(30);
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01", jit, files).render());
        t = ProfileLoader.load(file);
        assertThat(t.hardware().disk().indexCreate().mean()).isCloseTo(150e6, within(10e6));
        assertThat(t.hardware().disk().checkpointWrite().mean()).isCloseTo(6e6, within(0.5e6));
        assertThat(t.sources().get("disk.index-create")).startsWith("measured:").contains("beside the loaded cluster").contains("30 samples");
        assertThat(files.scaled()).isFalse();
        assertThat(t.hardware().disk().indexCreateFactor(5000)).isEqualTo(1.0);
        // runs holding 10, 100 and 1,000 replicas per broker whose index creation grows as their square root: the fit
        // finds the power, divides it out and pools what is left
        Map<String, Double> replicas = new java.util.HashMap<>();
        double logSum = 0;
        for (int i = 0; i < 10; i++) {
            double r = 10 * Math.pow(10, i % 3);
            replicas.put("c" + i, r);
            logSum += Math.log(r);
        }
        double reference = Math.exp(logSum / 10);
        for (int i = 0; i < 10; i++) {
            double k = Math.sqrt(replicas.get("c" + i) / reference);
            index.put("c" + i, List.of(100.0 * k, 150.0 * k, 200.0 * k));
        }
        FileWorkFit grown = FileWorkFit.of(fit, index, checkpoint, replicas);
        assertThat(grown.scaled()).isTrue();
        assertThat(grown.replicaExponent()).isCloseTo(0.5, within(1e-9));
        assertThat(grown.referenceReplicas()).isCloseTo(reference, within(1e-6));
        assertThat(grown.exponentR2()).isCloseTo(1.0, within(1e-9));
        assertThat(grown.indexCreateMs()[50]).isCloseTo(150.0, within(1e-6));
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01", jit, grown).render());
        t = ProfileLoader.load(file);
        assertThat(t.hardware().disk().indexCreateFactor((int) Math.round(4 * reference)))
                .isCloseTo(Math.sqrt(Math.round(4 * reference) / Double.parseDouble(String.format(java.util.Locale.ROOT, "%.1f", reference))),
                        within(1e-3));
        assertThat(t.sources().get("disk.index-create-replica-exponent")).startsWith("fit:").contains("R^2 1.00");
        assertThat(t.sources().get("disk.index-create")).contains("divided by");
        String md = CalibrationReport.render(fit, MACHINE, CalibrationPlan.runs(), file, "2026-01-01", grown);
        assertThat(md).contains("## File work of first appends", "| c1 | 100 | 3 |", "to the power 0.500", "median 150.0 ms");
        // one replica count among the runs: nothing to fit, pooled as measured
        Map<String, Double> same = new java.util.HashMap<>();
        replicas.keySet().forEach(k -> same.put(k, 12.0));
        assertThat(FileWorkFit.of(fit, index, checkpoint, same).scaled()).isFalse();
        assertThat(FileWorkFit.of(fit, index, checkpoint, same).growthFittable()).isFalse();
        // medians falling with the replicas (a pass whose first, small runs probed slow): pooled as measured, yet the counts
        // differ, so the runs' tails may still fit the growth
        for (int i = 0; i < 10; i++) {
            double k = reference / replicas.get("c" + i);
            index.put("c" + i, List.of(100.0 * k, 150.0 * k, 200.0 * k));
        }
        FileWorkFit falling = FileWorkFit.of(fit, index, checkpoint, replicas);
        assertThat(falling.scaled()).isFalse();
        assertThat(falling.growthFittable()).isTrue();
        assertThat(falling.referenceReplicas()).isCloseTo(reference, within(1e-6));
        assertThat(grown.growthFittable()).isTrue();
        // the GC pauses the brokers logged replace JMX's count and mean: their own lengths, their own rate
        Map<String, List<Double>> pauses = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            pauses.put("c" + i, List.of(2.0, 10.0, 20.0, 0.1, 60.0));
        }
        GcPauseFit gc = GcPauseFit.of(fit, pauses);
        assertThat(gc.pauses()).isEqualTo(50);
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01", jit, files, gc).render());
        t = ProfileLoader.load(file);
        // 10 runs x 15 s x 3 brokers = 450 broker-seconds over 50 pauses: one every 9 s per broker
        assertThat(t.hardware().gcPauseInterval().mean()).isCloseTo(9e9, within(1e6));
        assertThat(t.hardware().gcPauseDuration().mean()).isCloseTo(18.4e6, within(2e6));
        assertThat(t.sources().get("gc.pause-duration")).startsWith("measured:").contains("50 pauses").contains("median 10.0 ms");
        assertThat(t.sources().get("gc.pause-interval")).startsWith("measured:").contains("450 broker-seconds");
        // with each run's work, the pauses' number is fitted on it: here one collection per 1,000 requests and per 20,000
        // partitions read, none by the clock, so gc.pause-interval is none and the collections follow the work
        Map<String, List<Double>> byWork = new java.util.HashMap<>();
        Map<String, GcPauseFit.Work> work = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            double requests = 3_000 + 1_000 * i, reads = 20_000 * (i % 4);
            int n = (int) Math.round(3 * (requests / 1_000 + reads / 20_000));
            byWork.put("c" + i, java.util.Collections.nCopies(n, 15.0 + i));
            work.put("c" + i, new GcPauseFit.Work(requests, reads, 0.5 * (i % 3)));
        }
        GcPauseFit driven = GcPauseFit.of(fit, byWork, work);
        assertThat(driven.allocation().coefficient("requests")).isCloseTo(1e-3, within(1e-4));
        assertThat(driven.allocation().coefficient("partitionReads")).isCloseTo(5e-5, within(5e-6));
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01", jit, files, driven).render());
        t = ProfileLoader.load(file);
        assertThat(t.hardware().gcPauseInterval()).isNull();
        assertThat(t.hardware().hostEffects().gcAllocation().perRequest()).isCloseTo(1e-3, within(1e-4));
        assertThat(t.hardware().hostEffects().gcAllocation().perPartitionRead()).isCloseTo(5e-5, within(5e-6));
        assertThat(t.sources().get("gc.pauses-per-request")).startsWith("fit: non-negative least squares");
        // a run that did not read its GC logs (measured before the harness did) leaves JMX's figures in place
        pauses.put("c3", null);
        assertThat(GcPauseFit.of(fit, pauses)).isNull();
        // without the periods the JIT stays in the background load, as before
        Files.writeString(file, LocalProfileWriter.document(fit, MACHINE, "2026-01-01").render());
        fx = ProfileLoader.load(file).hardware().hostEffects();
        assertThat(fx.hasJit()).isFalse();
        assertThat(fx.backgroundCoresPerBroker()).isCloseTo((0.085 + 0.6) / 3, within(1e-3));
    }

    @Test
    void aCostTheNonNegativeFitLeavesOutIsWrittenAsZeroAndSaysSo(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(syntheticFit(-20e-6), MACHINE, "2026-01-01").render());
        Testbed t = ProfileLoader.load(file);
        assertThat(t.hardware().cpu().perRequest("Produce")).isZero();
        assertThat(t.sources().get("cpu.per-request.Produce")).contains("left out");
    }

    @Test
    void theCommittedLocalProfileLoadsAndSaysWhereEachNumberComesFrom() {
        Testbed t = ProfileLoader.load(Path.of("../profiles/local.yaml"));
        assertThat(t.hardware().brokerVcpus()).isEqualTo(2);
        assertThat(t.hardware().brokersPerHost()).isEqualTo(3);
        assertThat(t.hardware().clientsShareBrokerHost()).isTrue();
        assertThat(t.sources()).allSatisfy((k, v) -> assertThat(v).matches("(published|measured|fit): .*"));
        assertThat(t.sources().get("cpu.per-request.Produce")).contains("calibration runs");
    }

    @Test
    void aSourceMustSayWhatKindItIs() {
        assertThatThrownBy(() -> new ProfileDocument.Entry("1", "guess")).hasMessageContaining("published:, measured: or fit:");
        assertThat(ProfileDocument.scalar("303us")).isEqualTo("303us");
        assertThat(ProfileDocument.scalar("lognormal(mean=1us, cv=1)")).isEqualTo("\"lognormal(mean=1us, cv=1)\"");
    }

    /** With wake-up counts the profile gets the two per-wake-up costs, which the scenarios' loader reads back. */
    @Test
    void writesTheWakeupCostsWhenTheRunsCountedWakeups(@TempDir Path tmp) throws Exception {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double w = 15, produce = w * (100 + 80 * i), ff = w * (50 + 37 * (i % 4)), fc = w * 20 * (i % 3);
            double reads = w * (200 + 911 * (i % 7)), records = produce * (1 + i % 3);
            double requests = produce + ff + fc;
            double netWakes = requests * (i % 3 == 0 ? 0.4 : 1.7 + 0.01 * i), handlerWakes = netWakes * (0.5 + 0.02 * (i % 4));
            double handler = 0.05 * w + 30e-6 * requests + 3e-6 * reads + 25e-6 * handlerWakes;
            double network = 0.01 * w + 40e-6 * requests + 70e-6 * netWakes;
            double fetcher = 0.005 * w + 50e-6 * ff + 4e-6 * reads * ff / (ff + fc);
            double offPath = 0.02 * w + 900e-6 * requests + 30e-6 * reads;
            runs.add(new CalibrationSample("c" + i, w, produce, ff, fc, reads, records, handler + network + fetcher + offPath,
                    network, fetcher, handler, offPath, 0.1 * w + 300e-6 * records, 30, 120, 3, false, false, 1000, 0.1, 0.4, null,
                    netWakes, handlerWakes));
        }
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(CalibrationFit.of(runs), MACHINE, "2026-01-01").render());
        Testbed t = ProfileLoader.load(file);
        assertThat(t.hardware().hostEffects().networkThreadPerWakeupNanos()).isCloseTo(70_000, within(5.0));
        assertThat(t.hardware().hostEffects().requestHandlerPerWakeupNanos()).isCloseTo(25_000, within(5.0));
        assertThat(t.hardware().cpu().networkThreadPerRequestNanos()).isCloseTo(40_000, within(5.0));
        assertThat(t.sources().get("cpu.network-thread-per-wakeup")).startsWith("fit:").contains("context switches");
    }

    /** A scheduler trace's wakes onto an idle CPU, rising evenly from 10 to 110 us, for cpu.wakeup-latency. */
    static Calibration.WakeTrace wakeTrace() {
        double[] q = new double[101];
        for (int i = 0; i <= 100; i++) q[i] = 10 + i;
        return new Calibration.WakeTrace("c02-linger0-300", "2026-01-01T00:00Z",
                new io.tailsim.validation.metrics.SchedTrace.Analysis(10, 5000, Map.of(), List.of(), q, 800));
    }

    @Test
    void aSchedulerTracesWakesOntoAnIdleCpuGiveTheWakeupLatency(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(syntheticFit(300e-6), MACHINE, "2026-01-01", null, null, null, wakeTrace()).render());
        Testbed t = ProfileLoader.load(file);
        // the values themselves, not less the timer slack (an event wake's latency, measured as such)
        assertThat(t.hardware().hostEffects().wakeupLatency().mean()).isCloseTo(60_000, within(500.0));
        assertThat(t.sources().get("cpu.wakeup-latency")).startsWith("measured: woken to running of the wakes that found their CPU idle")
                .contains("800 wakes").contains("c02-linger0-300").contains("median 60 us");
        // without a trace, the send lag as before
        Path plain = tmp.resolve("plain.yaml");
        Files.writeString(plain, LocalProfileWriter.document(syntheticFit(300e-6), MACHINE, "2026-01-01").render());
        assertThat(ProfileLoader.load(plain).sources().get("cpu.wakeup-latency")).startsWith("measured: the driver's send lag");
    }
}
