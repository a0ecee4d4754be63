package io.tailsim.validation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bars, over the suite's scenarios not used for calibration: p50 and p99 of producer and end-to-end latency
 * within 30% of measured for at least 80% of rows; every paired comparison moving the measured way with its ratio within 30%
 * of the measured ratio. A row or ratio without a simulated figure counts against the bar.
 */
public record Bars(List<ComparisonRow> latencyRows, long rowsWithin, List<Pair.Outcome> pairs, List<String> missingPairs) {
    public static final List<String> LATENCY_METRICS = List.of("producerLatencyMs.p50", "producerLatencyMs.p99",
            "endToEndLatencyMs.p50", "endToEndLatencyMs.p99");
    public static final double ROW_TOLERANCE = 0.30;
    public static final double ROW_SHARE = 0.80;

    /** @param comparisons by scenario name, calibration scenarios already left out */
    public static Bars of(Map<String, Comparison> comparisons, List<Pair> pairs) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (Comparison c : comparisons.values())
            for (String m : LATENCY_METRICS) c.row(m).ifPresent(r -> rows.add(new ComparisonRow(c.scenario() + ": " + m, r.simulated(), r.measured(), r.relativeError())));
        long within = rows.stream().filter(Bars::within).count();
        List<Pair.Outcome> outcomes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Pair p : pairs) {
            Comparison a = comparisons.get(p.baseline()), b = comparisons.get(p.variant());
            if (a == null || b == null) missing.add(p.label() + " (no result for " + (a == null ? p.baseline() : p.variant()) + ")");
            else outcomes.addAll(p.outcomes(a, b));
        }
        return new Bars(rows, within, outcomes, missing);
    }

    static boolean within(ComparisonRow r) {
        return r.relativeError() != null && Math.abs(r.relativeError()) <= ROW_TOLERANCE;
    }

    public double shareWithin() {
        return latencyRows.isEmpty() ? 0 : (double) rowsWithin / latencyRows.size();
    }

    public boolean rowsPass() {
        return !latencyRows.isEmpty() && shareWithin() >= ROW_SHARE;
    }

    public boolean pairsPass() {
        return missingPairs.isEmpty() && !pairs.isEmpty() && pairs.stream().allMatch(Pair.Outcome::withinTolerance);
    }
}
