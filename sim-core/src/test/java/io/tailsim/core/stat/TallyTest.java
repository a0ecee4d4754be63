package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static double[] twoPass(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, ss / (x.length - 1)};
    }

    @Test
    void meanAndVarianceMatchTheTwoPassFormula() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[10_000];
        Tally t = new Tally();
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-3, 10);
            t.add(x[i]);
        }
        double[] exact = twoPass(x);
        assertThat(t.count()).isEqualTo(10_000);
        assertThat(t.mean()).isCloseTo(exact[0], within(1e-12));
        assertThat(t.variance()).isCloseTo(exact[1], within(1e-10));
        assertThat(t.min()).isGreaterThanOrEqualTo(-3).isLessThan(-2.9);
        assertThat(t.max()).isLessThan(10).isGreaterThan(9.9);
        assertThat(t.sum()).isCloseTo(exact[0] * x.length, within(1e-6));
    }

    @Test
    void staysAccurateWhenTheMeanDwarfsTheSpread() {
        // Waits of ~1e9 ns varying by a few units: the naive sum-of-squares formula loses every digit.
        SplittableRandom rnd = new SplittableRandom(6);
        Tally t = new Tally();
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e9 + rnd.nextDouble();
            t.add(x[i]);
        }
        assertThat(t.variance()).isCloseTo(twoPass(x)[1], within(1e-6));
        assertThat(t.variance()).isCloseTo(1.0 / 12, within(0.002));
    }

    @Property(tries = 300)
    void mergingAnySplitEqualsOneTally(
            @ForAll @Size(min = 0, max = 100) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
            @ForAll @IntRange(min = 0, max = 100) int splitAt) {
        int split = Math.min(splitAt, values.size());
        Tally a = new Tally();
        Tally b = new Tally();
        Tally whole = new Tally();
        for (int i = 0; i < values.size(); i++) {
            (i < split ? a : b).add(values.get(i));
            whole.add(values.get(i));
        }
        a.add(b);
        assertThat(a.count()).isEqualTo(whole.count());
        if (whole.count() > 0) {
            assertThat(a.mean()).isCloseTo(whole.mean(), within(1e-6));
            assertThat(a.min()).isEqualTo(whole.min());
            assertThat(a.max()).isEqualTo(whole.max());
        }
        if (whole.count() > 1) {
            assertThat(a.variance()).isCloseTo(whole.variance(), within(1e-6 * Math.max(1, whole.variance())));
        }
    }

    @Test
    void emptyAndSingleObservationAreUndefinedNotZero() {
        Tally t = new Tally();
        assertThat(t.mean()).isNaN();
        assertThat(t.variance()).isNaN();
        t.add(4);
        assertThat(t.mean()).isEqualTo(4);
        assertThat(t.variance()).isNaN();
        t.add(6);
        assertThat(t.variance()).isEqualTo(2);
        t.reset();
        assertThat(t.count()).isZero();
        assertThat(t.max()).isNaN();
    }
}
