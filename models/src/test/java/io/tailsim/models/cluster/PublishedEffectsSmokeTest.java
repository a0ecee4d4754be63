package io.tailsim.models.cluster;

import io.tailsim.models.Fixtures;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static io.tailsim.core.time.Time.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directional checks of the latency blog's effects on a cluster a third of its size (3 brokers in
 * 3 AZs, 36 partitions RF 3, 30 Trogdor producers at 30 MB/s), with the guessed r5.xlarge profile.
 * The bands of published-results.yaml are issue 5's; here only the direction must hold.
 */
class PublishedEffectsSmokeTest {
    static ClusterSpec thirdOfBlog(long lingerMs, int batchSize) {
        ArrivalProcess arrival = new ArrivalProcess.TrogdorThrottle(30e6 / 516 / 30, 100 * MILLISECOND, true,
                2 * MILLISECOND);
        ProducerGroupSpec g = new ProducerGroupSpec("bench", "t", 30, arrival, 4, 512, KeyStrategy.ROUND_ROBIN,
                Fixtures.producerConfig(lingerMs * MILLISECOND, batchSize, Acks.ALL, CompressionType.LZ4), -1);
        return new ClusterSpec(Fixtures.r5xlarge(), 3, 3, Fixtures.blogBrokerConfig(),
                List.of(new TopicSpec("t", 36, 3, 2)), List.of(g), List.of(), List.of(), 3 * SECOND, SECOND, 1);
    }

    @Test
    void lingerCutsRequestsAndTheTailMoreThanTheMedian() {
        RunResult l0 = new ClusterModel(thirdOfBlog(0, 16_384), 1).run();
        RunResult l5 = new ClusterModel(thirdOfBlog(5, 16_384), 1).run();
        RunResult l5big = new ClusterModel(thirdOfBlog(5, 131_072), 1).run();
        double ratio = l0.produceRequestRate() / l5.produceRequestRate();
        assertThat(ratio).as("produce request rate linger 0 / linger 5").isGreaterThan(1.5);
        double p50Drop = 1 - l5.producerLatency().valueAtPercentile(50) / l0.producerLatency().valueAtPercentile(50);
        double p99Drop = 1 - l5.producerLatency().valueAtPercentile(99) / l0.producerLatency().valueAtPercentile(99);
        assertThat(p50Drop).as("p50 falls").isPositive();
        assertThat(p99Drop).as("p99 falls more than p50").isGreaterThan(p50Drop);
        // batch.size 16 KB -> 128 KB changes nothing at this per-producer rate
        assertThat(l5big.produceRequestRate()).isEqualTo(l5.produceRequestRate());
        assertThat(l5big.producerLatency().valueAtPercentile(99))
                .isCloseTo(l5.producerLatency().valueAtPercentile(99), org.assertj.core.data.Percentage.withPercentage(10));
    }
}
