package io.tailsim.models.cluster;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.models.Fixtures;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

/** Young collections driven by the broker's work (gc.pauses-per-request and friends) instead of a clock. */
class GcAllocationTest {

    /** The simple profile with 2 ms pauses each time a broker's requests fill eden at {@code perRequest} collections each. */
    static HardwareProfile withAllocation(double perRequest) {
        HardwareProfile p = Fixtures.simple(4);
        p = new HardwareProfile("gc-alloc", 4, 1, false, p.cpu(), p.network(), p.disk(), p.compressionRatio(), null,
                new Deterministic(2 * MILLISECOND));
        return p.withHostEffects(p.hostEffects().withGcAllocation(new HardwareProfile.GcAllocation(perRequest, 0, 0)));
    }

    /** Runs one producer at {@code rate} records/s against one broker; returns [pauses started, requests handled]. */
    static long[] run(double perRequest, double rate) {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(rate), 0, 512,
                KeyStrategy.NONE, ClusterMechanismTest.config(0, 16_384, Acks.LEADER, 5), 0);
        ClusterModel m = new ClusterModel(ClusterMechanismTest.spec(withAllocation(perRequest), 1, 1,
                new TopicSpec("t", 1, 1, 1), g, 10, 0), 1);
        long[] gcFires = new long[1];
        m.setObserver((sim, e) -> {
            if (e.label().endsWith("/gc")) {
                gcFires[0]++;
            }
        });
        RunResult r = m.run();
        double requests = r.brokers().get(0).requestRates().values().stream().mapToDouble(Double::doubleValue).sum() * 10;
        // each pause fires twice (it starts, it ends)
        return new long[]{(gcFires[0] + 1) / 2, Math.round(requests)};
    }

    @Test
    void pausesComeOnceEveryOneOverPerRequestRequests() {
        long[] slow = run(0.01, 200);
        long[] fast = run(0.01, 2_000);
        // one collection per 100 requests, whatever the rate: the clock plays no part
        assertThat((double) slow[0]).isCloseTo(slow[1] / 100.0, within(2.0));
        assertThat((double) fast[0]).isCloseTo(fast[1] / 100.0, within(2.0));
        assertThat(fast[0]).isGreaterThan(5 * slow[0]);
    }

    @Test
    void withoutAllocationTermsAndAClockThereAreNoPauses() {
        HardwareProfile p = Fixtures.simple(4);
        assertThat(p.hostEffects().hasGcAllocation()).isFalse();
        assertThat(withAllocation(0.01).hostEffects().hasGcAllocation()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HardwareProfile.GcAllocation(0, 0, 0))
                .hasMessageContaining("gc.pauses-per-request");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HardwareProfile.GcAllocation(-1, 0, 1))
                .hasMessageContaining("gc.pauses-per-request");
    }
}
