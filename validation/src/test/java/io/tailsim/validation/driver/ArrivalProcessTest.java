package io.tailsim.validation.driver;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ArrivalProcessTest {
    @Test
    void constantGapsCarryTheFractionSoTheRateIsExactOverTime() {
        ArrivalProcess a = new ArrivalProcess(Arrival.CONSTANT, 3.0, new SplittableRandom(1));
        long sum = 0;
        for (int i = 0; i < 3000; i++) {
            long g = a.nextGapNanos();
            assertThat(g).isBetween(333_333_333L, 333_333_334L);
            sum += g;
        }
        assertThat(sum).isCloseTo(1_000_000_000_000L, within(1L));
    }

    @Test
    void poissonGapsHaveTheRightMeanAndACoefficientOfVariationOfOne() {
        ArrivalProcess a = new ArrivalProcess(Arrival.POISSON, 1000.0, new SplittableRandom(42));
        int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = a.nextGapNanos();
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n, sd = Math.sqrt(sumSq / n - mean * mean);
        assertThat(mean).isCloseTo(1e6, within(1e6 * 0.01));
        assertThat(sd / mean).isCloseTo(1.0, within(0.02));
    }

    @Test
    void theFirstOffsetIsAPhaseWithinOneGapAndTheSeedReproducesIt() {
        ArrivalProcess a = new ArrivalProcess(Arrival.CONSTANT, 100.0, new SplittableRandom(7));
        ArrivalProcess b = new ArrivalProcess(Arrival.CONSTANT, 100.0, new SplittableRandom(7));
        long off = a.firstOffsetNanos();
        assertThat(off).isBetween(0L, 10_000_000L).isEqualTo(b.firstOffsetNanos());
        assertThatThrownBy(() -> new ArrivalProcess(Arrival.POISSON, 0, new SplittableRandom())).isInstanceOf(IllegalArgumentException.class);
    }
}
