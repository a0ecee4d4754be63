package io.tailsim.validation.metrics;

/**
 * A Yammer histogram MBean's Count and Mean at one instant. Its Mean is sum/count over all time, so Mean x Count is the exact
 * sum. {@code p99} is its 99thPercentile attribute: Kafka's histograms keep an exponentially decaying reservoir (1,028 values
 * weighted towards the last few minutes), so it is a recent p99, not the window's; NaN where it was not read.
 */
public record HistogramSample(long count, double mean, double p99) {
    public HistogramSample(long count, double mean) {
        this(count, mean, Double.NaN);
    }

    public double sum() {
        return mean * count;
    }
}
