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
 * carries its measured ratio's range over the rounds. {@code besideTheBar} holds the outcomes of pairs reported but not
 * counted ({@link Pair#BESIDE_THE_BAR}); a scenario they need without a result leaves them out.
 */
public record Bars(List<ComparisonRow> latencyRows, long rowsWithin, long rowsInRange, List<Pair.Outcome> pairs, List<String> missingPairs,
                   List<Pair.Outcome> besideTheBar) {
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
        return of(comparisons, pairs, List.of(), references, withoutResult);
    }

    /** @param besideTheBar pairs reported beside the bar, not counted in it */
    public static Bars of(Map<String, Comparison> comparisons, List<Pair> pairs, List<Pair> besideTheBar,
                          Map<String, MeasuredReference> references, List<String> withoutResult) {
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
            List<Pair.Outcome> o = outcomes(p, comparisons, references);
            if (o != null) outcomes.addAll(o);
            else missing.add(p.label() + " (no result for " + (comparisons.containsKey(p.baseline()) ? p.variant() : p.baseline()) + ")");
        }
        List<Pair.Outcome> beside = new ArrayList<>();
        for (Pair p : besideTheBar) {
            List<Pair.Outcome> o = outcomes(p, comparisons, references);
            if (o != null) beside.addAll(o);
        }
        return new Bars(rows, within, inRange, outcomes, missing, beside);
    }

    /** The pair's outcomes, or null when either of its scenarios has no result. */
    private static List<Pair.Outcome> outcomes(Pair p, Map<String, Comparison> comparisons, Map<String, MeasuredReference> references) {
        Comparison a = comparisons.get(p.baseline()), b = comparisons.get(p.variant());
        return a == null || b == null ? null : p.outcomes(a, b, references.get(p.baseline()), references.get(p.variant()));
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
