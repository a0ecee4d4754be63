package io.tailsim.validation;

import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.cluster.Procs;
import io.tailsim.validation.cluster.RunRegistry;
import io.tailsim.validation.compare.Comparison;
import io.tailsim.validation.compare.ComparisonRow;
import io.tailsim.validation.compare.MeasuredReference;
import io.tailsim.validation.compare.MeasuredRuns;
import io.tailsim.validation.compare.OverlayFigure;
import io.tailsim.validation.compare.Validation;
import io.tailsim.validation.compare.ValidationRecord;
import io.tailsim.validation.metrics.JmxProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The smoke test: a 20-second scenario (10 s warm-up, 10 s measured; three producers at 0.5 MB/s over two topics, two
 * consumer groups) through the validate path, on three real Kafka 4.4.0 nodes and in the simulator. It checks that
 * comparison.json is complete, that the measurement behind it is whole, and that no broker process, run folder or registry
 * entry is left. About a minute: start-up is 10-40 s depending on what else uses the two cores.
 */
@Tag("kafka")
class ValidateSmokeTest {
    static final Path SCENARIO = Path.of("src/test/resources/scenarios/smoke.yaml");
    static final Path LOCAL_PROFILE = Path.of("../profiles/local.yaml");
    static final List<String> TOPICS = List.of("smoke-a", "smoke-b");
    /** Rows the model must fill today; end-to-end and consumer-fetch rows wait for the model's consumers. */
    static final Set<String> SIMULATED_NOW = Set.of("producerLatencyMs.p50", "producerLatencyMs.p99", "topic.smoke-a.producerLatencyMs.p99",
            "Produce.TotalTimeMs.mean", "Produce.RemoteTimeMs.mean", "FetchFollower.TotalTimeMs.mean", "Produce.requestsPerSec",
            "FetchFollower.requestsPerSec", "throughputMBps", "cpuCores.brokersAndClients", "wakeupsPerSec.brokerThreads.network",
            "wakeupsPerSec.brokerThreads.requestHandler", "wakeupsPerSec.brokerThreads.replicaFetcher");

