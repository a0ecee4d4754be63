package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

    private record Outcome(int replication, long seed, double draw, String thread) {
    }

    private static Outcome simulate(int r, RandomStreams streams) throws InterruptedException {
        RandomStream rng = streams.stream("x");
        // Uneven run times so a parallel run finishes out of order.
        Thread.sleep((r * 7) % 5);
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += rng.nextDouble();
        }
        return new Outcome(r, streams.masterSeed(), sum, Thread.currentThread().getName());
    }

    @Test
    void replicationRGetsItsOwnSeedAndResultsComeBackInReplicationOrder() {
        Replications reps = Replications.of(42, 12);
        List<Outcome> out = reps.run(ReplicationsTest::simulate);
        assertThat(out).hasSize(12);
        for (int r = 0; r < 12; r++) {
            assertThat(out.get(r).replication()).isEqualTo(r);
            assertThat(out.get(r).seed()).isEqualTo(RandomStreams.replicationSeed(42, r)).isEqualTo(reps.seed(r));
        }
        assertThat(out.stream().mapToLong(Outcome::seed).distinct().count()).isEqualTo(12);
    }

    @Test
    void theThreadCountDoesNotChangeTheResults() throws Exception {
        List<Double> sequential = Replications.of(7, 16).run(ReplicationsTest::simulate)
                .stream().map(Outcome::draw).toList();
        List<Outcome> parallel = Replications.of(7, 16).threads(4).run(ReplicationsTest::simulate);
        assertThat(parallel.stream().map(Outcome::draw).toList()).isEqualTo(sequential);
        assertThat(parallel.stream().map(Outcome::thread).distinct().count()).isGreaterThan(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Double> onExecutor = Replications.of(7, 16).executor(pool).run(ReplicationsTest::simulate)
                    .stream().map(Outcome::draw).toList();
            assertThat(onExecutor).isEqualTo(sequential);
        } finally {
            pool.shutdownNow();
        }
        List<Double> otherSeed = Replications.of(8, 16).run(ReplicationsTest::simulate)
                .stream().map(Outcome::draw).toList();
        assertThat(otherSeed).isNotEqualTo(sequential);
    }

    @Test
    void aFailingReplicationIsNamedWithItsSeed() {
        Replications reps = Replications.of(1, 6).threads(2);
        assertThatThrownBy(() -> reps.run((r, streams) -> {
            if (r == 3) {
                throw new java.io.IOException("disk full");
            }
            return r;
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replication 3")
                .hasMessageContaining(Long.toString(reps.seed(3)))
                .hasMessageContaining("disk full");
        assertThatThrownBy(() -> Replications.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileIntervalsComeFromPerReplicationEstimates() {
        // Each replication records 10,000 exponential latencies with mean 1 ms: p99 = ln(100) ms.
        List<LatencyRecorder> recorders = Replications.of(3, 10).threads(2).run((r, streams) -> {
            RandomStream rng = streams.stream("latency");
            LatencyRecorder rec = new LatencyRecorder();
            for (int i = 0; i < 10_000; i++) {
                rec.record(Math.round(-Math.log(rng.nextOpenDouble()) * 1e6));
            }
            return rec;
        });
        ReplicatedLatency lat = ReplicatedLatency.of(recorders);
        ConfidenceInterval p99 = lat.percentile(99);
        assertThat(p99.n()).isEqualTo(10);
        assertThat(p99.contains(Math.log(100))).as("%s", p99).isTrue();
        assertThat(p99.relativeHalfWidth()).isLessThan(0.03);
        assertThat(lat.mean().contains(1.0)).as("%s", lat.mean()).isTrue();
        assertThat(lat.summary()).containsOnlyKeys(LatencySummary.STATISTICS);
        assertThat(lat.summary().get("p99").estimate()).isEqualTo(p99.estimate());
        assertThat(lat.merged().count()).isEqualTo(100_000);
        assertThat(recorders.get(0).count()).isEqualTo(10_000); // merging did not touch the inputs
    }
}
