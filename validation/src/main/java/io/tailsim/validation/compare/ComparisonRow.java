package io.tailsim.validation.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One metric on both sides. A value that was not observed (no consumers in the model yet, no FetchConsumer requests in the
 * window) is null, never zero; the relative error is (simulated - measured) / measured and null unless both exist and the
 * measured value is not zero.
 */
@JsonPropertyOrder({"metric", "simulated", "measured", "relativeError"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ComparisonRow(String metric, Double simulated, Double measured, Double relativeError) {
    public static ComparisonRow of(String metric, Double simulated, Double measured) {
        Double s = finite(simulated), m = finite(measured);
        return new ComparisonRow(metric, s, m, relativeError(s, m));
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
}
