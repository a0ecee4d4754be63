package io.tailsim.validation;

import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.cluster.ClusterSpec;
import io.tailsim.validation.cluster.Procs;
import io.tailsim.validation.cluster.RunRegistry;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;
import io.tailsim.validation.metrics.JmxProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real Kafka 4.4.0 nodes, a 20 s workload (10 s warm-up, 10 s measured) of 3 producers at 0.5 MB/s in all over two
 * topics and one consumer group, then checks that everything was measured and nothing was left behind.
 */
@Tag("kafka")
class RealKafkaRunSmokeTest {
    @Test
    @Timeout(value = 170, unit = TimeUnit.SECONDS)
    void runsAThreeNodeClusterMeasuresItAndLeavesNothingBehind() throws Exception {
        int recordBytes = 512;
        double totalRecordsPerSec = 0.5e6 / recordBytes;
        ClusterSpec cluster = new ClusterSpec(3, 1024, Map.of(),
                List.of(new TopicSpec("smoke-a", 3, 3, 2), new TopicSpec("smoke-b", 3, 3, 2)));
        WorkloadSpec workload = new WorkloadSpec(
                List.of(new ProducerGroupSpec("poisson", "smoke-a", 2, totalRecordsPerSec * 2 / 3, recordBytes, Arrival.POISSON, 0, Map.of()),
                        new ProducerGroupSpec("constant", "smoke-b", 1, totalRecordsPerSec / 3, recordBytes, Arrival.CONSTANT, 0,
                                Map.of("linger.ms", "0"))),
                List.of(new ConsumerGroupSpec("smoke-group", List.of("smoke-a", "smoke-b"), 2, Map.of())),
                10, 10, 7);

        long t0 = System.nanoTime();
        MeasuredRun run = RealKafkaRun.execute(new RunSpec(cluster, workload), ClusterOptions.defaults(),
                msg -> System.out.printf("[smoke %5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, msg));
        System.out.println(run.toJson().replaceAll("\"(producer|endToEnd)LatencyHistogramUs\" : \"[^\"]*\"", "\"$1LatencyHistogramUs\" : \"...\""));

        assertThat(run.kafkaVersion()).isEqualTo("4.4.0");
        assertThat(run.scaleFactor()).isEqualTo(1.0);
        assertThat(run.producers()).isEqualTo(3);
        // ~977 records/s for 10 s
        assertThat(run.sentInWindow()).isBetween(8_000L, 12_000L);
        assertThat(run.failedSends()).isZero();
        assertThat(run.ackedInWindow()).isEqualTo(run.sentInWindow());
        assertThat(run.consumedInWindow()).isGreaterThanOrEqualTo(run.expectedConsumed()).isPositive();
        assertThat(run.producerLatencyHistogram().getTotalCount()).isEqualTo(run.ackedInWindow());
        assertThat(run.driverSendLagMs().count()).isEqualTo(run.sentInWindow());
        assertThat(run.endToEndLatencyHistogram().getTotalCount()).isEqualTo(run.consumedInWindow());
        assertThat(run.producerLatencyMs().p50()).isPositive();
        assertThat(run.endToEndLatencyMs().p99()).isGreaterThanOrEqualTo(run.endToEndLatencyMs().p50());
        assertThat(run.endToEndLatencyMs().p50()).isGreaterThanOrEqualTo(run.producerLatencyMs().p50() * 0.5);

        for (String request : JmxProbe.REQUESTS) {
            assertThat(run.requestTimeMeansMs()).as(request).containsKey(request);
            assertThat(run.requestTimeMeansMs().get(request)).as(request).containsKeys(JmxProbe.TIMES.toArray(String[]::new));
            assertThat(run.requestsPerSec().get(request)).as(request).isPositive();
        }
        // acks=all: a produce waits in purgatory for the followers' fetches.
        assertThat(run.requestTimeMeansMs().get("Produce").get("RemoteTimeMs")).isPositive();
        Map<String, Double> metrics = run.metrics();
        assertThat(metrics).containsKeys("producerLatencyMs.p99", "endToEndLatencyMs.p99", "Produce.RemoteTimeMs.mean",
                "FetchFollower.TotalTimeMs.mean", "FetchConsumer.TotalTimeMs.mean", "cpuCores.other");
        assertThat(run.brokerRequestHandlerAvgIdle()).isBetween(0.0, 1.0);
        assertThat(run.brokerCpuCores()).containsOnlyKeys(1, 2, 3);
        assertThat(run.brokerCpuCores().values()).allSatisfy(c -> assertThat(c).isPositive());
        assertThat(run.driverCpuCores()).isPositive();
        assertThat(run.otherCpuFlagged()).isEqualTo(run.otherCpuCores() > 0.10);
        assertThat(run.machineCpuSaturated()).isEqualTo(run.machineBusyCpuCores() >= 0.95 * run.machineCores());
        assertThat(MeasuredRun.fromJson(run.toJson())).isEqualTo(run);

        // Nothing left: no process of the run, no run folder, no registry entry.
        String marker = RunRegistry.marker(run.runId());
        assertThat(Procs.allPids()).noneMatch(pid -> Procs.cmdline(pid).contains(marker));
        Path base = RunRegistry.defaultBase();
        assertThat(base.resolve("run-" + run.runId())).doesNotExist();
        assertThat(base.resolve("run-" + run.runId() + ".pids")).doesNotExist();
        assertThat(Files.exists(base) ? Files.list(base).map(p -> p.getFileName().toString()).toList() : List.<String>of())
                .noneMatch(n -> n.contains(run.runId()));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(150);
    }
}
