package io.tailsim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.core.dist.Distribution;
import io.tailsim.core.dist.Empirical;
import io.tailsim.core.dist.Erlang;
import io.tailsim.core.dist.Exponential;
import io.tailsim.core.dist.LogNormal;
import io.tailsim.core.dist.Mixture;
import io.tailsim.core.dist.Uniform;
import org.junit.jupiter.api.Test;

class DistributionSpecTest {
    @Test
    void namedAndPositionalArgumentsInNanoseconds() {
        Distribution ln = DistributionSpec.parse("lognormal(mean=2ms, cv=1.5)");
        assertThat(ln).isInstanceOf(LogNormal.class);
        assertThat(ln.mean()).isCloseTo(2e6, within(1e-6));
        assertThat(((LogNormal) ln).cv()).isCloseTo(1.5, within(1e-9));
        assertThat(DistributionSpec.parse("lognormal(2ms, 1.5)").mean()).isCloseTo(2e6, within(1e-6));
        assertThat(DistributionSpec.parse("exponential(1ms)")).isInstanceOf(Exponential.class)
                .extracting(Distribution::mean).isEqualTo(1e6);
        assertThat(DistributionSpec.parse("exponential(mean = 250us)").mean()).isEqualTo(250e3);
        assertThat(DistributionSpec.parse("uniform(min=1ms, max=3ms)")).isInstanceOf(Uniform.class)
                .extracting(Distribution::mean).isEqualTo(2e6);
        assertThat(DistributionSpec.parse("erlang(k=4, mean=2ms)")).isInstanceOf(Erlang.class)
                .extracting(Distribution::scv).isEqualTo(0.25);
        assertThat(DistributionSpec.parse("gamma(mean=2ms, cv=0.5)").scv()).isCloseTo(0.25, within(1e-12));
        assertThat(DistributionSpec.parse("empirical(1ms, 2ms, 5ms)")).isInstanceOf(Empirical.class);
        assertThat(((Empirical) DistributionSpec.parse("resampled(1ms, 2ms)")).isInterpolated()).isFalse();
    }

    @Test
    void plainValuesAreFixed() {
        assertThat(DistributionSpec.parse("0")).isInstanceOf(Deterministic.class).extracting(Distribution::mean).isEqualTo(0.0);
        assertThat(DistributionSpec.parse("2ms").mean()).isEqualTo(2e6);
        assertThat(DistributionSpec.parse("deterministic(20us)").variance()).isZero();
    }

    @Test
    void mixtureOfComponents() {
        Distribution m = DistributionSpec.parse("mixture(0.9: exponential(1ms), 0.1: lognormal(mean=20ms, cv=1))");
        assertThat(m).isInstanceOf(Mixture.class);
        assertThat(m.mean()).isCloseTo(0.9e6 + 2e6, within(1e-3));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> DistributionSpec.parse("lognormel(mean=2ms, cv=1)"))
                .hasMessageContaining("unknown distribution 'lognormel'").hasMessageContaining("did you mean 'lognormal'");
        assertThatThrownBy(() -> DistributionSpec.parse("lognormal(mean=2ms)")).hasMessageContaining("needs cv");
        assertThatThrownBy(() -> DistributionSpec.parse("lognormal(mean=2MB, cv=1)")).hasMessageContaining("is a size");
        assertThatThrownBy(() -> DistributionSpec.parse("exponential(mu=1ms)")).hasMessageContaining("no parameter 'mu'");
        assertThatThrownBy(() -> DistributionSpec.parse("exponential(1ms")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> DistributionSpec.parse("erlang(k=2.5, mean=1ms)")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DistributionSpec.parse("mixture(0.5: exponential(1ms), 0.6: exponential(2ms))"))
                .hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> DistributionSpec.parse("exponential(1ms) extra")).hasMessageContaining("unexpected");
    }
}
