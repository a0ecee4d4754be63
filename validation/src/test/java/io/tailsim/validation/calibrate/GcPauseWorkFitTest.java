package io.tailsim.validation.calibrate;

import io.tailsim.models.config.HardwareProfile;
import io.tailsim.scenarios.profile.ProfileLoader;
import io.tailsim.scenarios.profile.Testbed;
import io.tailsim.validation.metrics.GcWorkerThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The pauses fitted as their GC workers' CPU where every run read the workers (gc.pause-work, gc.workers). */
class GcPauseWorkFitTest {

    /** Run i's GC workers used 30 ms x (1 + i % 4) of CPU over its window, on three pauses of 10, 20 and 30 ms. */
    static double workerCpuSeconds(int i) {
        return 0.030 * (1 + i % 4);
    }

    /** Ten runs as LocalProfileWriterTest's, with the GC workers' CPU part of the off-path CPU (NaN: not read). */
    static CalibrationFit fit(boolean workersRead) {
        return fit(workersRead ? 10 : 0);
    }

    /** The same with only the first {@code read} runs having read their workers (the others made before the harness did). */
    static CalibrationFit fit(int read) {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double w = 15, produce = w * (100 + 80 * i), ff = w * (50 + 37 * (i % 4)), fc = w * 20 * (i % 3);
            double reads = w * (200 + 911 * (i % 7)), records = produce * (1 + i % 3);
            double requests = produce + ff + fc;
            double handler = 0.05 * w + 300e-6 * requests + 3e-6 * 2 * reads;
            double offPath = 0.02 * w + 900e-6 * requests + 30e-6 * reads + workerCpuSeconds(i);
            double network = 0.01 * w + 40e-6 * requests;
            double fetcher = 0.005 * w + 50e-6 * ff + 4e-6 * reads * ff / (ff + fc);
            double driver = 0.1 * w + 300e-6 * records;
            runs.add(new CalibrationSample("c" + i, w, produce, ff, fc, reads, records,
                    handler + network + fetcher + offPath, network, fetcher, handler, offPath, driver, 4 * (1 + i % 4), 60, 3, false,
                    false, 1000, 0.1, 0.4, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, i < read ? workerCpuSeconds(i) : Double.NaN, Double.NaN));
        }
        return CalibrationFit.of(runs);
    }

    static Map<String, List<Double>> pauses() {
        Map<String, List<Double>> p = new HashMap<>();
        for (int i = 0; i < 10; i++) p.put("c" + i, List.of(10.0, 20.0, 30.0));
        return p;
    }

    static Map<String, GcWorkerThreads.Usage> workers() {
        Map<String, GcWorkerThreads.Usage> u = new HashMap<>();
        for (int i = 0; i < 10; i++) u.put("c" + i, new GcWorkerThreads.Usage(workerCpuSeconds(i) / 15, 0.01, 6));
        return u;
    }

    @Test
    void eachRunsWorkerCpuIsSpreadOverItsPausesByTheirLengths() {
        GcPauseFit gc = GcPauseFit.of(fit(true), pauses(), Map.of(), workers());
        assertThat(gc.hasWork()).isTrue();
        assertThat(gc.workers()).isEqualTo(2);
        // a run's 60 ms of pauses hold its workers' 30 to 120 ms of CPU: the shortest pause of the least busy workers
        // holds 5 ms, the longest of the busiest 60 ms
        assertThat(gc.workQuantilesMs()[0]).isCloseTo(5.0, within(1e-9));
        assertThat(gc.workQuantilesMs()[100]).isCloseTo(60.0, within(1e-9));
        // the logged lengths are kept as they were
        assertThat(gc.quantilesMs()[0]).isCloseTo(10.0, within(1e-9));
        assertThat(gc.quantilesMs()[100]).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void theProfileRunsThePausesAsWorkAndTheBackgroundLeavesTheirCpuOut(@TempDir Path tmp) throws Exception {
        CalibrationFit fit = fit(true);
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(fit, LocalProfileWriterTest.MACHINE, "2026-01-01", null, null,
                GcPauseFit.of(fit, pauses(), Map.of(), workers())).render());
        Testbed t = ProfileLoader.load(file);
        HardwareProfile.GcWork work = t.hardware().hostEffects().gcWork();
        assertThat(work.workers()).isEqualTo(2);
        assertThat(t.sources().get("gc.pause-work")).startsWith("measured:").contains("GC Thread#N");
        assertThat(t.sources().get("gc.pause-duration")).contains("not used");
        // the off-path fit without the workers' CPU finds the off-path costs as made
        assertThat(t.hardware().hostEffects().backgroundPerRequestNanos()).isCloseTo(900_000, within(5.0));
        assertThat(t.hardware().hostEffects().backgroundPerPartitionNanos()).isCloseTo(30_000, within(5.0));
        assertThat(t.sources().get("cpu.background-per-request")).contains("the GC workers' pauses apart");
    }

    @Test
    void olderRunsWithoutTheirWorkersLeaveTheWorkToTheOthersAndTheirCpuIsTheirCollectionsTimesTheOthersCpuPerCollection(@TempDir Path tmp)
            throws Exception {
        // runs 0-5 read their workers; 6-9 did not: each of their collections (4 x (1 + i % 4), JMX) is worth 7.5 ms of the
        // measured runs' CPU, as every run's is here, so the off-path fit still finds the costs as made
        CalibrationFit fit = fit(6);
        assertThat(CalibrationFit.gcWorkersMeasured(fit.used())).isTrue();
        GcPauseFit gc = GcPauseFit.of(fit, pauses(), Map.of(), workers());
        assertThat(gc.workRuns()).isEqualTo(6);
        assertThat(gc.workPauses()).isEqualTo(18);
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(fit, LocalProfileWriterTest.MACHINE, "2026-01-01", null, null, gc).render());
        Testbed t = ProfileLoader.load(file);
        assertThat(t.hardware().hostEffects().gcWork().workers()).isEqualTo(2);
        assertThat(t.hardware().hostEffects().backgroundPerRequestNanos()).isCloseTo(900_000, within(5.0));
        assertThat(t.sources().get("gc.pause-work")).contains("18 pauses of 6 runs");
    }

    @Test
    void runsWithoutTheirWorkersKeepThePausesAsLengthsAndTheirCpuInTheBackground(@TempDir Path tmp) throws Exception {
        CalibrationFit fit = fit(false);
        assertThat(CalibrationFit.gcWorkersMeasured(fit.used())).isFalse();
        GcPauseFit gc = GcPauseFit.of(fit, pauses(), Map.of(), workers());
        assertThat(gc.hasWork()).isFalse();
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(fit, LocalProfileWriterTest.MACHINE, "2026-01-01", null, null, gc).render());
        Testbed t = ProfileLoader.load(file);
        assertThat(t.hardware().hostEffects().gcWork()).isNull();
        assertThat(t.hardware().gcPauseDuration()).isNotNull();
        assertThat(t.sources().get("cpu.background-per-request")).doesNotContain("pauses apart");
    }
}
