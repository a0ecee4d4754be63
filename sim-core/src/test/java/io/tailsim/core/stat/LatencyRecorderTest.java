package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.time.Time;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyRecorderTest {

    /** Lognormal-ish latencies from 1 us to a few seconds, in nanoseconds. */
    private static long[] latencies(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            double ms = Math.exp(Math.log(2.0) + 1.5 * gaussian(rnd));
            v[i] = Math.max(1_000, Math.round(ms * Time.MILLISECOND));
        }
        return v;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Nearest-rank percentile: the ceil(p/100·n)-th smallest value (exact decimal arithmetic). */
    private static long nearestRank(long[] sorted, double p) {
        long rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.length))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
        return sorted[(int) Math.max(0, rank - 1)];
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 1000, 100_000})
    void percentilesMatchASortedArrayWithinOneBucket(int n) {
        long[] v = latencies(n, 11 + n);
        LatencyRecorder r = new LatencyRecorder();
        for (long x : v) {
            r.record(x);
        }
        long[] sorted = v.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100}) {
            long exact = nearestRank(sorted, p);
            long got = r.valueAtPercentileNanos(p);
            // 3 significant digits: the bucket top is at most 1/1024 above the true value.
            assertThat(got).as("p%s of %d values", p, n).isBetween(exact, exact + exact / 1024 + 1);
            assertThat(r.valueAtPercentile(p)).isEqualTo(got / 1e6);
        }
        assertThat(r.count()).isEqualTo(n);
        assertThat(r.maxNanos()).isEqualTo(sorted[n - 1]);
        assertThat(r.minNanos()).isEqualTo(sorted[0]);
        double mean = Arrays.stream(v).asDoubleStream().sum() / n;
        assertThat(r.meanNanos()).isCloseTo(mean, within(mean * 1e-12));
        assertThat(r.mean()).isCloseTo(mean / 1e6, within(mean * 1e-18));
    }

    @Test
    void resolvesMicrosecondsToThreeSignificantDigits() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(10_123);   // 10.123 us
        r.record(1_234);    // 1.234 us, below 2048 ns: exact
        assertThat(r.valueAtPercentileNanos(100)).isBetween(10_123L, 10_123L + 10);
        assertThat(r.valueAtPercentileNanos(50)).isEqualTo(1_234);
    }

    @Test
    void summaryCarriesTheStandardPercentilesInMilliseconds() {
        LatencyRecorder r = new LatencyRecorder();
        for (long x : latencies(10_000, 3)) {
            r.record(x);
        }
        LatencySummary s = r.summary();
        assertThat(s.count()).isEqualTo(10_000);
        double[] expected = {r.valueAtPercentile(50), r.valueAtPercentile(75), r.valueAtPercentile(90),
                r.valueAtPercentile(95), r.valueAtPercentile(99), r.valueAtPercentile(99.9),
                r.valueAtPercentile(99.99), r.max(), r.mean()};
        assertThat(s.values()).containsExactly(expected);
        assertThat(s.get("p99.9")).isEqualTo(r.valueAtPercentile(99.9));
        assertThat(LatencySummary.STATISTICS).hasSize(LatencySummary.PERCENTILES.size() + 2);
        assertThat(s.p50()).isLessThan(s.p99()).isLessThan(s.max());
    }

    @Test
    void mergeEqualsRecordingEverythingInOne() {
        long[] a = latencies(5_000, 1);
        long[] b = latencies(7_000, 2);
        LatencyRecorder ra = new LatencyRecorder();
        LatencyRecorder rb = new LatencyRecorder();
        LatencyRecorder all = new LatencyRecorder();
        for (long x : a) {
            ra.record(x);
            all.record(x);
        }
        for (long x : b) {
            rb.record(x);
            all.record(x);
        }
        ra.add(rb);
        assertThat(ra.count()).isEqualTo(12_000);
        assertThat(ra.copyHistogram()).isEqualTo(all.copyHistogram());
        assertThat(ra.summary().values()).containsExactly(all.summary().values(),
                within(1e-12 * all.max()));
        assertThat(ra.maxNanos()).isEqualTo(all.maxNanos());
        assertThat(ra.minNanos()).isEqualTo(all.minNanos());
    }

    @Property(tries = 200)
    void mergingAnySplitGivesTheSameDistribution(
            @ForAll @Size(max = 200) List<@LongRange(min = 0, max = 2 * Time.HOUR) Long> values,
            @ForAll @LongRange(min = 0, max = 200) long splitAt) {
        int split = (int) Math.min(splitAt, values.size());
        LatencyRecorder left = new LatencyRecorder();
        LatencyRecorder right = new LatencyRecorder();
        LatencyRecorder whole = new LatencyRecorder();
        for (int i = 0; i < values.size(); i++) {
            (i < split ? left : right).record(values.get(i));
            whole.record(values.get(i));
        }
        left.add(right);
        assertThat(left.copyHistogram()).isEqualTo(whole.copyHistogram());
        assertThat(left.count()).isEqualTo(values.size());
        assertThat(left.clampedCount()).isEqualTo(whole.clampedCount());
        assertThat(left.maxNanos()).isEqualTo(whole.maxNanos());
    }

    @Test
    void valuesAboveAnHourAreClampedAndCountedNotThrown() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(2 * Time.HOUR);
        r.record(Time.MILLISECOND);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.clampedCount()).isEqualTo(1);
        assertThat(r.valueAtPercentile(100)).isCloseTo(3_600_000.0, within(3_600.0));
        assertThat(r.max()).isEqualTo(7_200_000.0); // the raw maximum is kept
    }

    @Test
    void negativeLatencyIsABug() {
        LatencyRecorder r = new LatencyRecorder();
        assertThatThrownBy(() -> r.record(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> r.valueAtPercentile(101)).hasMessageContaining("101");
    }

    @Test
    void emptyRecorderReportsNaN() {
        LatencyRecorder r = new LatencyRecorder();
        assertThat(r.count()).isZero();
        assertThat(r.mean()).isNaN();
        assertThat(r.max()).isNaN();
        assertThat(r.valueAtPercentile(99)).isNaN();
    }

    @Test
    void warmupByEventTimeDropsEarlyEvents() {
        LatencyRecorder r = new LatencyRecorder();
        r.ignoreBefore(100 * Time.SECOND);
        r.recordAt(99 * Time.SECOND, 5 * Time.MILLISECOND);
        r.recordAt(100 * Time.SECOND, 7 * Time.MILLISECOND);
        r.recordAt(150 * Time.SECOND, 9 * Time.MILLISECOND);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.ignoredCount()).isEqualTo(1);
        assertThat(r.mean()).isEqualTo(8.0);
    }

    @Test
    void warmupByResetForgetsEverything() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(Time.HOUR * 3);
        r.record(5);
        r.reset();
        assertThat(r.count()).isZero();
        assertThat(r.clampedCount()).isZero();
        r.record(2 * Time.MILLISECOND);
        assertThat(r.mean()).isEqualTo(2.0);
        assertThat(r.max()).isEqualTo(2.0);
        assertThat(r.min()).isEqualTo(2.0);
    }

    @Test
    void recordWithCountWeighsTheValue() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(Time.MILLISECOND, 99);
        r.record(100 * Time.MILLISECOND, 1);
        assertThat(r.count()).isEqualTo(100);
        assertThat(r.valueAtPercentile(99)).isCloseTo(1.0, within(0.001));
        assertThat(r.valueAtPercentile(100)).isCloseTo(100.0, within(0.1));
        assertThat(r.mean()).isCloseTo(1.99, within(1e-12));
    }

    @Test
    void rebuiltFromAHistogramKeepsTheDistribution() {
        LatencyRecorder r = new LatencyRecorder();
        for (long x : latencies(3_000, 9)) {
            r.record(x);
        }
        LatencyRecorder copy = LatencyRecorder.fromHistogram(r.copyHistogram());
        assertThat(copy.count()).isEqualTo(r.count());
        assertThat(copy.valueAtPercentile(99)).isEqualTo(r.valueAtPercentile(99));
        assertThat(copy.mean()).isCloseTo(r.mean(), within(r.mean() * 1e-3));
    }
}
