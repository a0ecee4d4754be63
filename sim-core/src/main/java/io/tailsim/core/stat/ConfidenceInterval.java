package io.tailsim.core.stat;

import java.util.Locale;

/**
 * A two-sided confidence interval {@code estimate ± halfWidth} at confidence {@code level} from
 * {@code n} independent estimates. With one estimate the half-width is unknown: NaN, and the
 * interval contains nothing.
 */
public record ConfidenceInterval(double estimate, double halfWidth, double low, double high, int n, double level) {

    public static ConfidenceInterval of(double estimate, double halfWidth, int n, double level) {
        return new ConfidenceInterval(estimate, halfWidth, estimate - halfWidth, estimate + halfWidth, n, level);
    }

    /** True when {@code x} lies in [low, high]. */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** Half-width as a fraction of the estimate (0.01 = ±1%). */
    public double relativeHalfWidth() {
        return halfWidth / Math.abs(estimate);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g ± %.3g (%.0f%%, n=%d)", estimate, halfWidth, level * 100, n);
    }
}
