package io.tailsim.validation.metrics;

/**
 * A Yammer histogram MBean's Count and Mean at one instant. Its Mean is sum/count over all time, so Mean x Count is the exact
 * sum. {@code p99} is its 99thPercentile attribute, from Kafka's forward-decaying reservoir (1,028 values weighted by
 * e^(0.015 t) since the broker started), so not any window's p99 (MeasuredRun#requestTimeRecentP99Ms); NaN where not read.
 */
public record HistogramSample(long count, double mean, double p99) {
    public HistogramSample(long count, double mean) {
        this(count, mean, Double.NaN);
    }

    public double sum() {
        return mean * count;
    }
}
