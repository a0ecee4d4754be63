package io.tailsim.validation.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.ProgressListener;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.MeasuredRunTest;
import io.tailsim.validation.scenario.LocalScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComparisonTest {
    private static Summary summary;
    private static Scenario local;

    @BeforeAll
    static void simulateTheSmokeScenario() {
        local = LocalScenario.of(Scenario.load(Path.of("src/test/resources/scenarios/smoke.yaml")), Path.of("../profiles/local.yaml")).scenario();
        // two replications, so that the simulated percentiles carry the replications' intervals
        summary = new ScenarioRunner().run(local, new ScenarioRunner.Options(2, null, 1, ProgressListener.NONE)).summary();
    }

    @Test
    void relativeErrorIsSignedAgainstTheMeasuredValueAndNullWithoutBothSides() {
        assertThat(ComparisonRow.of("m", 12.0, 10.0).relativeError()).isCloseTo(0.2, within(1e-12));
        assertThat(ComparisonRow.of("m", 8.0, 10.0).relativeError()).isCloseTo(-0.2, within(1e-12));
        assertThat(ComparisonRow.of("m", -1.0, -2.0).relativeError()).isCloseTo(0.5, within(1e-12));
        assertThat(ComparisonRow.of("m", null, 10.0).relativeError()).isNull();
        assertThat(ComparisonRow.of("m", 1.0, null).relativeError()).isNull();
        assertThat(ComparisonRow.of("m", 1.0, 0.0).relativeError()).isNull();
        ComparisonRow nan = ComparisonRow.of("m", Double.NaN, 3.0);
        assertThat(nan.simulated()).isNull();
        assertThat(nan.complete()).isFalse();
    }

    @Test
    void everyExpectedRowIsPresentInOrderWithPerTopicRowsOnlyForSeveralTopics() {
        List<String> one = Comparison.expectedMetrics(List.of("t"));
        assertThat(one).startsWith("producerLatencyMs.p50", "producerLatencyMs.p95", "producerLatencyMs.p99", "producerLatencyMs.p99.9",
                "endToEndLatencyMs.p50");
        assertThat(one).contains("Produce.RemoteTimeMs.mean", "FetchFollower.TotalTimeMs.mean", "FetchConsumer.LocalTimeMs.mean",
                "Produce.requestsPerSec", "FetchConsumer.requestsPerSec", "throughputMBps", "cpuCores.brokersAndClients",
                "cpuPressure.some");
        assertThat(one).noneMatch(m -> m.startsWith("topic."));
        assertThat(one).endsWith("cpuCores.brokerThreads.network", "cpuCores.brokerThreads.requestHandler",
                "cpuCores.brokerThreads.replicaFetcher", "wakeupsPerSec.brokerThreads.network", "wakeupsPerSec.brokerThreads.requestHandler",
                "wakeupsPerSec.brokerThreads.replicaFetcher", "runQueueWaitCores.brokerThreads.network",
                "runQueueWaitCores.brokerThreads.requestHandler", "runQueueWaitCores.brokerThreads.replicaFetcher",
                "preemptionsPerSec.brokerThreads.network", "preemptionsPerSec.brokerThreads.requestHandler",
                "preemptionsPerSec.brokerThreads.replicaFetcher", "wakeupsPerSec.driverThreads.sender", "cpuCores.driverThreads.sender",
                "brokerGc.pausesPerSec", "brokerGc.pauseMsMean");
        assertThat(one).hasSize(8 + 18 + 3 + 3 + 3 + 3 + 3 + 3 + 2 + 2);
        assertThat(Comparison.expectedMetrics(List.of("a", "b"))).contains("topic.a.producerLatencyMs.p99", "topic.b.endToEndLatencyMs.p50")
                .hasSize(one.size() + 8);
    }

    @Test
    void joinsTheSimulatorsSummaryWithTheMeasuredRun() {
        MeasuredRun measured = MeasuredRunTest.sample();
        Comparison c = Comparison.of("smoke", summary, local.spec().profile(), measured, List.of("smoke-a", "smoke-b"));
        assertThat(c.rows()).extracting(ComparisonRow::metric).containsExactlyElementsOf(Comparison.expectedMetrics(List.of("smoke-a", "smoke-b")));
        ComparisonRow p99 = c.row("producerLatencyMs.p99").orElseThrow();
        assertThat(p99.simulated()).isEqualTo(summary.producerLatencyMs().p99());
        assertThat(p99.measured()).isEqualTo(measured.producerLatencyMs().p99());
        assertThat(p99.relativeError()).isCloseTo((p99.simulated() - p99.measured()) / p99.measured(), within(1e-12));
        assertThat(c.row("Produce.RemoteTimeMs.mean").orElseThrow().measured()).isEqualTo(3.5);
        // the mean as Kafka's histograms hold it: each request's time rounded to whole milliseconds first
        assertThat(c.row("Produce.RemoteTimeMs.mean").orElseThrow().simulated())
                .isEqualTo(summary.kafkaRequestMetricMeansMs().get("Produce").get("RemoteTimeMs"));
        assertThat(summary.kafkaRequestMetricMeansMs().get("Produce").get("RemoteTimeMs"))
                .isCloseTo(summary.requestMetrics().get("Produce").get("RemoteTimeMs").mean(), within(0.5));
        // Kafka's reservoir p99s are kept with the run, not compared: they are not the window's
        assertThat(c.row("Produce.TotalTimeMs.reservoirP99")).isEmpty();
        double produceRate = summary.brokers().stream().mapToDouble(b -> b.requestsPerSec().get("Produce")).sum();
        assertThat(c.row("Produce.requestsPerSec").orElseThrow().simulated()).isCloseTo(produceRate, within(1e-9));
        // One host of 2 vCPUs holds all three brokers: cores = its utilisation x 2, counted once.
        assertThat(c.row("cpuCores.brokersAndClients").orElseThrow().simulated())
                .isCloseTo(summary.brokers().get(0).cpuUtilization() * 2, within(1e-12));
        assertThat(c.row("cpuCores.brokersAndClients").orElseThrow().measured()).isCloseTo(0.75 + 0.4, within(1e-12));
        // CPU pressure: the one host's share of time with a thread waiting for a core, against the machine's PSI "some"
        assertThat(summary.brokers().get(0).cpuPressureSome()).isBetween(0.0, 1.0);
        assertThat(c.row("cpuPressure.some").orElseThrow().simulated()).isEqualTo(summary.brokers().get(0).cpuPressureSome());
        assertThat(c.row("cpuPressure.some").orElseThrow().measured()).isEqualTo(0.42);
        // run-queue wait: the model's time-sliced host counts its threads' waits for a core, summed over the brokers
        double handlerWaits = summary.brokers().stream().mapToDouble(b -> b.threadRunQueueWaitCores().get("requestHandler")).sum();
        assertThat(handlerWaits).isPositive();
        assertThat(c.row("runQueueWaitCores.brokerThreads.requestHandler").orElseThrow().simulated()).isCloseTo(handlerWaits, within(1e-12));
        assertThat(c.row("runQueueWaitCores.brokerThreads.requestHandler").orElseThrow().measured()).isEqualTo(0.9);
        // preemptions: threads the model's time-sliced host took off a core with work left, summed over the brokers
        double handlerPreemptions = summary.brokers().stream().mapToDouble(b -> b.threadPreemptionsPerSec().get("requestHandler")).sum();
        assertThat(handlerPreemptions).isPositive();
        assertThat(c.row("preemptionsPerSec.brokerThreads.requestHandler").orElseThrow().simulated()).isCloseTo(handlerPreemptions, within(1e-9));
        // thread CPU by class: what the model handed the threads, summed over the brokers, against JMX's thread CPU times
        double handlerCpu = summary.brokers().stream().mapToDouble(b -> b.threadCpuCores().get("requestHandler")).sum();
        assertThat(handlerCpu).isPositive();
        assertThat(c.row("cpuCores.brokerThreads.requestHandler").orElseThrow().simulated()).isCloseTo(handlerCpu, within(1e-12));
        assertThat(c.row("cpuCores.brokerThreads.requestHandler").orElseThrow().measured()).isEqualTo(0.3);
        // GC pauses: the model's brokers' pauses per second, summed, against the window's logged pauses (3 in 10 s)
        double gc = summary.brokers().stream().mapToDouble(b -> b.gcPausesPerSec()).sum();
        assertThat(c.row("brokerGc.pausesPerSec").orElseThrow().simulated()).isCloseTo(gc, within(1e-12));
        assertThat(c.row("brokerGc.pausesPerSec").orElseThrow().measured()).isCloseTo(0.3, within(1e-12));
        // their mean length: the logged pauses' mean, and the model's brokers' weighed by their pause rates
        assertThat(c.row("brokerGc.pauseMsMean").orElseThrow().measured()).isCloseTo((12.5 + 0.07 + 30.1) / 3, within(1e-12));
        double pauseMs = summary.brokers().stream().mapToDouble(b -> b.gcPausesPerSec() * b.gcPauseMsMean()).sum() / gc;
        assertThat(c.row("brokerGc.pauseMsMean").orElseThrow().simulated()).isCloseTo(pauseMs, within(1e-9));
        double networkWakeups = summary.brokers().stream().mapToDouble(b -> b.threadWakeupsPerSec().get("network")).sum();
        assertThat(networkWakeups).isPositive();
        assertThat(c.row("wakeupsPerSec.brokerThreads.network").orElseThrow().simulated()).isCloseTo(networkWakeups, within(1e-9));
        // The producers' Sender threads: the model's wake-ups and work summed over groups, the driver's measured threads.
        double senderWakeups = summary.producerGroups().values().stream().mapToDouble(g -> g.senderWakeupsPerSec()).sum();
        assertThat(senderWakeups).isPositive();
        assertThat(c.row("wakeupsPerSec.driverThreads.sender").orElseThrow().simulated()).isCloseTo(senderWakeups, within(1e-9));
        assertThat(c.row("wakeupsPerSec.driverThreads.sender").orElseThrow().measured()).isEqualTo(1500.0);
        assertThat(c.row("cpuCores.driverThreads.sender").orElseThrow().measured()).isEqualTo(0.04);
        assertThat(c.row("topic.smoke-a.producerLatencyMs.p50").orElseThrow().simulated())
                .isEqualTo(summary.topics().get("smoke-a").producerLatencyMs().p50());
        // the simulated figure's 95% interval over the replications, where the model gives one
        assertThat(c.row("producerLatencyMs.p99").orElseThrow().simulatedLow()).isEqualTo(summary.producerLatencyMs().ci95().get("p99")[0]);
        assertThat(c.row("producerLatencyMs.p99").orElseThrow().simulatedHigh()).isEqualTo(summary.producerLatencyMs().ci95().get("p99")[1]);
        assertThat(c.row("topic.smoke-a.producerLatencyMs.p99").orElseThrow().simulatedLow())
                .isEqualTo(summary.topics().get("smoke-a").producerLatencyMs().ci95().get("p99")[0]);
        assertThat(c.row("Produce.requestsPerSec").orElseThrow().simulatedHigh()).isEqualTo(summary.produceRequestsPerSecCi95()[1]);
        assertThat(c.row("cpuCores.brokerThreads.requestHandler").orElseThrow().simulatedLow()).isNull();
        // Measured nothing for this request, and a model without consumers has no end-to-end figures: null, never zero.
        assertThat(c.row("FetchConsumer.TotalTimeMs.mean").orElseThrow().measured()).isNull();
        for (ComparisonRow r : c.rows()) assertThat(r.relativeError() != null).as(r.metric()).isEqualTo(r.complete() && r.measured() != 0);
    }

    @Test
    void anOverloadedSimulationKeepsEveryRowWithTheMeasuredSideOnly() {
        Comparison c = Comparison.of("smoke", null, null, MeasuredRunTest.sample(), List.of("t"));
        assertThat(c.rows()).hasSize(Comparison.expectedMetrics(List.of("t")).size()).allSatisfy(r -> assertThat(r.simulated()).isNull());
    }

    @Test
    void writesExactlyScenarioAndRowsWithTheirFieldsNullsIncluded(@TempDir Path tmp) throws Exception {
        Comparison c = new Comparison("s", List.of(ComparisonRow.of("producerLatencyMs.p99", 2.0, 4.0), ComparisonRow.of("endToEndLatencyMs.p99", null, 5.0)));
        Path f = tmp.resolve("comparison.json");
        c.write(f);
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        assertThat(fields(root)).containsExactly("scenario", "rows");
        assertThat(root.get("scenario").asText()).isEqualTo("s");
        for (JsonNode row : root.get("rows"))
            assertThat(fields(row)).containsExactly("metric", "simulated", "measured", "relativeError", "measuredMin", "measuredMax", "measuredRuns",
                    "simulatedLow", "simulatedHigh");
        assertThat(root.get("rows").get(0).get("measuredRuns").asInt()).isEqualTo(1);
        assertThat(root.get("rows").get(0).get("measuredMin").asDouble()).isEqualTo(4.0);
        // A comparison.json written before runs were repeated (four fields a row) still reads, as one run.
        Files.writeString(f, "{\"scenario\":\"s\",\"rows\":[{\"metric\":\"m\",\"simulated\":1.0,\"measured\":2.0,\"relativeError\":-0.5}]}");
        ComparisonRow old = Comparison.read(f).rows().get(0);
        assertThat(old.measuredRuns()).isNull();
        assertThat(old.runs()).isEqualTo(1);
        assertThat(old.low()).isEqualTo(2.0);
        c.write(f);
        assertThat(root.get("rows").get(0).get("relativeError").asDouble()).isEqualTo(-0.5);
        assertThat(root.get("rows").get(1).get("simulated").isNull()).isTrue();
        assertThat(root.get("rows").get(1).get("relativeError").isNull()).isTrue();
        assertThat(Comparison.read(f)).isEqualTo(c);
    }

    @Test
    void theTableShowsBothSidesAndTheErrorAsAPercentage() {
        String t = ComparisonTable.render(new Comparison("s", List.of(ComparisonRow.of("producerLatencyMs.p99", 12.0, 10.0),
                ComparisonRow.of("endToEndLatencyMs.p99", null, 5.0))));
        assertThat(t).contains("producerLatencyMs.p99").contains("12.00").contains("10.00").contains("+20%");
        assertThat(t.lines().filter(l -> l.startsWith("endToEndLatencyMs.p99")).findFirst().orElseThrow()).contains(" - ").contains("5.000");
        assertThat(t).doesNotContain("min..max");
        String several = ComparisonTable.render(new Comparison("s", List.of(ComparisonRow.ofRuns("producerLatencyMs.p99", 12.0,
                new MeasuredReference.Spread(10, 8, 30, 3)))));
        assertThat(several).contains("median over 3 real runs").contains("8.000 .. 30.00").contains("+20%");
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
