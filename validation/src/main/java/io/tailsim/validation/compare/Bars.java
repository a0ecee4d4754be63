package io.tailsim.validation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bars, over the suite's scenarios not used for calibration: p50 and p99 of producer and end-to-end latency
 * within 30% of measured for at least 80% of rows; every paired comparison moving the measured way with its ratio within 30%
 * of the measured ratio. A row or ratio without a simulated figure counts against the bar. With several real runs per
 * scenario, "measured" is the runs' median (a ratio is the ratio of the two medians); beside the bar, {@code rowsInRange}
 * counts the rows whose simulated figure lies inside the real runs' [min, max] widened by 30% either side, and each pair
 * carries its measured ratio's range over the rounds.
 */
public record Bars(List<ComparisonRow> latencyRows, long rowsWithin, long rowsInRange, List<Pair.Outcome> pairs, List<String> missingPairs) {
    public static final List<String> LATENCY_METRICS = List.of("producerLatencyMs.p50", "producerLatencyMs.p99",
            "endToEndLatencyMs.p50", "endToEndLatencyMs.p99");
    public static final double ROW_TOLERANCE = 0.30;
    public static final double ROW_SHARE = 0.80;

    /** @param comparisons by scenario name, calibration scenarios already left out */
    public static Bars of(Map<String, Comparison> comparisons, List<Pair> pairs) {
        return of(comparisons, pairs, Map.of());
    }

    /** @param references by scenario name, each scenario's real runs (for the pairs' per-round ratios); may lack some scenarios */
    public static Bars of(Map<String, Comparison> comparisons, List<Pair> pairs, Map<String, MeasuredReference> references) {
        return of(comparisons, pairs, references, List.of());
    }

    /**
     * @param withoutResult scenarios that should be in the bars but have no result (failed or not run): their latency rows
     *                      count as misses, as rows without a simulated figure do, and their pairs are missing
     */
    public static Bars of(Map<String, Comparison> comparisons, List<Pair> pairs, Map<String, MeasuredReference> references,
                          List<String> withoutResult) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (Comparison c : comparisons.values())
            for (String m : LATENCY_METRICS) c.row(m).ifPresent(r -> rows.add(r.named(c.scenario() + ": " + m)));
        for (String s : withoutResult)
            for (String m : LATENCY_METRICS) rows.add(ComparisonRow.of(s + ": " + m, null, null));
        long within = rows.stream().filter(Bars::within).count();
        long inRange = rows.stream().filter(r -> r.simulatedWithinRange(ROW_TOLERANCE)).count();
        List<Pair.Outcome> outcomes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Pair p : pairs) {
            Comparison a = comparisons.get(p.baseline()), b = comparisons.get(p.variant());
            if (a == null || b == null) missing.add(p.label() + " (no result for " + (a == null ? p.baseline() : p.variant()) + ")");
            else outcomes.addAll(p.outcomes(a, b, references.get(p.baseline()), references.get(p.variant())));
        }
        return new Bars(rows, within, inRange, outcomes, missing);
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
