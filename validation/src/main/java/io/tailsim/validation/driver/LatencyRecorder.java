package io.tailsim.validation.driver;

import io.tailsim.validation.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

import java.util.concurrent.atomic.LongAdder;

/** A thread-safe latency histogram fed in nanoseconds and kept in microseconds; values beyond 1 h are clamped and counted. */
final class LatencyRecorder {
    private final SynchronizedHistogram histogram = new SynchronizedHistogram(Histograms.LOWEST_US, Histograms.HIGHEST_US, Histograms.DIGITS);
    private final LongAdder clamped = new LongAdder();

    void record(long nanos) {
        long us = Math.max(0, nanos / 1000);
        if (us > Histograms.HIGHEST_US) {
            us = Histograms.HIGHEST_US;
            clamped.increment();
        }
        histogram.recordValue(us);
    }

    /** A copy, safe to read after the recording threads have stopped. */
    Histogram snapshot() {
        Histogram h = Histograms.create();
        h.add(histogram.copy());
        return h;
    }

    long clamped() {
        return clamped.sum();
    }
}
