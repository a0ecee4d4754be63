package io.tailsim.core.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kolmogorov–Smirnov tests of our samplers against commons-math3's CDFs (code nobody here wrote).
 * Each case also runs against the same family with every scale stretched by 10%, which the test
 * must reject: evidence that 50,000 draws give it the power to see a real mistake.
 */
class GoodnessOfFitTest {
    private static final int N = 50_000;

    /** A case: our distribution, and the reference law as a function of a scale stretch factor. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Distributions.exponential(2.5), (DoubleFunction<RealDistribution>) f -> new ExponentialDistribution(2.5 * f)),
                Arguments.of(Distributions.uniform(1, 4), (DoubleFunction<RealDistribution>) f -> new UniformRealDistribution(f, 4 * f)),
                Arguments.of(Distributions.gamma(0.4, 3), (DoubleFunction<RealDistribution>) f -> new GammaDistribution(0.4, 3 * f)),
                Arguments.of(Distributions.gamma(2.5, 1.3), (DoubleFunction<RealDistribution>) f -> new GammaDistribution(2.5, 1.3 * f)),
                // mean 6 and cv 0.5: shape 1/0.25 = 4, scale 6/4.
                Arguments.of(Distributions.gammaMeanCv(6, 0.5), (DoubleFunction<RealDistribution>) f -> new GammaDistribution(4, 1.5 * f)),
                // Erlang is gamma with integer shape and scale mean/k; both sampling paths.
                Arguments.of(Distributions.erlang(2, 6), (DoubleFunction<RealDistribution>) f -> new GammaDistribution(2, 3 * f)),
                Arguments.of(Distributions.erlang(40, 8), (DoubleFunction<RealDistribution>) f -> new GammaDistribution(40, 0.2 * f)),
                // mean 3, cv^2 = 2: sigma^2 = ln 3, mu = ln 3 - sigma^2/2 (textbook moment matching).
                Arguments.of(Distributions.lognormal(3, Math.sqrt(2)),
                        (DoubleFunction<RealDistribution>) f -> new LogNormalDistribution(Math.log(3 * f) - Math.log(3) / 2, Math.sqrt(Math.log(3)))),
                Arguments.of(Distributions.lognormalMuSigma(0.5, 0.8),
                        (DoubleFunction<RealDistribution>) f -> new LogNormalDistribution(0.5 + Math.log(f), 0.8)),
                // Interpolating between two samples is uniform between them.
                Arguments.of(Distributions.empirical(0, 10), (DoubleFunction<RealDistribution>) f -> new UniformRealDistribution(0, 10 * f)),
                // Hyperexponential: 70% mean 1, 30% mean 10.
                Arguments.of(Distributions.mixture(0.7, Distributions.exponential(1), Distributions.exponential(10)),
                        (DoubleFunction<RealDistribution>) f -> new TwoPointMixture(0.7, new ExponentialDistribution(f), new ExponentialDistribution(10 * f))),
                Arguments.of(Distributions.inverting(new WeibullDistribution(1.5, 2)),
                        (DoubleFunction<RealDistribution>) f -> new WeibullDistribution(1.5, 2 * f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samplesFollowTheReferenceLawAndNotAStretchedOne(Distribution d, DoubleFunction<RealDistribution> reference) {
        RandomStream rng = new RandomStreams(77).stream(d.describe());
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = d.sample(rng);
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertThat(ks.kolmogorovSmirnovTest(reference.apply(1.0), x)).as("KS p-value of %s", d).isGreaterThan(1e-3);
        assertThat(ks.kolmogorovSmirnovTest(reference.apply(1.10), x)).as("KS p-value against a 10%% stretch of %s", d)
                .isLessThan(1e-6);
    }

    /** p*F1 + (1-p)*F2, for the CDF only. */
    private static final class TwoPointMixture extends AbstractRealDistribution {
        private final double p;
        private final RealDistribution first;
        private final RealDistribution second;

        TwoPointMixture(double p, RealDistribution first, RealDistribution second) {
            super(null);
            this.p = p;
            this.first = first;
            this.second = second;
        }

        @Override
        public double cumulativeProbability(double x) {
            return p * first.cumulativeProbability(x) + (1 - p) * second.cumulativeProbability(x);
        }

        @Override
        public double density(double x) {
            return p * first.density(x) + (1 - p) * second.density(x);
        }

        @Override
        public double getNumericalMean() {
            return p * first.getNumericalMean() + (1 - p) * second.getNumericalMean();
        }

        @Override
        public double getNumericalVariance() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getSupportLowerBound() {
            return 0;
        }

        @Override
        public double getSupportUpperBound() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean isSupportLowerBoundInclusive() {
            return true;
        }

        @Override
        public boolean isSupportUpperBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }
}
