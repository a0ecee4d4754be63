package io.tailsim.models.cluster;

import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.producer.KafkaProducer;
import io.tailsim.models.report.RunResult;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.util.ArrayList;
import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of {@link ClusterInvariantsTest} with the producers as Trogdor bursts on shared
 * client hosts (1-3 agents), where send() calls run as aggregated CPU jobs (Application,
 * HostCpu.submitTracked): every key strategy and partitioner (only ROUND_ROBIN and OWN_PARTITION
 * aggregate), batches of one to many records, partitions added mid-run, GC pauses, consumers.
 */
class AggregatedBurstsInvariantsTest {

    @Provide
    Arbitrary<ClusterInvariantsTest.Case> cases() {
        return new ClusterInvariantsTest().cases();
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void invariantsHoldWithAggregatedBursts(@ForAll("cases") ClusterInvariantsTest.Case c) {
        ClusterSpec base = ClusterInvariantsTest.spec(c, 400);
        int agents = 1 + (int) Math.floorMod(c.seed(), 3L);
        List<ProducerGroupSpec> groups = new ArrayList<>();
        for (ProducerGroupSpec g : base.producerGroups()) {
            groups.add(g.name().equals("g")
                    ? new ProducerGroupSpec(g.name(), g.topic(), g.count(),
                            new ArrivalProcess.TrogdorThrottle(c.ratePerProducer(), 100 * MILLISECOND, true, MILLISECOND),
                            g.keyBytes(), g.valueBytes(), g.keys(), g.config(), g.az(), agents)
                    : g);
        }
        ClusterSpec spec = new ClusterSpec(base.profile(), base.brokers(), base.availabilityZones(),
                base.brokerConfig(), base.topics(), groups, base.consumerGroups(), base.phases(),
                base.durationNanos(), base.warmupNanos(), base.seed());
        ClusterModel model = new ClusterModel(spec, c.seed());
        InvariantChecker checker = InvariantChecker.attach(model);
        RunResult r = model.run();
        assertThat(model.stopProducersAndDrain(60_000 * MILLISECOND)).as("drained").isTrue();
        checker.assertAllAcknowledged();
        assertThat(model.awaitConsumersCaughtUp(30_000 * MILLISECOND)).as("consumers caught up, never stalling 30 s").isTrue();
        checker.assertAllDelivered();
        long sent = model.producers().stream().mapToLong(KafkaProducer::recordsSent).sum();
        assertThat(sent).isPositive();
        assertThat(checker.recordsChecked()).isEqualTo(sent);
        assertThat(r.producerLatency().count()).isPositive();
    }
}
