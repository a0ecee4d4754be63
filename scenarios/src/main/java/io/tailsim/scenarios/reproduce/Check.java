package io.tailsim.scenarios.reproduce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Locale;

/** One published claim checked against tailsim's prediction: the value, the band it must land in, pass or fail. */
@JsonPropertyOrder({"name", "value", "band", "pass", "published", "detail"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(String name, Double value, String band, boolean pass, String published, String detail) {

    /** value in [low, high]. */
    public static Check within(String name, double value, double low, double high, String published, String detail) {
        boolean pass = !Double.isNaN(value) && value >= low && value <= high;
        return new Check(name, nanToNull(value), String.format(Locale.ROOT, "[%s, %s]", fmt(low), fmt(high)), pass,
                published, detail);
    }

    /** value >= low. */
    public static Check atLeast(String name, double value, double low, String published, String detail) {
        boolean pass = !Double.isNaN(value) && value >= low;
        return new Check(name, nanToNull(value), ">= " + fmt(low), pass, published, detail);
    }

    /** value > 0. */
    public static Check positive(String name, double value, String published, String detail) {
        return new Check(name, nanToNull(value), "> 0", !Double.isNaN(value) && value > 0, published, detail);
    }

    /** value <= high. */
    public static Check atMost(String name, double value, double high, String published, String detail) {
        boolean pass = !Double.isNaN(value) && value <= high;
        return new Check(name, nanToNull(value), "<= " + fmt(high), pass, published, detail);
    }

    /** A check whose input could not be measured (for instance no end-to-end records): it fails, saying why. */
    public static Check unmeasured(String name, String band, String published, String why) {
        return new Check(name, null, band, false, published, why);
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
