package io.tailsim.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EmpiricalTest {
    private final RandomStream rng = new RandomStreams(5).stream("empirical");

    @Test
    void interpolatedMomentsAreThoseOfTheUniformsBetweenSortedSamples() {
        // Unsorted on purpose. Sorted 0, 1, 3: half U(0,1), half U(1,3).
        Empirical d = Empirical.interpolated(3, 0, 1);
        assertThat(d.mean()).isCloseTo(0.5 * 0.5 + 0.5 * 2, within(1e-15));
        // E[X^2] = 0.5 * 1/3 + 0.5 * (27 - 1) / 6 = 7/3.
        assertThat(d.variance()).isCloseTo(7.0 / 3 - 1.25 * 1.25, within(1e-15));
        assertThat(d.min()).isEqualTo(0);
        assertThat(d.max()).isEqualTo(3);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.isInterpolated()).isTrue();
    }

    @Test
    void interpolatedDrawsFallBetweenSamplesWithEqualMassPerGap() {
        Empirical d = Empirical.interpolated(0, 1, 3);
        int n = 200_000;
        int belowOne = 0;
        int belowTwo = 0;
        for (int i = 0; i < n; i++) {
            double x = d.sample(rng);
            assertThat(x).isBetween(0.0, 3.0);
            belowOne += x < 1 ? 1 : 0;
            belowTwo += x < 2 ? 1 : 0;
        }
        // F(1) = 1/2 and F(2) = 1/2 + 1/4; binomial standard error <= 0.0011, five of them.
        assertThat(belowOne / (double) n).isCloseTo(0.5, within(0.0056));
        assertThat(belowTwo / (double) n).isCloseTo(0.75, within(0.0056));
    }

    @Test
    void aSingleSampleIsAPointMass() {
        Empirical d = Empirical.interpolated(7.5);
        assertThat(d.mean()).isEqualTo(7.5);
        assertThat(d.variance()).isZero();
        assertThat(d.size()).isEqualTo(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(d.sample(rng)).isEqualTo(7.5);
        }
    }

    @Test
    void resampledDrawsRepeatSamplesWithTheirFrequencies() {
        Empirical d = Empirical.resampled(5, 2, 1, 2);
        assertThat(d.isInterpolated()).isFalse();
        assertThat(d.mean()).isEqualTo(2.5);
        // Population variance: ((1-2.5)^2 + 2*(2-2.5)^2 + (5-2.5)^2) / 4.
        assertThat(d.variance()).isCloseTo((2.25 + 0.5 + 6.25) / 4, within(1e-15));
        int n = 200_000;
        Map<Double, Integer> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(d.sample(rng), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys(1.0, 2.0, 5.0);
        // Binomial standard errors are below 0.0012; five of them.
        assertThat(counts.get(1.0) / (double) n).isCloseTo(0.25, within(0.006));
        assertThat(counts.get(2.0) / (double) n).isCloseTo(0.50, within(0.006));
        assertThat(counts.get(5.0) / (double) n).isCloseTo(0.25, within(0.006));
    }

    @Test
    void laterChangesToTheCallersArrayDoNotLeakIn() {
        double[] samples = {1, 2, 3};
        Empirical d = Empirical.interpolated(samples);
        samples[0] = 100;
        samples[2] = 200;
        assertThat(d.max()).isEqualTo(3);
        assertThat(d.mean()).isEqualTo(2);
        for (int i = 0; i < 1000; i++) {
            assertThat(d.sample(rng)).isBetween(1.0, 3.0);
        }
    }

    @Test
    void manyMeasuredSamplesReproduceTheirSourceMoments() {
        // 100k lognormal measurements: the interpolated empirical keeps the mean within the sampling error.
        LogNormal source = LogNormal.ofMeanCv(10, 0.8);
        double[] samples = new double[100_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = source.sample(rng);
        }
        Empirical d = Empirical.interpolated(samples);
        // Standard error of a 100k-sample mean: 10 * 0.8 / sqrt(1e5) = 0.025; five of them.
        assertThat(d.mean()).isCloseTo(10, within(0.13));
        assertThat(Math.sqrt(d.variance())).isCloseTo(8, within(0.4));
    }
}
