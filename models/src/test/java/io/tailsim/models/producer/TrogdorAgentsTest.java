package io.tailsim.models.producer;

import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

/** Trogdor producers on shared agents: one wall clock per agent, and the agent's cores are priced. */
class TrogdorAgentsTest {
    @Test
    void producersOnOneAgentShareItsClock() {
        ClusterSpec spec = Fixtures.blog(18, 5 * MILLISECOND, 16_384, 1.0, 0.2, 9);
        ClusterModel m = new ClusterModel(spec, 1);
        m.run();
        List<KafkaProducer> ps = m.producers();
        long skew = 2 * MILLISECOND;   // Fixtures.blog's clock skew
        for (int i = 0; i < 9; i++) {
            KafkaProducer a = ps.get(i);
            KafkaProducer b = ps.get(i + 9);
            assertThat(b.host()).isSameAs(a.host());
            assertThat(b.host().clockOffset(skew, null)).isEqualTo(a.host().clockOffset(skew, null));
        }
        long distinct = ps.stream().limit(9).mapToLong(p -> p.host().clockOffset(skew, null)).distinct().count();
        assertThat(distinct).isGreaterThan(1);
    }

    /** The agents' cores carry the application and Sender work: busier agents, same records delivered. */
    @Test
    void agentCpuIsPricedAndMeasured() {
        RunResult free = new ClusterModel(Fixtures.blog(18, 5 * MILLISECOND, 16_384, 1.5, 0.5, 0), 1).run();
        RunResult agents = new ClusterModel(Fixtures.blog(18, 5 * MILLISECOND, 16_384, 1.5, 0.5, 9), 1).run();
        assertThat(Double.isNaN(free.producerGroups().get("bench").clientCpuUtilisation())).isTrue();
        double util = agents.producerGroups().get("bench").clientCpuUtilisation();
        assertThat(util).isGreaterThan(0).isLessThan(1);
        assertThat(agents.producerGroups().get("bench").recordsSent())
                .isCloseTo(free.producerGroups().get("bench").recordsSent(),
                        org.assertj.core.data.Percentage.withPercentage(5));
    }
}
