package io.tailsim.validation;

import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScalingTest {
    private final WorkloadSpec full = new WorkloadSpec(
            List.of(new ProducerGroupSpec("many", "t", 90, 4000, 0, 512, Keys.NONE, Arrival.POISSON, Map.of("linger.ms", "0")),
                    new ProducerGroupSpec("one", "u", 1, 100, 0, 512, Keys.NONE, Arrival.CONSTANT, Map.of())),
            List.of(new ConsumerGroupSpec("g", List.of("t"), 6, Map.of())), 10, 60, 3);

    @Test
    void dividesRatesExactlyAndCountsToTheNearestClientKeepingEverythingElse() {
        WorkloadSpec s = Scaling.apply(full, 10);
        assertThat(s.producers().get(0).count()).isEqualTo(9);
        assertThat(s.producers().get(0).recordsPerSec()).isCloseTo(400, within(1e-9));
        assertThat(s.producers().get(0).configs()).containsEntry("linger.ms", "0");
        assertThat(s.producers().get(1).count()).isEqualTo(1);
        assertThat(s.producers().get(1).recordsPerSec()).isCloseTo(10, within(1e-9));
        assertThat(s.consumers().get(0).count()).isEqualTo(1);
        assertThat(s.offeredBytesPerSec()).isCloseTo(full.offeredBytesPerSec() / 10, within(1e-6));
        assertThat(s.warmupSeconds()).isEqualTo(10);
        assertThat(s.measureSeconds()).isEqualTo(60);
    }

    @Test
    void oneIsTheIdentityAndLessThanOneIsRefused() {
        assertThat(Scaling.apply(full, 1)).isSameAs(full);
        assertThatThrownBy(() -> Scaling.apply(full, 0.5)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Scaling.apply(full, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Scaling.scaledCount(9, 2)).isEqualTo(5);
        assertThat(Scaling.scaledCount(3, 100)).isEqualTo(1);
    }
}
