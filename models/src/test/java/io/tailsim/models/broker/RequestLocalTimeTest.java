package io.tailsim.models.broker;

import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static io.tailsim.core.time.Time.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * LocalTimeMs as Kafka stamps it: KafkaApis.handle runs the action queue (the delayed operations the request's appends
 * and offsets completed) before it stamps the local completion, unless the response went out while the request was
 * handled (RequestChannel.sendResponse stamps it then).
 */
class RequestLocalTimeTest {
    /** The simple profile with every delayed-operation completion costing {@code nanos} and no cost noise. */
    private static HardwareProfile withCompletionCost(double nanos) {
        HardwareProfile b = Fixtures.simple(4);
        HardwareProfile.CpuCosts c = b.cpu();
        HardwareProfile.CpuCosts costs = new HardwareProfile.CpuCosts(c.perRequestNanos(), c.perKiBNanos(),
                c.perPartitionNanos(), c.fetchSessionPartitionNanos(), c.tlsPerRequestNanos(), c.tlsPerKiBNanos(),
                c.networkThreadPerRequestNanos(), 0, 0, 0, c.networkThreadPerResponseNanos(), nanos,
                c.replicaFetcherPerResponseNanos(), 0, 0, 0, 0);
        return new HardwareProfile("completions", 4, 1, false, costs, b.network(), b.disk(), b.compressionRatio(),
                null, null, 4);
    }

    private static RunResult run(Acks acks) {
        // one producer, records alone (20/s), RF 3: each append finds both followers' fetches parked on the leader
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(20), 0, 512,
                KeyStrategy.NONE, Fixtures.producerConfig(0, 16_384, acks, CompressionType.NONE), 0, 0);
        ClusterSpec s = new ClusterSpec(withCompletionCost(2 * MILLISECOND), 3, 1, BrokerConfig.defaults(),
                List.of(new TopicSpec("t", 3, 3, 2)), List.of(g), List.of(), List.of(), 20 * SECOND, SECOND, 1);
        return new ClusterModel(s, 1).run();
    }

    @Test
    void aParkedProduceHoldsTheCompletionsItsAppendTriggeredInItsLocalTime() {
        double all = run(Acks.ALL).requestTimings().get("Produce").localTime().mean();
        double leader = run(Acks.LEADER).requestTimings().get("Produce").localTime().mean();
        // acks=all: the produce waits in the purgatory, so its local time ends after the two followers' fetches it
        // completed (2 ms each on its handler); acks=1: the response went out first and its local time ends there
        assertThat(all - leader).isCloseTo(4.0, within(0.4));
    }
}
