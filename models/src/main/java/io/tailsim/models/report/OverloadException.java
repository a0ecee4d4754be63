package io.tailsim.models.report;

/**
 * The run was stopped because something cannot keep up: a resource offered more than its
 * capacity, or a queue growing without bound. The message names the resource and the figure
 * ("broker-3 CPU offered 131% of capacity"); the partial result covers the run up to the stop.
 */
public final class OverloadException extends RuntimeException {
    private final String resource;
    private final double offeredUtilisation;
    private final long atNanos;
    private transient RunResult partialResult;

    public OverloadException(String resource, double offeredUtilisation, long atNanos, String diagnosis) {
        super(diagnosis);
        this.resource = resource;
        this.offeredUtilisation = offeredUtilisation;
        this.atNanos = atNanos;
    }

    /** What could not keep up, e.g. "broker-3 CPU", "producer-17 buffer.memory". */
    public String resource() {
        return resource;
    }

    /** Offered load as a fraction of capacity where that is the measure, else NaN. */
    public double offeredUtilisation() {
        return offeredUtilisation;
    }

    /** Simulated time of the stop (ns). */
    public long atNanos() {
        return atNanos;
    }

    public RunResult partialResult() {
        return partialResult;
    }

    public OverloadException withPartialResult(RunResult r) {
        this.partialResult = r;
        return this;
    }
}
