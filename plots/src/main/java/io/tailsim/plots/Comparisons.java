package io.tailsim.plots;

import io.tailsim.scenarios.result.Components;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.Summary;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures that set several runs (or sweep points) side by side, each run under its label. */
final class Comparisons {
    private Comparisons() {
    }

    /** The latency blog's bar figures: p50 and p99 per run, producer latency and (when measured) end-to-end. */
    static void bars(ReportContents out, String xLabel, String subtitle, Map<String, Summary> runs) {
        for (String metric : List.of(LatencyFigures.PRODUCER, LatencyFigures.END_TO_END)) {
            Map<String, LatencyStats> stats = new LinkedHashMap<>();
            runs.forEach((label, s) -> {
                LatencyStats l = metric.equals(LatencyFigures.PRODUCER) ? s.producerLatencyMs() : s.endToEndLatencyMs();
                if (l != null && l.count() > 0) {
                    stats.put(label, l);
                }
            });
            String what = LatencyFigures.label(metric);
            String heading = RunReport.capital(what) + " at p50 and p99";
            if (stats.isEmpty()) {
                out.skip(heading, "No run recorded " + what + ".");
                continue;
            }
            String partial = stats.size() < runs.size() ? " Runs without " + what + " records are left out." : "";
            out.add(Figure.of(metric.equals(LatencyFigures.PRODUCER) ? "bars-producer" : "bars-end-to-end", heading,
                    "Bars: p50 and p99 of " + what + " for each run; I-beams: 95% confidence intervals over "
                            + "replications." + partial,
                    PercentileBarsChart.chart(heading, subtitle, xLabel, what, stats, List.of("p50", "p99"))));
        }
    }

    /** Percentile distributions and CDFs overlaid, one line per run; runs without latency.hlog are named. */
    static void distributions(ReportContents out, String subtitle, Map<String, LatencyLog> logs) {
        List<String> missing = new ArrayList<>();
        logs.forEach((label, log) -> {
            if (log == null) {
                missing.add(label);
            }
        });
        if (!missing.isEmpty()) {
            out.page.note("No latency.hlog for " + String.join(", ", missing) + ": left out of the distribution figures.");
        }
        for (String metric : List.of(LatencyFigures.PRODUCER, LatencyFigures.END_TO_END)) {
            Map<String, List<Histogram>> lines = new LinkedHashMap<>();
            logs.forEach((label, log) -> {
                List<Histogram> h = log == null ? List.of() : log.perReplication(metric, null);
                if (!h.isEmpty()) {
                    lines.put(label, h);
                }
            });
            String what = LatencyFigures.label(metric);
            if (lines.isEmpty()) {
                out.skip("Distributions of " + what, "No run's latency.hlog holds " + what + " records.");
                continue;
            }
            String stem = metric.equals(LatencyFigures.PRODUCER) ? "producer" : "end-to-end";
            LatencyFigures.distributions(out, stem, what, what, subtitle, lines);
        }
    }

    static void components(ReportContents out, String subtitle, Map<String, Summary> runs) {
        Map<String, Components> comps = new LinkedHashMap<>();
        runs.forEach((label, s) -> {
            if (s.components() != null) {
                comps.put(label, s.components());
            }
        });
        String heading = "Where the time goes: the five components at p50 and p99";
        List<String> measured = ComponentBarsChart.measured(comps.values());
        if (measured.isEmpty()) {
            out.skip(heading, "No run has component latencies.");
            return;
        }
        out.add(new Figure("components", heading,
                "For each run, p50 and p99 of each component (produce, publish, commit, catch-up, fetch) stacked; "
                        + "I-beams are 95% confidence intervals. Percentiles do not add, so a stack's height is not "
                        + "the end-to-end percentile. Components no run measured are left out.",
                ComponentBarsChart.chart(heading, subtitle, comps, List.of("p50", "p99")),
                Math.max(Figure.WIDTH, Math.min(1800, 110 * 2 * comps.size())), Figure.HEIGHT));
    }
}
