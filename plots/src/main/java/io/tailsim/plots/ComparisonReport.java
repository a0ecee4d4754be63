package io.tailsim.plots;

import io.tailsim.scenarios.result.Summary;

import java.util.LinkedHashMap;
import java.util.Map;

/** Several runs under their labels: the headline table, the bar figures, the overlaid distributions. */
final class ComparisonReport {
    private ComparisonReport() {
    }

    static ReportContents build(Map<String, RunFolder> runs) {
        ReportContents out = new ReportContents("tailsim comparison: " + String.join(" vs ", runs.keySet()));
        Map<String, Summary> summaries = new LinkedHashMap<>();
        Map<String, LatencyLog> logs = new LinkedHashMap<>();
        runs.forEach((label, r) -> {
            summaries.put(label, r.summary());
            logs.put(label, r.log());
        });
        out.page.meta(runs.size() + " runs, each drawn from its summary.json and latency.hlog.");
        out.page.h2("Runs");
        SummaryTables.headline(out.page, "run", summaries);
        out.page.h2("Figures");
        String subtitle = String.join(" vs ", runs.keySet());
        Comparisons.bars(out, "run", subtitle, summaries);
        Comparisons.distributions(out, subtitle, logs);
        Comparisons.components(out, subtitle, summaries);
        out.page.h2("Latency of each run (ms)");
        summaries.forEach((label, s) -> {
            out.page.p(label + " (scenario " + s.scenario() + ", " + s.replications() + " replication(s), seed " + s.seed() + ")");
            SummaryTables.latencyTableOnly(out.page, s);
        });
        return out;
    }
}
