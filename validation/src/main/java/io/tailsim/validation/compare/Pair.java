package io.tailsim.validation.compare;

import java.util.List;

/**
 * A paired comparison of the suite: two scenarios that differ in one setting, and the metrics whose ratio (variant / baseline)
 * the simulator must reproduce: moving the same way as measured, and within 30% of the measured ratio.
 */
public record Pair(String label, String baseline, String variant, List<String> metrics) {
    /** The published experiments, scaled down (validation/suite/*.yaml); "base" is 9 producers, linger.ms 5, acks=all. */
    public static final List<Pair> SUITE = List.of(
            new Pair("9 vs 90 producers at one total rate", "base", "producers-90",
                    List.of("producerLatencyMs.p50", "producerLatencyMs.p99")),
            new Pair("linger.ms 0 vs 5", "linger-0", "base",
                    List.of("producerLatencyMs.p50", "producerLatencyMs.p99", "Produce.requestsPerSec")),
            new Pair("10 vs 1000 partitions per broker (probe topic)", "partitions-10", "partitions-1000",
                    List.of("topic.probe.producerLatencyMs.p99", "topic.probe.endToEndLatencyMs.p99")),
            new Pair("acks 1 vs all", "acks-1", "base",
                    List.of("producerLatencyMs.p50", "producerLatencyMs.p99")));

    /** Within this of the measured ratio (relative), the issue's bar. */
    public static final double RATIO_TOLERANCE = 0.30;

    /**
     * One metric of the pair on both sides; a ratio is null when a value is missing or the baseline is zero. The measured ratio
     * is the variant's median over the baseline's median; {@code roundRatioMin} and {@code roundRatioMax} are the smallest and
     * largest ratio taken within one round (run K of the variant over run K of the baseline) over the {@code rounds} rounds both
     * scenarios have (null and 0 without per-run figures).
     */
    public record Outcome(Pair pair, String metric, Double measuredRatio, Double simulatedRatio, Double roundRatioMin, Double roundRatioMax,
                          int rounds) {
        public boolean sameDirection() {
            return measuredRatio != null && simulatedRatio != null && Math.signum(measuredRatio - 1) == Math.signum(simulatedRatio - 1);
        }

        public boolean withinTolerance() {
            return sameDirection() && Math.abs(simulatedRatio / measuredRatio - 1) <= RATIO_TOLERANCE;
        }
    }

    public List<Outcome> outcomes(Comparison baselineRun, Comparison variantRun) {
        return outcomes(baselineRun, variantRun, null, null);
    }

    /** @param baselineRuns the baseline's real runs, or null; likewise {@code variantRuns} */
    public List<Outcome> outcomes(Comparison baselineRun, Comparison variantRun, MeasuredReference baselineRuns, MeasuredReference variantRuns) {
        return metrics.stream().map(m -> {
            ComparisonRow a = baselineRun.row(m).orElse(null), b = variantRun.row(m).orElse(null);
            Double measured = a == null || b == null ? null : ratio(b.measured(), a.measured());
            Double simulated = a == null || b == null ? null : ratio(b.simulated(), a.simulated());
            List<Double> perRound = roundRatios(m, baselineRuns, variantRuns);
            return new Outcome(this, m, measured, simulated, perRound.stream().min(Double::compare).orElse(null),
                    perRound.stream().max(Double::compare).orElse(null), perRound.size());
        }).toList();
    }

    /** The measured ratio within each round both scenarios ran in (same run number), in run order. */
    static List<Double> roundRatios(String metric, MeasuredReference baseline, MeasuredReference variant) {
        if (baseline == null || variant == null) return List.of();
        java.util.Map<Integer, Double> a = baseline.byRun(metric), b = variant.byRun(metric);
        List<Double> out = new java.util.ArrayList<>();
        new java.util.TreeSet<>(a.keySet()).forEach(k -> {
            Double r = b.containsKey(k) ? ratio(b.get(k), a.get(k)) : null;
            if (r != null) out.add(r);
        });
        return out;
    }

    static Double ratio(Double num, Double den) {
        return num == null || den == null || den == 0 ? null : num / den;
    }
}
