package io.tailsim.core.dist;

import java.math.BigDecimal;
import java.math.MathContext;

/** Argument checks whose messages name the parameter and the offending value, and number formatting for describe(). */
final class Check {
    private Check() {
    }

    /** {@code value} must be finite and &gt; 0. */
    static double positive(String what, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
        }
        return value;
    }

    /** {@code value} must be finite and &gt;= 0. */
    static double nonNegative(String what, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(what + " must be non-negative and finite, was " + value);
        }
        return value;
    }

    /** {@code value} must be finite (any sign). */
    static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, was " + value);
        }
        return value;
    }

    /** Six significant digits: enough to recognise a parameter without the noise of its last bits. */
    static String num(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return Double.toString(x);
        }
        return Double.toString(new BigDecimal(x).round(new MathContext(6)).doubleValue());
    }
}
