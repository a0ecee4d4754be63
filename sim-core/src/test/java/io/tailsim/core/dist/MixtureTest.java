package io.tailsim.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureTest {
    private final RandomStream rng = new RandomStreams(3).stream("mixture");

    @Test
    void momentsFollowTheLawOfTotalVariance() {
        // 0.9 * Exp(mean 1) + 0.1 * point mass at 20: page-cache hit or disk read.
        Mixture m = Distributions.mixture(0.9, Distributions.exponential(1), Distributions.deterministic(20));
        assertThat(m.mean()).isCloseTo(0.9 * 1 + 0.1 * 20, within(1e-12));
        // E[X^2] = 0.9 * 2 + 0.1 * 400 = 41.8.
        assertThat(m.variance()).isCloseTo(41.8 - 2.9 * 2.9, within(1e-12));
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.weight(1)).isEqualTo(0.1, within(1e-15));
    }

    @Test
    void zeroWeightComponentsAreNeverDrawnAndDoNotTaintTheMoments() {
        Distribution never = new Distribution() {
            @Override
            public double sample(RandomStream r) {
                throw new AssertionError("a zero-weight component was drawn");
            }

            @Override
            public double mean() {
                return Double.NaN;
            }

            @Override
            public double variance() {
                return Double.NaN;
            }

            @Override
            public String describe() {
                return "never";
            }
        };
        Mixture m = new Mixture(new double[] {0, 0.5, 0, 0.5, 0},
                List.of(never, Distributions.deterministic(1), never, Distributions.deterministic(3), never));
        assertThat(m.mean()).isEqualTo(2);
        assertThat(m.variance()).isEqualTo(1);
        for (int i = 0; i < 100_000; i++) {
            assertThat(m.sample(rng)).isIn(1.0, 3.0);
        }
        // The boundaries of the uniform: 0 picks the first real component, just below 1 the last.
        assertThat(m.select(0.0)).isEqualTo(1);
        assertThat(m.select(0.5)).isEqualTo(3);
        assertThat(m.select(Math.nextDown(1.0))).isEqualTo(3);
    }

    @Test
    void componentsAreChosenWithTheirWeights() {
        Mixture m = Distributions.mixture(new double[] {0.2, 0.3, 0.5},
                Distributions.deterministic(1), Distributions.deterministic(2), Distributions.deterministic(3));
        int n = 200_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            counts[(int) m.sample(rng)]++;
        }
        // Binomial standard errors are at most 0.0012; five of them.
        assertThat(counts[1] / (double) n).isCloseTo(0.2, within(0.006));
        assertThat(counts[2] / (double) n).isCloseTo(0.3, within(0.006));
        assertThat(counts[3] / (double) n).isCloseTo(0.5, within(0.006));
    }

    @Test
    void weightsWrittenAsDecimalsAreAcceptedDespiteRounding() {
        // 0.1 * 10 sums to 0.9999999999999999 in double.
        double[] w = new double[10];
        java.util.Arrays.fill(w, 0.1);
        Distribution[] c = new Distribution[10];
        for (int i = 0; i < 10; i++) {
            c[i] = Distributions.deterministic(i);
        }
        Mixture m = Distributions.mixture(w, c);
        assertThat(m.mean()).isCloseTo(4.5, within(1e-12));
    }
}
