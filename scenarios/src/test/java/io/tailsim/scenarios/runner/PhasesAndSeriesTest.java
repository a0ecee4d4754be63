package io.tailsim.scenarios.runner;

import io.tailsim.core.stat.IntervalSeries;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.ConsumerGroupSummary;
import io.tailsim.scenarios.result.PhaseSummary;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.SeriesFile;
import io.tailsim.scenarios.result.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A phased run with consumers: summary.json carries its phases and groups, the folder its interval series. */
class PhasesAndSeriesTest {

    static Scenario scenario(Path dir) throws Exception {
        Path profile = Path.of("../profiles/benchmark-blog-i3en2xlarge.yaml").toAbsolutePath().normalize();
        Path file = dir.resolve("phased.yaml");
        Files.writeString(file, """
                profile: %s
                cluster: {brokers: 3}
                topics:
                  events: {partitions: 3, replication.factor: 3, min.insync.replicas: 2}
                  probe: {partitions: 3, replication.factor: 3}
                producers:
                  app: {topic: events, count: 2, rate: 2000 records/s, record: {key-bytes: 0, value-bytes: 200},
                        keys: none, arrival: poisson, linger.ms: 1, acks: all, metadata.max.age.ms: 300}
                  probe: {topic: probe, count: 3, rate-per-producer: 20 records/s, record: {key-bytes: 4, value-bytes: 100},
                          keys: own-partition, arrival: constant, acks: all}
                consumers:
                  readers: {topic: events, count: 2, metadata.max.age.ms: 300}
                  probers: {topic: probe, count: 3, commit-per-poll: true, enable.auto.commit: false}
                phases:
                  - {step: topics.events.partitions, to: 9, by: 3, every: 1s}
                duration: 3500ms
                warmup: 500ms
                replications: 2
                seed: 3
                """.formatted(profile));
        return Scenario.load(file);
    }

    @Test
    void phasedRunSummarisesEachPhaseAndWritesItsSeries(@TempDir Path tmp) throws Exception {
        ScenarioRunner.Outcome o = new ScenarioRunner().run(scenario(tmp), new ScenarioRunner.Options(null, null, 2, null));
        Summary s = o.summary();

        // changes at 1 s and 2 s (3 -> 6 -> 9 partitions), measured from the 0.5 s warm-up end
        List<PhaseSummary> phases = s.phases();
        assertThat(phases).hasSize(3);
        assertThat(phases).extracting(PhaseSummary::startSeconds).containsExactly(0.5, 1.0, 2.0);
        assertThat(phases).extracting(p -> p.partitions().get("events")).containsExactly(3, 6, 9);
        // RF 3 on 3 brokers: every broker holds a replica of every partition (50 of __consumer_offsets too)
        assertThat(phases).extracting(PhaseSummary::replicasPerBroker).containsExactly(56.0, 59.0, 62.0);
        for (PhaseSummary p : phases) {
            assertThat(p.topics().get("probe").endToEndLatencyMs().count()).isPositive();
            assertThat(p.brokerCpuUtilization()).hasSize(3).allSatisfy(u -> assertThat(u).isBetween(0.0, 1.0));
        }
        // every phase's records together are the run's
        long phased = phases.stream().mapToLong(p -> p.topics().get("probe").endToEndLatencyMs().count()).sum();
        assertThat(phased).isEqualTo(s.topics().get("probe").endToEndLatencyMs().count());

        Map<String, ConsumerGroupSummary> groups = s.consumerGroups();
        assertThat(groups).containsOnlyKeys("readers", "probers");
        assertThat(groups.get("readers").rebalances()).isEqualTo(2.0);
        assertThat(groups.get("probers").offsetCommitsPerSec()).isCloseTo(groups.get("probers").pollsPerSec(),
                within(0.05 * groups.get("probers").pollsPerSec()));

        Path dir = tmp.resolve("out");
        RunOutputs.write(dir, s, o.replications());
        SeriesFile series = ResultFiles.json().readValue(dir.resolve(SeriesFile.JSON).toFile(), SeriesFile.class);
        assertThat(series.originSeconds()).isEqualTo(0.5);
        assertThat(series.intervalSeconds()).isEqualTo(10.0);
        assertThat(series.replications()).hasSize(2).allSatisfy(r -> {
            assertThat(r.brokers()).extracting(SeriesFile.BrokerSeries::name)
                    .containsExactly("broker-0", "broker-1", "broker-2");
            assertThat(r.brokers().get(0).replicas()).containsExactly(62);
            assertThat(r.consumerLag()).containsOnlyKeys("readers", "probers");
        });
        try (InputStream in = Files.newInputStream(dir.resolve(SeriesFile.HLOG))) {
            Map<String, IntervalSeries> log = IntervalSeries.readLogs(in);
            assertThat(log).containsKeys("rep-0/events/producerLatency", "rep-1/probe/endToEnd",
                    "rep-0/probe/endToEnd/broker-0", "rep-0/probe/endToEnd/broker-1", "rep-0/probe/endToEnd/broker-2");
            long perBroker = 0;
            for (int b = 0; b < 3; b++) {
                perBroker += log.get("rep-0/probe/endToEnd/broker-" + b).total().count();
            }
            assertThat(perBroker).isEqualTo(log.get("rep-0/probe/endToEnd").total().count())
                    .isEqualTo(o.replications().get(0).topic("probe").endToEnd.count());
        }
    }
}
