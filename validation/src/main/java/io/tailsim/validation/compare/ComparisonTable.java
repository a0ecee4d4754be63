package io.tailsim.validation.compare;

import java.util.Locale;

/** The side-by-side table printed by tailsim validate: metric, simulated, measured, relative error. */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    public static String render(Comparison c) {
        int width = Math.max(34, c.rows().stream().mapToInt(r -> r.metric().length()).max().orElse(0) + 2);
        boolean several = c.rows().stream().anyMatch(r -> r.runs() > 1);
        StringBuilder sb = new StringBuilder();
        if (several) {
            int runs = c.rows().stream().mapToInt(ComparisonRow::runs).max().orElse(0);
            sb.append("measured: the median over ").append(runs).append(" real runs, with their min..max\n");
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %12s %12s %25s %10s%n", "metric", "simulated", "measured", "real min..max", "rel. error"));
        } else {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %12s %12s %10s%n", "metric", "simulated", "measured", "rel. error"));
        }
        for (ComparisonRow r : c.rows()) {
            if (several)
                sb.append(String.format(Locale.ROOT, "%-" + width + "s %12s %12s %25s %10s%n", r.metric(), number(r.simulated()), number(r.measured()),
                        r.low() == null ? "-" : number(r.low()) + " .. " + number(r.high()), percent(r.relativeError())));
            else
                sb.append(String.format(Locale.ROOT, "%-" + width + "s %12s %12s %10s%n", r.metric(), number(r.simulated()), number(r.measured()),
                        percent(r.relativeError())));
        }
        return sb.toString();
    }

    /** Four significant figures, or "-" for a figure that was not observed. */
    public static String number(Double x) {
        if (x == null) return "-";
        if (x == 0) return "0";
        double a = Math.abs(x);
        if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", x);
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    public static String percent(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%+.0f%%", 100 * x);
    }
}
