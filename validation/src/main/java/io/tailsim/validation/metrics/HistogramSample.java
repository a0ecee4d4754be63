package io.tailsim.validation.metrics;

/** A Yammer histogram MBean's Count and Mean at one instant. Its Mean is sum/count over all time, so Mean x Count is the exact sum. */
public record HistogramSample(long count, double mean) {
    public double sum() {
        return mean * count;
    }
}
