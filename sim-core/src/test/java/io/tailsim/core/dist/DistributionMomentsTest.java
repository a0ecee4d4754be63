package io.tailsim.core.dist;

import static io.tailsim.core.dist.Distributions.deterministic;
import static io.tailsim.core.dist.Distributions.empirical;
import static io.tailsim.core.dist.Distributions.erlang;
import static io.tailsim.core.dist.Distributions.exponential;
import static io.tailsim.core.dist.Distributions.gamma;
import static io.tailsim.core.dist.Distributions.gammaMeanCv;
import static io.tailsim.core.dist.Distributions.lognormal;
import static io.tailsim.core.dist.Distributions.lognormalMuSigma;
import static io.tailsim.core.dist.Distributions.mixture;
import static io.tailsim.core.dist.Distributions.resampled;
import static io.tailsim.core.dist.Distributions.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample mean and variance of a million draws agree with mean() and variance() to within five
 * standard errors. The standard error of the mean is sqrt(variance/n) from the claimed variance; that
 * of the variance is sqrt((m4 - s^4)/n) with the fourth central moment m4 estimated from the same
 * draws. Seeds are fixed, so a pass is reproducible; five standard errors of a million draws is
 * still tight (0.5% of the mean for an exponential).
 */
class DistributionMomentsTest {
    private static final int N = 1_000_000;
    private static final double Z = 5;

    static Stream<Arguments> distributions() {
        return Stream.of(
                Arguments.of(exponential(2.5)),
                Arguments.of(Distributions.exponentialRate(4)),
                Arguments.of(uniform(1, 4)),
                Arguments.of(uniform(0, 1e6)),
                Arguments.of(erlang(1, 3)),
                Arguments.of(erlang(2, 10)),
                Arguments.of(erlang(4, 10)),
                Arguments.of(erlang(30, 10)),
                Arguments.of(gamma(0.3, 2)),
                Arguments.of(gamma(2.5, 1.3)),
                Arguments.of(gammaMeanCv(5, 0.5)),
                Arguments.of(lognormal(2, 1)),
                Arguments.of(lognormal(1_000_000, Math.sqrt(2))),
                Arguments.of(lognormal(3, 0.1)),
                Arguments.of(lognormalMuSigma(0.5, 0.6)),
                Arguments.of(empirical(0, 1, 3, 3.5, 10)),
                Arguments.of(resampled(1, 2, 2, 5, 40)),
                Arguments.of(mixture(0.9, exponential(1), deterministic(20))),
                Arguments.of(mixture(new double[] {0.2, 0.5, 0.3}, uniform(0, 2), erlang(2, 6), lognormal(4, 2))),
                Arguments.of(Distributions.inverting(new WeibullDistribution(1.5, 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void sampleMomentsMatchTheClaimedOnes(Distribution d) {
        RandomStream rng = new RandomStreams(20240611).stream(d.describe());
        double mu = d.mean();
        // Sums of powers of deviations from the claimed mean: exact enough in double for n = 10^6.
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < N; i++) {
            double x = d.sample(rng);
            double dev = x - mu;
            double dev2 = dev * dev;
            s1 += dev;
            s2 += dev2;
            s4 += dev2 * dev2;
        }
        double meanOffset = s1 / N;
        double sampleMean = mu + meanOffset;
        double sampleVariance = s2 / N - meanOffset * meanOffset;
        double m4 = s4 / N;

        double seMean = Math.sqrt(d.variance() / N);
        double seVariance = Math.sqrt(Math.max(m4 - sampleVariance * sampleVariance, 0) / N);
        assertThat(sampleMean).as("sample mean of %s", d).isCloseTo(mu, within(Z * seMean + 1e-12 * mu));
        assertThat(sampleVariance).as("sample variance of %s", d)
                .isCloseTo(d.variance(), within(Z * seVariance + 1e-12 * d.variance()));
        assertThat(d.scv()).as("scv of %s", d).isCloseTo(d.variance() / (mu * mu), within(1e-12 * d.scv()));
    }
}
