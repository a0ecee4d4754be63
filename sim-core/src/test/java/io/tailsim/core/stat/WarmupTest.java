package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void mserMatchesAHandCalculation() {
        // Batch size 1, k = 6, d in [0, 3]. MSER(d) = SS(suffix) / (k-d)^2:
        // d=0: mean 2.5, SS 5.5 -> 0.1528; d=1: mean 2.2, SS 2.8 -> 0.112;
        // d=2: mean 2.5, SS 1.0 -> 0.0625; d=3: mean 8/3, SS 2/3 -> 0.0741. Minimum at d=2.
        Warmup.Mser m = Warmup.mser(new double[] {4, 1, 2, 3, 2, 3}, 1);
        assertThat(m.truncation()).isEqualTo(2);
        assertThat(m.statistic()).isCloseTo(0.0625, within(1e-12));
        assertThat(m.batches()).isEqualTo(6);
        assertThat(m.atLimit()).isFalse();
    }

    @Test
    void mser5CutsWholeBatchesOfFive() {
        double[] x = new double[23];   // 4 full batches; the last 3 observations are dropped
        Arrays.fill(x, 0, 5, 10);
        assertThat(Warmup.mser5(x)).isEqualTo(5);
        Warmup.Mser m = Warmup.mser(x, 5);
        assertThat(m.batches()).isEqualTo(4);
        assertThat(m.batchesDeleted()).isEqualTo(1);
    }

    @Test
    void mser5FindsAnObviousInitialTransient() {
        // 50·exp(-i/40) decays below the N(0,1) noise after ~160 observations; then 4840 stationary ones.
        SplittableRandom rnd = new SplittableRandom(23);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            double noise = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            x[i] = 50 * Math.exp(-i / 40.0) + noise;
        }
        int d = Warmup.mser5(x);
        assertThat(d).isBetween(100, 400);
        assertThat(d % 5).isZero();
        double biased = Arrays.stream(x).average().orElseThrow();
        double truncated = Arrays.stream(Warmup.truncate(x, d)).average().orElseThrow();
        assertThat(biased).isGreaterThan(0.3);
        assertThat(Math.abs(truncated)).isLessThan(0.1);
        assertThat(Warmup.mser(x, 5).atLimit()).isFalse();
    }

    @Test
    void aStationarySeriesNeedsLittleTruncation() {
        SplittableRandom rnd = new SplittableRandom(29);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        assertThat(Warmup.mser5(x)).isLessThan(x.length / 10);
    }

    @Test
    void aSeriesThatNeverSettlesIsFlaggedAtTheLimit() {
        double[] trend = new double[100];
        for (int i = 0; i < trend.length; i++) {
            trend[i] = 100 - i;   // still drifting at the end of the run
        }
        Warmup.Mser m = Warmup.mser(trend, 5);
        assertThat(m.atLimit()).isTrue();
        assertThat(m.truncation()).isEqualTo(50);
    }

    @Test
    void ensembleMeanAveragesPointwiseOverTheCommonLength() {
        double[] mean = Warmup.ensembleMean(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5});
        assertThat(mean).containsExactly(2, 3, 4);
        assertThatThrownBy(Warmup::ensembleMean).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedTruncationAndItsLimits() {
        assertThat(Warmup.fixed(1000, 0.1)).isEqualTo(100);
        assertThat(Warmup.fixed(999, 0.1)).isEqualTo(99);
        assertThat(Warmup.truncate(new double[] {1, 2, 3}, 1)).containsExactly(2, 3);
        assertThatThrownBy(() -> Warmup.fixed(10, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Warmup.mser5(new double[19])).hasMessageContaining("19");
    }
}
