package io.tailsim.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void describeSaysWhatItIsInSixSignificantDigits() {
        assertThat(Distributions.deterministic(5).describe()).isEqualTo("deterministic(5.0)");
        assertThat(Distributions.exponential(2).describe()).isEqualTo("exponential(mean=2.0)");
        assertThat(Distributions.uniform(0, 1.5).describe()).isEqualTo("uniform(0.0, 1.5)");
        assertThat(Distributions.erlang(3, 6).describe()).isEqualTo("erlang(k=3, mean=6.0)");
        assertThat(Distributions.gamma(2, 0.5).describe()).isEqualTo("gamma(shape=2.0, scale=0.5)");
        assertThat(Distributions.lognormal(2, Math.sqrt(2)).describe()).isEqualTo("lognormal(mean=2.0, cv=1.41421)");
        assertThat(Distributions.mixture(0.25, Distributions.exponential(1), Distributions.deterministic(3)).describe())
                .isEqualTo("mixture(0.25: exponential(mean=1.0), 0.75: deterministic(3.0))");
        assertThat(Distributions.empirical(1, 2, 6).describe())
                .isEqualTo("empirical(interpolated, n=3, min=1.0, max=6.0, mean=2.75)");
        assertThat(Distributions.exponential(1e9).toString()).isEqualTo("exponential(mean=1.0E9)");
    }

    @Test
    void twoMomentParameterisationsHitTheirTargetsExactly() {
        LogNormal ln = Distributions.lognormal(5e6, 1.5);
        assertThat(ln.mean()).isEqualTo(5e6);
        assertThat(ln.cv()).isCloseTo(1.5, within(1e-12));
        assertThat(ln.scv()).isCloseTo(2.25, within(1e-12));
        // Against the textbook relations mean = exp(mu + sigma^2/2), cv^2 = exp(sigma^2) - 1.
        assertThat(Math.exp(ln.mu() + ln.sigma() * ln.sigma() / 2)).isCloseTo(5e6, within(1e-6));
        assertThat(Math.expm1(ln.sigma() * ln.sigma())).isCloseTo(2.25, within(1e-12));

        LogNormal byMuSigma = Distributions.lognormalMuSigma(ln.mu(), ln.sigma());
        assertThat(byMuSigma.mean()).isCloseTo(5e6, within(1e-6));
        assertThat(byMuSigma.variance()).isCloseTo(ln.variance(), within(ln.variance() * 1e-12));

        Gamma g = Distributions.gammaMeanCv(8, 0.5);
        assertThat(g.shape()).isCloseTo(4, within(1e-12));
        assertThat(g.scale()).isCloseTo(2, within(1e-12));
        assertThat(g.mean()).isCloseTo(8, within(1e-12));
        assertThat(g.scv()).isCloseTo(0.25, within(1e-12));

        assertThat(Distributions.erlang(4, 10).scv()).isEqualTo(0.25);
        assertThat(Distributions.erlang(4, 10).variance()).isEqualTo(25);
        assertThat(Distributions.exponentialRate(4).mean()).isEqualTo(0.25);
        assertThat(Distributions.exponential(3).scv()).isEqualTo(1);
        assertThat(Distributions.uniform(2, 8).variance()).isEqualTo(3);
        assertThat(Distributions.deterministic(3).scv()).isZero();
    }

    @Test
    void lognormalWithCvZeroIsItsMean() {
        LogNormal d = Distributions.lognormal(4, 0);
        RandomStream rng = new RandomStreams(1).stream("d");
        for (int i = 0; i < 100; i++) {
            assertThat(d.sample(rng)).isCloseTo(4, within(1e-12));
        }
        assertThat(d.variance()).isZero();
    }

    @Test
    void aDistributionDrawsOnlyFromTheStreamItIsGiven() {
        // One shared distribution, two entities: each entity's draws depend on its stream alone.
        Distribution service = Distributions.lognormal(3, 1.2);
        RandomStreams streams = new RandomStreams(99);
        RandomStream a = streams.stream("a");
        RandomStream b = streams.stream("b");
        RandomStream aAlone = new RandomStreams(99).newStream("a");
        for (int i = 0; i < 1000; i++) {
            double fromA = service.sample(a);
            service.sample(b);
            assertThat(fromA).isEqualTo(service.sample(aAlone));
        }
    }
}
