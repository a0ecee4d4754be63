package io.tailsim.plots;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Percentile-distribution and CDF figures for sets of named per-replication histograms. */
final class LatencyFigures {
    static final String PRODUCER = "producerLatency";
    static final String END_TO_END = "endToEnd";

    private LatencyFigures() {
    }

    static String label(String metric) {
        return metric.equals(PRODUCER) ? "producer latency" : metric.equals(END_TO_END) ? "end-to-end latency" : metric;
    }

    /**
     * Adds the percentile-distribution and CDF figures of {@code lines} (name -> one histogram per
     * replication), or notes why not. {@code stem} names the files, {@code what} the figure.
     */
    static void distributions(ReportContents out, String stem, String what, String latencyLabel, String subtitle,
                              Map<String, List<Histogram>> lines) {
        List<Curve> percentiles = new ArrayList<>();
        List<Curve> cdfs = new ArrayList<>();
        int reps = 0;
        for (Map.Entry<String, List<Histogram>> e : lines.entrySet()) {
            Curve p = ReplicatedCurves.percentiles(e.getKey(), e.getValue());
            Curve c = ReplicatedCurves.cdf(e.getKey(), e.getValue());
            if (p != null) {
                percentiles.add(p);
                reps = Math.max(reps, e.getValue().size());
            }
            if (c != null) {
                cdfs.add(c);
            }
        }
        String pooled = reps > 1 ? "Line: mean over " + reps + " replications of each replication's value; shaded band: "
                + "95% confidence interval (Student t over replications)." : "One replication: no confidence interval.";
        String heading = "Percentile distribution of " + what;
        if (percentiles.isEmpty()) {
            out.skip(heading, "Fewer than two records of it in some replication of latency.hlog.");
        } else {
            out.add(Figure.of("percentiles-" + stem, heading,
                    "Latency at each percentile, the percentile axis stretched so that every extra nine (90%, 99%, "
                            + "99.9%, ...) gets the same room, as HdrHistogram and OpenMessaging Benchmark plot it. "
                            + pooled + " Each curve ends at the highest percentile every replication has a record for.",
                    PercentileDistributionChart.chart(heading, subtitle, latencyLabel, percentiles)));
        }
        String cdfHeading = "Cumulative distribution of " + what;
        if (cdfs.isEmpty()) {
            out.skip(cdfHeading, "No non-zero records of it in latency.hlog.");
        } else {
            out.add(Figure.of("cdf-" + stem, cdfHeading,
                    "Share of records at or below each latency (log latency axis). " + pooled,
                    CdfChart.chart(cdfHeading, subtitle, latencyLabel, cdfs)));
        }
    }
}
