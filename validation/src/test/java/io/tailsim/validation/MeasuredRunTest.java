package io.tailsim.validation;

import io.tailsim.validation.metrics.Histograms;
import io.tailsim.validation.metrics.LatencySummary;
import io.tailsim.validation.metrics.MachineSpeed;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class MeasuredRunTest {
    /** A measured run with every field set; used by the comparison tests too. */
    public static MeasuredRun sample() {
        Histogram p = Histograms.create();
        Histogram e = Histograms.create();
        Histogram lag = Histograms.create();
        lag.recordValue(150);
        for (int i = 1; i <= 1000; i++) {
            p.recordValue(i * 10L);
            e.recordValue(i * 12L);
        }
        Map<String, Map<String, Double>> times = new LinkedHashMap<>();
        times.put("Produce", Map.of("RemoteTimeMs", 3.5, "TotalTimeMs", 5.0));
        times.put("FetchFollower", Map.of("TotalTimeMs", 490.0));
        return new MeasuredRun("r1", "4.4.0", 2.0, 3, 1024, 5, 1, 977, 500_000, 10, 10, 20.5, 58.0,
                LatencySummary.of(p), LatencySummary.of(e), LatencySummary.of(lag), Histograms.encode(p), Histograms.encode(e),
                9770, 9770, 0, null, 9770, 9770, 0,
                times, Map.of("Produce", 250.0, "FetchFollower", 12.0), 0.95, 4, 40,
                Map.of(1, 0.3, 2, 0.25, 3, 0.2), 0.4, 1.3, 0.15, true, false, 0.42, 2, 24000,
                9770L * 512, Map.of("t", LatencySummary.of(p)), Map.of("t", LatencySummary.of(e)),
                Map.of("BytesInPerSec", 500_000.0), Map.of("network", 0.1, "requestHandler", 0.3),
                Map.of("network", 900.0, "requestHandler", 1200.0, "replicaFetcher", 80.0, "otherJava", 40.0),
                Map.of("network", 9.0, "requestHandler", 12.0, "replicaFetcher", 0.5, "otherJava", 0.0),
                new MachineSpeed(1200.0, 1100.0), null, null, null, null, null,
                Map.of("sender", 0.04, "producerApp", 0.02), Map.of("sender", 1500.0), List.of(12.5, 0.07, 30.1),
                List.of(6.0, 14.0), Map.of("network", 0.6, "requestHandler", 0.9, "replicaFetcher", 0.2, "otherJava", 0.1), 0L,
                MeasuredRun.PER_MACHINE_CLOCK, new io.tailsim.validation.metrics.GcWorkerThreads.Usage(0.05, 0.15, 6), 0.01,
                Map.of("Produce", Map.of("TotalTimeMs", 9.0)), 5.0);
    }

    /** The sample's JSON as a run measured before {@code fields} existed wrote it. */
    private static String measuredBefore(String... fields) throws java.io.IOException {
        return withoutFields(sample().toJson(), fields);
    }

    /** A run's JSON as a harness from before {@code fields} existed wrote it: without them (and the derived metrics). */
    public static String withoutFields(String json, String... fields) throws java.io.IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        tree.remove(java.util.List.of(fields));
        tree.remove("metrics");
        return tree.toString();
    }

    @Test
    void metricsUseTheComparisonsNames() {
        Map<String, Double> m = sample().metrics();
        assertThat(m).containsKeys("producerLatencyMs.p50", "producerLatencyMs.p95", "producerLatencyMs.p99", "producerLatencyMs.p99.9",
                "producerLatencyMs.max", "producerLatencyMs.mean", "endToEndLatencyMs.p99", "endToEndLatencyMs.p99.9",
                "Produce.RemoteTimeMs.mean", "FetchFollower.TotalTimeMs.mean", "Produce.requestsPerSec",
                "BrokerRequestHandlerAvgIdlePercent.mean", "cpuCores.brokers", "cpuCores.broker1", "cpuCores.driver", "cpuCores.other",
                "producerThroughput.recordsPerSec", "driverSendLagMs.p99", "cpuPressure.some");
        assertThat(m.get("producerLatencyMs.p50")).isCloseTo(5.0, within(0.01));
        assertThat(m.get("endToEndLatencyMs.max")).isCloseTo(12.0, within(0.01));
        assertThat(m.get("Produce.RemoteTimeMs.mean")).isEqualTo(3.5);
        assertThat(m.get("Produce.TotalTimeMs.reservoirP99")).isEqualTo(9.0);
        assertThat(m.get("cpuCores.brokers")).isCloseTo(0.75, within(1e-9));
        assertThat(m.get("producerThroughput.recordsPerSec")).isCloseTo(977, within(1e-9));
        assertThat(m).doesNotContainKey("FetchConsumer.TotalTimeMs.mean");
    }

    @Test
    void driverGcPausesAreRatesOverTheWindow() throws Exception {
        // two pauses, 20 ms in all, in a 10 s window
        assertThat(sample().metrics()).containsEntry("driverGc.pausesPerSec", 0.2).containsEntry("driverGc.pauseMsPerSec", 2.0);
        assertThat(MeasuredRun.fromJson(sample().toJson()).driverGcPausesMs()).containsExactly(6.0, 14.0);
        MeasuredRun old = MeasuredRun.fromJson(measuredBefore("driverGcPausesMs"));
        assertThat(old.driverGcPausesMs()).isNull();
        assertThat(old.metrics()).doesNotContainKey("driverGc.pausesPerSec");
    }

    @Test
    void driverThreadCpuAndWakeupsAreMetricsByThreadClass() throws Exception {
        assertThat(sample().metrics()).containsEntry("cpuCores.driverThreads.sender", 0.04)
                .containsEntry("cpuCores.driverThreads.producerApp", 0.02)
                .containsEntry("wakeupsPerSec.driverThreads.sender", 1500.0);
        // runs measured before the driver's threads were read load without them
        MeasuredRun old = MeasuredRun.fromJson(measuredBefore("driverThreadCpuCores", "driverThreadWakeupsPerSec"));
        assertThat(old.driverThreadCpuCores()).isEmpty();
        assertThat(old.metrics()).doesNotContainKey("cpuCores.driverThreads.sender");
    }

    @Test
    void gcPausesRoundTripAndRunsMeasuredBeforeThemLoadWithNone() throws Exception {
        assertThat(MeasuredRun.fromJson(sample().toJson()).brokerGcPausesMs()).containsExactly(12.5, 0.07, 30.1);
        assertThat(MeasuredRun.fromJson(sample().toJson()).brokerGcWorkers())
                .isEqualTo(new io.tailsim.validation.metrics.GcWorkerThreads.Usage(0.05, 0.15, 6));
        assertThat(MeasuredRun.fromJson(measuredBefore("brokerGcPausesMs")).brokerGcPausesMs()).isNull();
    }

    @Test
    void stealRoundTripsAsAMetricAndRunsMeasuredBeforeItLoadWithout() throws Exception {
        assertThat(MeasuredRun.fromJson(sample().toJson()).metrics()).containsEntry("cpuCores.steal", 0.01);
        MeasuredRun old = MeasuredRun.fromJson(measuredBefore("stealCpuCores"));
        assertThat(old.stealCpuCores()).isNull();
        assertThat(old.metrics()).doesNotContainKey("cpuCores.steal");
    }

    @Test
    void recentP99sRoundTripAsMetricsAndRunsMeasuredBeforeThemLoadWithout() throws Exception {
        assertThat(MeasuredRun.fromJson(sample().toJson()).metrics()).containsEntry("Produce.TotalTimeMs.reservoirP99", 9.0);
        MeasuredRun old = MeasuredRun.fromJson(measuredBefore("requestTimeRecentP99Ms"));
        assertThat(old.requestTimeRecentP99Ms()).isEmpty();
        assertThat(old.metrics()).doesNotContainKey("Produce.TotalTimeMs.reservoirP99");
    }

    @Test
    void roundTripsThroughJsonWithItsHistograms() {
        MeasuredRun r = sample();
        String json = r.toJson();
        assertThat(json).contains("\"p99.9\"").contains("\"metrics\"").contains("\"scaleFactor\" : 2.0").contains("\"otherCpuFlagged\" : true");
        MeasuredRun back = MeasuredRun.fromJson(json);
        assertThat(back).isEqualTo(r);
        assertThat(back.producerLatencyHistogram().getTotalCount()).isEqualTo(1000);
        assertThat(back.endToEndLatencyHistogram().getValueAtPercentile(50)).isEqualTo(r.endToEndLatencyHistogram().getValueAtPercentile(50));
    }

    @Test
    void brokerThreadWakeupsAndPreemptionsAreMetricsByThreadClass() {
        Map<String, Double> m = sample().metrics();
        assertThat(m).containsEntry("wakeupsPerSec.brokerThreads.network", 900.0)
                .containsEntry("wakeupsPerSec.brokerThreads.requestHandler", 1200.0)
                .containsEntry("wakeupsPerSec.brokerThreads.replicaFetcher", 80.0)
                .containsEntry("wakeupsPerSec.brokerThreads.otherJava", 40.0)
                .containsEntry("preemptionsPerSec.brokerThreads.network", 9.0)
                .containsEntry("preemptionsPerSec.brokerThreads.otherJava", 0.0)
                .containsEntry("runQueueWaitCores.brokerThreads.requestHandler", 0.9)
                .containsEntry("cpuCores.brokerThreads.network", 0.1)
                .doesNotContainKey("wakeupsPerSec.brokerThreads.nonJava");
    }

    @Test
    void aRunWrittenBeforeThreadSwitchesWereMeasuredLoadsWithoutThem() {
        String json = sample().toJson()
                .replaceAll("(?s)\"brokerThreadWakeupsPerSec\" : \\{[^}]*},", "")
                .replaceAll("(?s)\"brokerThreadPreemptionsPerSec\" : \\{[^}]*},", "")
                .replaceAll(",\\s*\"(wakeups|preemptions)PerSec\\.brokerThreads\\.[a-zA-Z]+\" : [0-9.]+", "");
        assertThat(json).doesNotContain("brokerThreadWakeupsPerSec", "brokerThreadPreemptionsPerSec", "wakeupsPerSec.brokerThreads", "preemptionsPerSec.")
                .contains("\"brokerThreadCpuCores\"");
        MeasuredRun old = MeasuredRun.fromJson(json.replaceAll("(?s),\\s*\"brokerThreadRunQueueWaitCores\" : \\{[^}]*}", ""));
        assertThat(old.brokerThreadRunQueueWaitCores()).isEmpty();
        assertThat(old.brokerThreadWakeupsPerSec()).isEmpty();
        assertThat(old.brokerThreadPreemptionsPerSec()).isEmpty();
        assertThat(old.brokerThreadCpuCores()).containsEntry("network", 0.1);
        assertThat(old.metrics()).doesNotContainKeys("wakeupsPerSec.brokerThreads.network", "preemptionsPerSec.brokerThreads.network")
                .containsKey("cpuCores.brokerThreads.network");
        // The runs' reference takes each wake-up metric over the runs that have it, as it does the thread CPU.
        MeasuredRun newer = sample();
        MeasuredRun other = MeasuredRun.fromJson(newer.toJson().replace("\"network\" : 900.0", "\"network\" : 700.0"));
        assertThat(other.brokerThreadWakeupsPerSec()).containsEntry("network", 700.0);
        Map<Integer, MeasuredRun> runs = new LinkedHashMap<>();
        runs.put(1, old);
        runs.put(2, newer);
        runs.put(3, other);
        io.tailsim.validation.compare.MeasuredReference ref = io.tailsim.validation.compare.MeasuredReference.of(runs);
        assertThat(ref.metrics().get("wakeupsPerSec.brokerThreads.network"))
                .isEqualTo(new io.tailsim.validation.compare.MeasuredReference.Spread(800.0, 700.0, 900.0, 2));
        assertThat(ref.metrics().get("preemptionsPerSec.brokerThreads.requestHandler").runs()).isEqualTo(2);
        assertThat(ref.metrics().get("cpuCores.brokerThreads.network").runs()).isEqualTo(3);
    }

    @Test
    void anEmptyHistogramGivesNoLatencyMetrics() {
        LatencySummary none = LatencySummary.of(Histograms.create());
        assertThat(none.count()).isZero();
        assertThat(none.metrics("producerLatencyMs")).isEmpty();
    }
}
