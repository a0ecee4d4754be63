package io.tailsim.plots;

import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.SweepResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a sweep: one row and one bar group per point, the points' latency distributions
 * overlaid (from each point's folder), and Kingman's busy/idle figure from the points' request
 * handler utilisation and request queue time.
 */
final class SweepReport {
    static final int MIN_KINGMAN_POINTS = 3;

    private SweepReport() {
    }

    static ReportContents build(Path dir, SweepResult sweep) {
        ReportContents out = new ReportContents("tailsim sweep: " + sweep.scenario());
        String axes = String.join(" / ", sweep.axes());
        out.page.meta(sweep.points().size() + " points over " + axes + ". Drawn from sweep.json and each point's "
                + "folder under points/.");
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (SweepResult.Point p : sweep.points()) {
            summaries.put(label(sweep, p), p.summary());
        }
        out.page.h2("Points");
        SummaryTables.headline(out.page, axes, summaries);
        out.page.h2("Figures");
        String subtitle = "sweep of " + axes;
        Comparisons.bars(out, "sweep point (" + axes + ")", subtitle, summaries);
        Comparisons.distributions(out, subtitle, logs(dir, sweep));
        Comparisons.components(out, subtitle, summaries);
        kingman(out, sweep, summaries);
        return out;
    }

    /** A point's bar label: its axis values ("900", or "900 / 5" with several axes). */
    static String label(SweepResult sweep, SweepResult.Point p) {
        List<String> values = new ArrayList<>();
        for (String a : sweep.axes()) {
            values.add(p.values() == null ? "?" : p.values().getOrDefault(a, "?"));
        }
        return values.isEmpty() ? p.label() : String.join(" / ", values);
    }

    private static Map<String, LatencyLog> logs(Path dir, SweepResult sweep) {
        Map<String, LatencyLog> logs = new LinkedHashMap<>();
        for (SweepResult.Point p : sweep.points()) {
            Path hlog = p.folder() == null ? null : dir.resolve(p.folder()).resolve(RunOutputs.LATENCY_LOG);
            logs.put(label(sweep, p), hlog != null && Files.isRegularFile(hlog) ? LatencyLog.read(hlog) : null);
        }
        return logs;
    }

    private static void kingman(ReportContents out, SweepResult sweep, Map<String, Summary> summaries) {
        String heading = "Kingman: queueing delay against busy/idle";
        List<KingmanChart.Point> points = new ArrayList<>();
        int brokers = 0;
        for (Summary s : summaries.values()) {
            LatencyStats wait = s.requestMetrics() == null ? null
                    : s.requestMetrics().getOrDefault("Produce", Map.of()).get("RequestQueueTimeMs");
            if (wait == null || wait.count() == 0 || s.brokers() == null || s.brokers().isEmpty()) {
                continue;
            }
            double rho = s.brokers().stream().mapToDouble(BrokerSummary::requestHandlerUtilization).average().orElse(Double.NaN);
            brokers = s.brokers().size();
            points.add(new KingmanChart.Point(rho, wait.get("mean"), wait.ci95() == null ? null : wait.ci95().get("mean")));
        }
        long usable = points.stream().filter(p -> p.utilisation() > 0 && p.utilisation() < 1).count();
        if (usable < MIN_KINGMAN_POINTS) {
            out.skip(heading, "It needs at least " + MIN_KINGMAN_POINTS + " sweep points with request handler "
                    + "utilisation between 0 and 100% and Produce request queue times; this sweep has " + usable + ".");
            return;
        }
        String resource = brokers == 1 ? "request handler threads" : "request handler threads (mean of " + brokers + " brokers)";
        double c = KingmanChart.scale(points);
        out.add(Figure.of("kingman", heading,
                "Points: mean time produce requests waited in the broker's request queue for a request handler thread "
                        + "(Kafka's RequestQueueTimeMs), with 95% confidence intervals over replications, against how "
                        + "busy the request handler threads were (\u03c1). Line: busy/idle, \u03c1 / (1 \u2212 \u03c1), "
                        + "times " + Report.fmt(c) + " ms, the scale that best fits the points in relative terms. "
                        + "Kingman's formula says the wait is proportional to busy/idle for fixed arrival and service "
                        + "variability.",
                KingmanChart.chart(heading, "sweep of " + String.join(" / ", sweep.axes()), resource, points)));
    }
}
