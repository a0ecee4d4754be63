package io.tailsim.core.stat;

import io.tailsim.core.time.Time;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution on an HdrHistogram: 1 us .. 1 h at 3 significant digits.
 *
 * <p><b>Units.</b> Values are recorded in <em>nanoseconds</em> (simulated time is nanoseconds, so
 * nothing is converted on the hot path) and read back in <em>milliseconds</em>, the unit people
 * quote. The histogram's lowest discernible value is 1 ns, which keeps 3 significant digits all the
 * way down to 2 us (below that it is exact to the nanosecond); a 1 us lowest discernible value would
 * have cost up to 5% precision at 10 us. Footprint is about 270 KB per recorder.
 *
 * <p><b>Out of range.</b> Values above one hour are recorded as one hour and counted in
 * {@link #clampedCount()} rather than thrown: one pathological request must not abort a
 * replication. Negative values are a modelling bug and fail at once.
 *
 * <p><b>Mean, min and max are exact.</b> They come from the raw values, not the histogram buckets
 * (an HdrHistogram mean is quantised to bucket midpoints). A recorder rebuilt from a histogram
 * ({@link #fromHistogram}) falls back to the histogram's own figures.
 *
 * <p><b>Warm-up.</b> Two ways, pick one per recorder: call {@link #reset()} when warm-up ends, or
 * set {@link #ignoreBefore(long)} once and record with {@link #recordAt(long, long)}, which drops
 * values whose event time (typically the arrival or creation time of the job being measured) falls
 * before the warm-up end. The second keeps jobs that straddle the boundary out, at the price of
 * needing the event time.
 *
 * <p>Not thread-safe: one recorder per replication, merged afterwards with {@link #add}.
 */
public final class LatencyRecorder {
    public static final long LOWEST_DISCERNIBLE_NANOS = 1;
    public static final long HIGHEST_TRACKABLE_NANOS = Time.HOUR;
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;
    private double sumNanos;
    private long minNanos = Long.MAX_VALUE;
    private long maxNanos = Long.MIN_VALUE;
    private long clamped;
    private long ignored;
    private long recordFromNanos = Long.MIN_VALUE;

    public LatencyRecorder() {
        this.histogram = newHistogram();
    }

    /** A histogram with this class's range and precision, for code that builds its own (interval logs). */
    public static Histogram newHistogram() {
        return new Histogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** A recorder holding a copy of {@code h}'s counts (nanosecond values); mean, min and max become bucket-based. */
    public static LatencyRecorder fromHistogram(AbstractHistogram h) {
        LatencyRecorder r = new LatencyRecorder();
        r.addHistogram(h);
        return r;
    }

    /** Records one latency of {@code nanos}. */
    public void record(long nanos) {
        record(nanos, 1);
    }

    /** Records {@code count} latencies of {@code nanos} each. */
    public void record(long nanos, long count) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative latency " + nanos + "ns");
        }
        if (count <= 0) {
            if (count == 0) {
                return;
            }
            throw new IllegalArgumentException("negative count " + count);
        }
        sumNanos += (double) nanos * count;
        if (nanos < minNanos) {
            minNanos = nanos;
        }
        if (nanos > maxNanos) {
            maxNanos = nanos;
        }
        long v = nanos;
        if (v > HIGHEST_TRACKABLE_NANOS) {
            v = HIGHEST_TRACKABLE_NANOS;
            clamped += count;
        }
        histogram.recordValueWithCount(v, count);
    }

    /**
     * Records the {@code count} latencies {@code highest}, {@code highest - step}, ..., {@code highest - (count - 1) * step}
     * (the records of one batch whose send() times are evenly spaced, acknowledged at once): the same histogram, sum,
     * minimum and maximum as recording them one by one, with one histogram update per bucket the run spans instead of one
     * per value.
     */
    public void recordDescending(long highest, long step, int count) {
        if (count <= 0) {
            return;
        }
        if (step == 0) {
            record(highest, count);
            return;
        }
        long lowest = highest - (count - 1) * step;
        if (step < 0 || lowest < 0 || highest > HIGHEST_TRACKABLE_NANOS) {
            for (int k = 0; k < count; k++) {
                record(highest - k * step);
            }
            return;
        }
        // Integers below 2^53 add exactly in a double, so the sum matches value-by-value adding.
        sumNanos += (double) (count * highest - step * ((long) count * (count - 1) / 2));
        if (lowest < minNanos) {
            minNanos = lowest;
        }
        if (highest > maxNanos) {
            maxNanos = highest;
        }
        long v = lowest;
        int left = count;
        while (left > 0) {
            long top = histogram.highestEquivalentValue(v);
            int inBucket = (int) Math.min(left, (top - v) / step + 1);
            histogram.recordValueWithCount(v, inBucket);
            left -= inBucket;
            v += inBucket * step;
        }
    }

    /**
     * Records {@code nanos} unless {@code eventTimeNanos} is before the warm-up end set by
     * {@link #ignoreBefore(long)}; dropped values are counted in {@link #ignoredCount()}.
     */
    public void recordAt(long eventTimeNanos, long nanos) {
        if (eventTimeNanos < recordFromNanos) {
            ignored++;
            return;
        }
        record(nanos);
    }

    /** Sets the warm-up end for {@link #recordAt(long, long)}: earlier events are ignored. */
    public void ignoreBefore(long warmupEndNanos) {
        this.recordFromNanos = warmupEndNanos;
    }

    /** Forgets everything recorded so far (a reset at warm-up end); the warm-up threshold stays. */
    public void reset() {
        histogram.reset();
        sumNanos = 0;
        minNanos = Long.MAX_VALUE;
        maxNanos = Long.MIN_VALUE;
        clamped = 0;
        ignored = 0;
    }

    /** Merges {@code other} into this recorder (pooling replications, or partitions into a broker). */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
        sumNanos += other.sumNanos;
        minNanos = Math.min(minNanos, other.minNanos);
        maxNanos = Math.max(maxNanos, other.maxNanos);
        clamped += other.clamped;
        ignored += other.ignored;
    }

    /** Merges a nanosecond histogram (for instance one interval read back from a log). */
    public void addHistogram(AbstractHistogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return;
        }
        histogram.add(h);
        sumNanos += h.getMean() * n;
        minNanos = Math.min(minNanos, h.getMinValue());
        maxNanos = Math.max(maxNanos, h.getMaxValue());
    }

    /** Number of values recorded (clamped ones included, ignored ones not). */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Values above one hour, recorded as one hour. */
    public long clampedCount() {
        return clamped;
    }

    /** Values dropped by {@link #recordAt(long, long)} because they belonged to the warm-up. */
    public long ignoredCount() {
        return ignored;
    }

    /**
     * The value at percentile {@code p} (0..100) in milliseconds, NaN when empty. As in HdrHistogram,
     * this is the nearest-rank value rounded up to the top of its bucket (at most 0.1% high).
     */
    public double valueAtPercentile(double p) {
        long nanos = valueAtPercentileNanos(p);
        return count() == 0 ? Double.NaN : Time.toMillis(nanos);
    }

    /** The value at percentile {@code p} (0..100) in nanoseconds, 0 when empty. */
    public long valueAtPercentileNanos(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile " + p + " is outside [0, 100]");
        }
        return histogram.getValueAtPercentile(p);
    }

    /** Mean in milliseconds, NaN when empty. */
    public double mean() {
        return meanNanos() / Time.MILLISECOND;
    }

    /** Mean in nanoseconds, NaN when empty. */
    public double meanNanos() {
        long n = count();
        return n == 0 ? Double.NaN : sumNanos / n;
    }

    /** Largest value in milliseconds (the raw value, even when clamped), NaN when empty. */
    public double max() {
        return count() == 0 ? Double.NaN : Time.toMillis(maxNanos);
    }

    public long maxNanos() {
        return count() == 0 ? 0 : maxNanos;
    }

    /** Smallest value in milliseconds, NaN when empty. */
    public double min() {
        return count() == 0 ? Double.NaN : Time.toMillis(minNanos);
    }

    public long minNanos() {
        return count() == 0 ? 0 : minNanos;
    }

    /** The standard percentiles, max and mean, in milliseconds. */
    public LatencySummary summary() {
        return LatencySummary.of(this);
    }

    /** A copy of the underlying histogram (nanoseconds), for logs and custom analysis. */
    public Histogram copyHistogram() {
        return histogram.copy();
    }

    /** The live histogram, for this package's writers; callers must not modify it. */
    Histogram histogram() {
        return histogram;
    }

    @Override
    public String toString() {
        return "LatencyRecorder" + summary();
    }
}
