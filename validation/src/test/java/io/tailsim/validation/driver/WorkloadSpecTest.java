package io.tailsim.validation.driver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WorkloadSpecTest {
    @Test
    void offeredLoadAddsUpOverGroups() {
        WorkloadSpec w = new WorkloadSpec(List.of(
                new ProducerGroupSpec("a", "t", 9, 1000, 0, 512, Keys.NONE, Arrival.POISSON, Map.of()),
                new ProducerGroupSpec("b", "u", 1, 10, 0, 100, Keys.NONE, Arrival.CONSTANT, Map.of())),
                List.of(new ConsumerGroupSpec("g", List.of("t", "u"), 3, Map.of())), 10, 30, 1);
        assertThat(w.offeredRecordsPerSec()).isCloseTo(1010, within(1e-9));
        assertThat(w.offeredBytesPerSec()).isCloseTo(512_000 + 1_000, within(1e-9));
        assertThat(w.producerCount()).isEqualTo(10);
        assertThat(w.consumerCount()).isEqualTo(3);
    }

    @Test
    void warmUpBelowTenSecondsIsRefused() {
        List<ProducerGroupSpec> p = List.of(new ProducerGroupSpec("a", "t", 1, 1, 0, 8, Keys.NONE, null, null));
        assertThatThrownBy(() -> new WorkloadSpec(p, List.of(), 5, 10, 1)).hasMessageContaining("warm-up must be at least 10");
    }

    @Test
    void aDriverRefusesTopicsTheClusterDoesNotHave() {
        WorkloadSpec w = new WorkloadSpec(List.of(new ProducerGroupSpec("a", "missing", 1, 1, 0, 8, Keys.NONE, null, null)), List.of(), 10, 1, 1);
        assertThatThrownBy(() -> new WorkloadDriver("b:1", w, Map.of("t", 3), "x")).hasMessageContaining("topic missing");
    }

    @Test
    void scheduleWindowIsHalfOpen() {
        Schedule s = new Schedule(0, 100, 200, 300);
        assertThat(s.inWindow(99)).isFalse();
        assertThat(s.inWindow(100)).isTrue();
        assertThat(s.inWindow(199)).isTrue();
        assertThat(s.inWindow(200)).isFalse();
    }

    /** The counters' snapshots disturb the loaded machine for seconds: they stay outside the latency window, inside the load. */
    @Test
    void theCountersAreSnapshottedOutsideTheWindowWhileTheLoadIsOn() {
        long s = 1_000_000_000L;
        Schedule suite = new Schedule(0, 100 * s, 130 * s, 132 * s);
        assertThat(suite.countersStartNanos()).isEqualTo(95 * s);
        assertThat(suite.countersEndNanos()).isEqualTo(131 * s);
        assertThat(suite.inWindow(suite.countersStartNanos())).isFalse();
        assertThat(suite.inWindow(suite.countersEndNanos())).isFalse();
        // a driver whose producers stop sooner than the lag after the window: the last snapshot as they stop
        Schedule shortCooldown = new Schedule(0, 10 * s, 20 * s, 20 * s + s / 2);
        assertThat(shortCooldown.countersEndNanos()).isEqualTo(20 * s + s / 2);
    }
}
