package io.tailsim.plots;

import io.tailsim.core.stat.IntervalSeries;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplicatedCurvesTest {
    /** Values 1..n ms, each once, shifted by {@code shiftMs}. */
    static Histogram uniform(int n, double shiftMs) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (int i = 1; i <= n; i++) {
            h.recordValue(Math.round((i + shiftMs) * 1e6));
        }
        return h;
    }

    static int indexOf(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < 1e-12) {
                return i;
            }
        }
        throw new AssertionError("no x = " + x);
    }

    @Test
    void percentileCurveReadsNinesAndStopsWhereRecordsRunOut() {
        Curve c = ReplicatedCurves.percentiles("u", List.of(uniform(1000, 0), uniform(1000, 0)));
        assertThat(c.x()[0]).isZero();
        assertThat(c.x()[c.size() - 1]).isEqualTo(3.0, within(1e-12));   // log10(1000 records)
        assertThat(c.y()[indexOf(c.x(), 1.0)]).isCloseTo(900, within(1.0));   // p90 of 1..1000 ms
        assertThat(c.y()[indexOf(c.x(), 2.0)]).isCloseTo(990, within(1.0));   // p99
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.y()[i]).isGreaterThanOrEqualTo(c.y()[i - 1]);
        }
        // Identical replications: the interval collapses onto the mean.
        assertThat(c.low()).containsExactly(c.y());
        assertThat(c.hasIntervals()).isFalse();
    }

    @Test
    void replicationsThatDisagreeGiveAnIntervalAroundTheirMean() {
        Curve c = ReplicatedCurves.percentiles("u", List.of(uniform(1000, 0), uniform(1000, 10), uniform(1000, 20)));
        int p90 = indexOf(c.x(), 1.0);
        assertThat(c.y()[p90]).isCloseTo(910, within(1.5));
        assertThat(c.hasIntervals()).isTrue();
        assertThat(c.low()[p90]).isLessThan(c.y()[p90] - 5);
        assertThat(c.high()[p90]).isGreaterThan(c.y()[p90] + 5);
        // Student t with 2 degrees of freedom: half-width 4.303 * s / sqrt(3), s = 10.
        assertThat(c.high()[p90] - c.y()[p90]).isCloseTo(4.303 * 10 / Math.sqrt(3), within(0.3));
    }

    @Test
    void oneReplicationHasNoIntervalsAndTooFewRecordsNoCurve() {
        assertThat(ReplicatedCurves.percentiles("u", List.of(uniform(100, 0))).low()).isNull();
        assertThat(ReplicatedCurves.percentiles("u", List.of(uniform(100, 0), uniform(1, 0)))).isNull();
        assertThat(ReplicatedCurves.cdf("u", List.of(new Histogram(3)))).isNull();
    }

    @Test
    void cdfRisesFromNearZeroToOneAcrossTheRecordedRange() {
        Curve c = ReplicatedCurves.cdf("u", List.of(uniform(1000, 0), uniform(1000, 0)));
        assertThat(c.x()[0]).isCloseTo(1.0, within(0.01));
        assertThat(c.x()[c.size() - 1]).isCloseTo(1000, within(1.0));
        assertThat(c.y()[0]).isCloseTo(0.001, within(0.0005));
        assertThat(c.y()[c.size() - 1]).isEqualTo(1.0);
        int mid = 0;
        while (c.x()[mid] < 500) {
            mid++;
        }
        assertThat(c.y()[mid]).isCloseTo(c.x()[mid] / 1000, within(0.01));
        // Three decades (a hair more at the histogram's bucket edges) at 20 points a decade.
        assertThat(c.size()).isBetween(61, 62);
    }

    @Test
    void percentileOverTimeIsPerIntervalWithGapsWhereNothingWasRecorded() {
        long second = 1_000_000_000L;
        List<IntervalSeries> reps = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            IntervalSeries s = new IntervalSeries(0, second);
            for (int i = 1; i <= 100; i++) {
                s.record(i * 1_000_000L, (i + 10L * r) * 1_000_000L);             // interval 0: 1..100 ms (+10 in rep 1)
            }
            for (int i = 1; i <= 100; i++) {
                s.record(2 * second + i * 1_000_000L, (200 + i) * 1_000_000L);   // interval 2: 201..300 ms
            }
            s.close(3 * second);                                                 // interval 1 stays empty
            reps.add(s);
        }
        Curve c = ReplicatedCurves.percentileOverTime("broker-0", reps, 99);
        assertThat(c.x()).containsExactly(0.5, 1.5, 2.5);
        assertThat(c.y()[0]).isCloseTo(104, within(0.5));    // mean of p99 = 99 and 109 ms
        assertThat(c.low()[0]).isLessThan(99).isGreaterThan(30);
        assertThat(c.y()[1]).isNaN();
        assertThat(c.y()[2]).isCloseTo(299, within(0.5));
        assertThat(c.high()[2]).isCloseTo(c.y()[2], within(1e-9));
    }
}
