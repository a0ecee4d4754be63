package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplicationStatsTest {

    @Test
    void studentTIntervalMatchesAHandCalculation() {
        // x = 1..5: mean 3, s^2 = (4+1+0+1+4)/4 = 2.5, t(0.975, 4 df) = 2.7764 (any t table),
        // half-width = 2.7764 · sqrt(2.5) / sqrt(5) = 2.7764 · sqrt(0.5) = 1.96324.
        ReplicationStats s = ReplicationStats.of(new double[] {1, 2, 3, 4, 5});
        ConfidenceInterval ci = s.confidenceInterval();
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.stdDev()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(ci.estimate()).isEqualTo(3.0);
        assertThat(ci.halfWidth()).isCloseTo(2.7764451052 * Math.sqrt(0.5), within(1e-9));
        assertThat(ci.low()).isCloseTo(3 - 1.9632431615, within(1e-9));
        assertThat(ci.high()).isCloseTo(3 + 1.9632431615, within(1e-9));
        assertThat(ci.n()).isEqualTo(5);
        assertThat(ci.level()).isEqualTo(0.95);
        assertThat(ci.contains(4.9)).isTrue();
        assertThat(ci.contains(5.0)).isFalse();
        // 90%: t(0.95, 4) = 2.1318.
        assertThat(s.confidenceInterval(0.90).halfWidth()).isCloseTo(2.1318467863 * Math.sqrt(0.5), within(1e-9));
    }

    @Test
    void twoReplicationsGiveTheWideTwelvePointSevenInterval() {
        // s = sqrt(2), sqrt(n) = sqrt(2): the half-width is t(0.975, 1) = 12.706 itself.
        ConfidenceInterval ci = ReplicationStats.of(new double[] {10, 12}).confidenceInterval();
        assertThat(ci.estimate()).isEqualTo(11.0);
        assertThat(ci.halfWidth()).isCloseTo(12.7062047362, within(1e-8));
        assertThat(ci.relativeHalfWidth()).isCloseTo(12.7062047362 / 11, within(1e-9));
    }

    @Test
    void oneReplicationHasNoInterval() {
        ConfidenceInterval ci = ReplicationStats.of(new double[] {7}).confidenceInterval();
        assertThat(ci.estimate()).isEqualTo(7);
        assertThat(ci.halfWidth()).isNaN();
        assertThat(ci.contains(7)).isFalse();
        assertThatThrownBy(() -> ReplicationStats.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplicationStats.of(new double[] {1, 2}).confidenceInterval(1.0))
                .hasMessageContaining("1.0");
    }

    @Test
    void estimatesAreExtractedFromResultsInOrder() {
        record Result(double meanWait, double p99) {
        }
        List<Result> results = List.of(new Result(1, 10), new Result(3, 30));
        assertThat(ReplicationStats.of(results, Result::p99).estimates()).containsExactly(10, 30);
        assertThat(ReplicationStats.of(results, Result::meanWait).mean()).isEqualTo(2);
    }

    @Test
    void ninetyFivePercentIntervalsCoverAbout95PercentOfTheTime() {
        // 2000 experiments of 10 normal estimates each: coverage is Binomial(2000, 0.95), sd 0.5%.
        SplittableRandom rnd = new SplittableRandom(17);
        int covered = 0;
        int experiments = 2000;
        for (int e = 0; e < experiments; e++) {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) {
                double u1 = 1 - rnd.nextDouble();
                x[i] = 5 + 2 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rnd.nextDouble());
            }
            if (ReplicationStats.of(x).confidenceInterval().contains(5)) {
                covered++;
            }
        }
        assertThat(covered / (double) experiments).isBetween(0.93, 0.97);
    }
}
