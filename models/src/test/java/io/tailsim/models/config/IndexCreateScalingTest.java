package io.tailsim.models.config;

import io.tailsim.core.dist.Deterministic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IndexCreateScalingTest {
    private static HardwareProfile.Disk disk(double reference, double exponent) {
        return new HardwareProfile.Disk(100e6, 100e6, new Deterministic(1e5), 1 << 20, 2 << 20, 1L << 30, null, null, null,
                new Deterministic(1e7), reference, exponent);
    }

    @Test
    void theFactorIsAPowerOfReplicasOverTheReference() {
        HardwareProfile.Disk d = disk(100, 0.5);
        assertThat(d.indexCreateFactor(100)).isCloseTo(1.0, within(1e-12));
        assertThat(d.indexCreateFactor(400)).isCloseTo(2.0, within(1e-12));
        assertThat(d.indexCreateFactor(25)).isCloseTo(0.5, within(1e-12));
        // a broker with no replica yet is priced as one
        assertThat(d.indexCreateFactor(0)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void withoutAReferenceIndexCreationIsTheSameEverywhere() {
        assertThat(disk(0, 0).indexCreateFactor(5000)).isEqualTo(1.0);
        assertThat(disk(100, 0).indexCreateFactor(5000)).isEqualTo(1.0);
        HardwareProfile.Disk plain = new HardwareProfile.Disk(100e6, 100e6, new Deterministic(1e5), 1 << 20, 2 << 20, 1L << 30,
                null, null, null, new Deterministic(1e7));
        assertThat(plain.indexCreateFactor(5000)).isEqualTo(1.0);
    }

    @Test
    void impossibleScalingIsRefusedByKey() {
        assertThatThrownBy(() -> disk(-1, 0.5)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("disk.index-create-reference-replicas");
        assertThatThrownBy(() -> disk(100, 3)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("disk.index-create-replica-exponent");
        assertThatThrownBy(() -> disk(100, Double.NaN)).isInstanceOf(ConfigException.class);
    }
}
