package io.tailsim.validation.compare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One metric on both sides. A value that was not observed (no consumers in the model yet, no FetchConsumer requests in the
 * window) is null, never zero; the relative error is (simulated - measured) / measured and null unless both exist and the
 * measured value is not zero. With several real runs, measured is their median ({@link MeasuredReference}), measuredMin and
 * measuredMax the smallest and largest run's figure, and measuredRuns how many runs observed it; rows of comparison.json
 * files written before runs were repeated have these three null and stand for one run. simulatedLow and simulatedHigh are the
 * simulated figure's 95% interval over the model's replications (Student t), where the model gives one: its latency percentiles
 * and its produce request rate; null elsewhere and in files written before 2026-12-07.
 */
@JsonPropertyOrder({"metric", "simulated", "measured", "relativeError", "measuredMin", "measuredMax", "measuredRuns", "simulatedLow",
        "simulatedHigh"})
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComparisonRow(String metric, Double simulated, Double measured, Double relativeError, Double measuredMin, Double measuredMax,
                            Integer measuredRuns, Double simulatedLow, Double simulatedHigh) {
    /** One measured figure (one run). */
    public static ComparisonRow of(String metric, Double simulated, Double measured) {
        Double m = finite(measured);
        return ofRuns(metric, simulated, m == null ? null : new MeasuredReference.Spread(m, m, m, 1));
    }

    /** The measured side as a spread over runs: compared with its median. */
    public static ComparisonRow ofRuns(String metric, Double simulated, MeasuredReference.Spread measured) {
        Double s = finite(simulated);
        if (measured == null) return new ComparisonRow(metric, s, null, null, null, null, null, null, null);
        return new ComparisonRow(metric, s, measured.median(), relativeError(s, measured.median()), measured.min(), measured.max(), measured.runs(),
                null, null);
    }

    /** The same row with the simulated figure's 95% interval over the model's replications ({low, high}; null: none). */
    public ComparisonRow withSimulatedInterval(double[] ci) {
        if (ci == null || simulated == null || ci.length != 2 || !(ci[0] <= ci[1])) return this;
        return new ComparisonRow(metric, simulated, measured, relativeError, measuredMin, measuredMax, measuredRuns, ci[0], ci[1]);
    }

    /** The same figures under another name (the bars' "scenario: metric"). */
    public ComparisonRow named(String name) {
        return new ComparisonRow(name, simulated, measured, relativeError, measuredMin, measuredMax, measuredRuns, simulatedLow, simulatedHigh);
    }

    static Double relativeError(Double simulated, Double measured) {
        if (simulated == null || measured == null || measured == 0) return null;
        return (simulated - measured) / Math.abs(measured);
    }

    private static Double finite(Double x) {
        return x == null || x.isNaN() || x.isInfinite() ? null : x;
    }

    public boolean complete() {
        return simulated != null && measured != null;
    }

    /** The smallest real run's figure (the measured figure itself for a row of one run). */
    public Double low() {
        return measuredMin != null ? measuredMin : measured;
    }

    public Double high() {
        return measuredMax != null ? measuredMax : measured;
    }

    public int runs() {
        return measuredRuns != null ? measuredRuns : measured == null ? 0 : 1;
    }

    /**
     * Whether the simulated figure lies inside the real runs' [min, max] widened by {@code tolerance} of each end on either
     * side: [min - tolerance |min|, max + tolerance |max|]. False without both sides.
     */
    public boolean simulatedWithinRange(double tolerance) {
        if (simulated == null || low() == null || high() == null) return false;
        return simulated >= low() - tolerance * Math.abs(low()) && simulated <= high() + tolerance * Math.abs(high());
    }
}