    @Test
    @Timeout(value = 170, unit = TimeUnit.SECONDS)
    void validatesAScenarioOnARealClusterAndInTheSimulatorAndLeavesNothingBehind(@TempDir Path out) throws Exception {
        long t0 = System.nanoTime();
        List<List<OverlayFigure.Series>> drawn = new ArrayList<>();
        OverlayFigure figure = (dir, stem, title, series) -> {
            drawn.add(series);
            return List.of();
        };
        Validation.Result result = Validation.run(SCENARIO, out, new Validation.Options(LOCAL_PROFILE, 1, 1,
                ClusterOptions.defaults().withBrokerWarmup(java.time.Duration.ofSeconds(2)), figure, false,
                msg -> System.out.printf("[smoke %5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, msg)));

        // comparison.json: every expected row, both sides where both exist, the relative error exactly where both exist.
        Comparison c = Comparison.read(out.resolve(Validation.COMPARISON_JSON));
        assertThat(c).isEqualTo(result.comparison());
        assertThat(c.scenario()).isEqualTo("smoke");
        assertThat(c.rows()).extracting(ComparisonRow::metric).containsExactlyElementsOf(Comparison.expectedMetrics(TOPICS));
        for (ComparisonRow r : c.rows()) {
            assertThat(r.measured()).as("measured " + r.metric()).isNotNull();
            if (SIMULATED_NOW.contains(r.metric())) assertThat(r.simulated()).as("simulated " + r.metric()).isNotNull();
            if (r.simulated() != null && r.measured() != 0)
                assertThat(r.relativeError()).as(r.metric()).isCloseTo((r.simulated() - r.measured()) / Math.abs(r.measured()), within(1e-9));
            else
                assertThat(r.relativeError()).as(r.metric()).isNull();
        }
        assertThat(drawn).hasSize(1);
        assertThat(drawn.get(0)).extracting(OverlayFigure.Series::name).contains("producer, simulated", "producer, measured", "end-to-end, measured");

        // The measurement behind it: ~977 records/s for 10 s, all acknowledged and consumed, every broker metric taken.
        MeasuredRun run = MeasuredRun.fromJson(Files.readString(MeasuredRuns.file(out, 1)));
        assertThat(MeasuredRuns.list(out)).containsOnlyKeys(1);
        assertThat(run.warmupSeconds()).as("the scenario's 10 s after the brokers' 2 s").isEqualTo(12.0);
        MeasuredReference reference = MeasuredRuns.readReference(out);
        assertThat(reference.runs()).extracting(MeasuredReference.RealRun::runId).containsExactly(run.runId());
        assertThat(reference.metrics().get("producerLatencyMs.p99").median()).isEqualTo(run.producerLatencyMs().p99());
        // The machine's speed right before the cluster started and right after it stopped.
        assertThat(run.machineSpeed().before()).isPositive();
        assertThat(run.machineSpeed().after()).isPositive();
        assertThat(run.kafkaVersion()).isEqualTo("4.4.0");
        assertThat(run.producers()).isEqualTo(3);
        assertThat(run.consumers()).isEqualTo(3);
        assertThat(run.sentInWindow()).isBetween(8_000L, 12_000L);
        assertThat(run.failedSends()).isZero();
        assertThat(run.ackedInWindow()).isEqualTo(run.sentInWindow());
        assertThat(run.consumedInWindow()).isGreaterThanOrEqualTo(run.expectedConsumed()).isPositive();
        assertThat(run.producerLatencyHistogram().getTotalCount()).isEqualTo(run.ackedInWindow());
        assertThat(run.endToEndLatencyHistogram().getTotalCount()).isEqualTo(run.consumedInWindow());
        assertThat(run.producerLatencyMsByTopic()).containsOnlyKeys(TOPICS);
        assertThat(run.producerLatencyMsByTopic().values().stream().mapToLong(s -> s.count()).sum()).isEqualTo(run.ackedInWindow());
        assertThat(run.ackedBytesInWindow()).isEqualTo(run.ackedInWindow() * 512 + run.producerLatencyMsByTopic().get("smoke-b").count() * 4);
        for (String request : JmxProbe.REQUESTS) {
            assertThat(run.requestTimeMeansMs().get(request)).as(request).containsKeys(JmxProbe.TIMES.toArray(String[]::new));
            assertThat(run.requestsPerSec().get(request)).as(request).isPositive();
        }
        assertThat(run.brokerTopicMetersPerSec()).containsKeys(JmxProbe.TOPIC_METERS.toArray(String[]::new));
        assertThat(run.brokerThreadCpuCores()).containsKeys("network", "requestHandler", "replicaFetcher", "otherJava", "nonJava");
        // Wake-ups (voluntary context switches) and preemptions of the same Java threads, from threadPrint and /proc.
        System.out.printf("[smoke] broker thread wake-ups/s %s, preemptions/s %s, CPU cores %s%n", run.brokerThreadWakeupsPerSec(),
                run.brokerThreadPreemptionsPerSec(), run.brokerThreadCpuCores());
        assertThat(run.brokerThreadWakeupsPerSec()).containsOnlyKeys("network", "requestHandler", "replicaFetcher", "otherJava");
        assertThat(run.brokerThreadPreemptionsPerSec()).containsOnlyKeys("network", "requestHandler", "replicaFetcher", "otherJava");
        for (String cls : List.of("network", "requestHandler")) {
            assertThat(run.brokerThreadWakeupsPerSec().get(cls)).as("wake-ups " + cls).isPositive();
            assertThat(run.metrics().get("wakeupsPerSec.brokerThreads." + cls)).isEqualTo(run.brokerThreadWakeupsPerSec().get(cls));
            assertThat(reference.metrics().get("wakeupsPerSec.brokerThreads." + cls).median()).isEqualTo(run.brokerThreadWakeupsPerSec().get(cls));
        }
        assertThat(run.metrics()).containsKeys("preemptionsPerSec.brokerThreads.network", "preemptionsPerSec.brokerThreads.requestHandler");
        assertThat(run.brokerCpuCores()).containsOnlyKeys(1, 2, 3);
        // the brokers' GC logs were read before their folders went (a light window may hold no pause at all)
        System.out.printf("[smoke] GC pauses in the window (ms): %s; JMX: %d collections%n", run.brokerGcPausesMs(), run.brokerGcCollections());
        assertThat(run.brokerGcPausesMs()).isNotNull().allSatisfy(ms -> assertThat(ms).isNotNegative());
        assertThat(run.otherCpuFlagged()).isEqualTo(run.otherCpuCores() > 0.10);

        ValidationRecord record = ValidationRecord.read(out);
        assertThat(record.scenario()).isEqualTo("smoke");
        assertThat(record.runCount()).isEqualTo(1);
        assertThat(c.row("producerLatencyMs.p50").orElseThrow().measuredRuns()).isEqualTo(1);
        assertThat(record.overrides()).contains("cluster.brokers-per-host=3");
        assertThat(record.seconds()).containsKeys("prepare", "simulate", "real", "compare", "total");
        assertThat(Files.isRegularFile(out.resolve("simulated").resolve("summary.json"))).isTrue();

        // Nothing left: no process of the run, no run folder, no registry entry.
        String marker = RunRegistry.marker(run.runId());
        assertThat(Procs.allPids()).noneMatch(pid -> Procs.cmdline(pid).contains(marker));
        assertThat(Procs.allPids()).noneMatch(pid -> Procs.cmdline(pid).contains("kafka.Kafka") && Procs.cmdline(pid).contains("-Dtailsim.run="));
        Path base = RunRegistry.defaultBase();
        assertThat(base.resolve("run-" + run.runId())).doesNotExist();
        assertThat(base.resolve("run-" + run.runId() + ".pids")).doesNotExist();
        assertThat(Files.exists(base) ? Files.list(base).map(p -> p.getFileName().toString()).toList() : List.<String>of())
                .noneMatch(n -> n.contains(run.runId()));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(150);
    }
}
