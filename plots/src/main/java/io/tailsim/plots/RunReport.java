package io.tailsim.plots;

import io.tailsim.scenarios.result.Components;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.PhaseSummary;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.result.TopicSummary;
import io.tailsim.core.stat.IntervalSeries;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of one run: headline tables, every figure its files allow, then the detailed tables. */
final class RunReport {
    /** Beyond this many topics, per-topic lines would be unreadable; the all-topics figures remain. */
    static final int MAX_TOPIC_LINES = 6;

    private RunReport() {
    }

    static ReportContents build(RunFolder run) {
        Summary s = run.summary();
        ReportContents out = new ReportContents("tailsim: " + s.scenario());
        out.page.meta(String.format(Locale.ROOT, "Scenario %s, seed %d, %d replication(s) of %s s simulated each "
                        + "(%s s measured after warm-up). Drawn from %s.", s.scenario(), s.seed(), s.replications(),
                Report.fmt(s.simulatedSeconds()), Report.fmt(s.measuredSeconds()),
                run.log() == null ? "summary.json" : run.seriesLog() == null ? "summary.json and latency.hlog"
                        : "summary.json, latency.hlog and the interval series"));
        SummaryTables.latency(out.page, s);
        out.page.h2("Figures");
        String subtitle = s.scenario() + ", " + s.replications() + " replication(s)";
        latency(out, run, subtitle);
        topicBars(out, s, subtitle);
        components(out, s, subtitle);
        phases(out, run, s, subtitle);
        SummaryTables.load(out.page, s);
        SummaryTables.brokers(out.page, s.brokers());
        SummaryTables.producerGroups(out.page, s.producerGroups());
        SummaryTables.consumerGroups(out.page, s.consumerGroups());
        SummaryTables.topics(out.page, s.topics());
        SummaryTables.requestMetrics(out.page, s.requestMetrics());
        SummaryTables.phases(out.page, s.phases());
        return out;
    }

    private static void latency(ReportContents out, RunFolder run, String subtitle) {
        if (run.log() == null) {
            out.skip("Percentile distributions and CDFs", "The folder has no latency.hlog.");
            return;
        }
        LatencyLog log = run.log();
        Map<String, List<Histogram>> lines = new LinkedHashMap<>();
        for (String metric : List.of(LatencyFigures.PRODUCER, LatencyFigures.END_TO_END)) {
            List<Histogram> h = log.perReplication(metric, null);
            if (!h.isEmpty()) {
                lines.put(LatencyFigures.label(metric), h);
            }
        }
        boolean endToEnd = lines.containsKey(LatencyFigures.label(LatencyFigures.END_TO_END));
        LatencyFigures.distributions(out, "latency", endToEnd ? "producer and end-to-end latency" : "producer latency",
                "latency", endToEnd ? subtitle : subtitle + "; no end-to-end records (no consumers)", lines);
        if (log.topics().size() > 1 && log.topics().size() <= MAX_TOPIC_LINES) {
            for (String metric : List.of(LatencyFigures.PRODUCER, LatencyFigures.END_TO_END)) {
                Map<String, List<Histogram>> byTopic = new LinkedHashMap<>();
                for (String t : log.topics()) {
                    List<Histogram> h = log.perReplication(metric, t);
                    if (!h.isEmpty()) {
                        byTopic.put("topic " + t, h);
                    }
                }
                if (!byTopic.isEmpty()) {
                    String stem = metric.equals(LatencyFigures.PRODUCER) ? "producer-by-topic" : "end-to-end-by-topic";
                    LatencyFigures.distributions(out, stem, LatencyFigures.label(metric) + " by topic",
                            LatencyFigures.label(metric), subtitle, byTopic);
                }
            }
        }
    }

    /** With several topics: p50 and p99 per topic, as the blog's bar figures show configurations. */
    private static void topicBars(ReportContents out, Summary s, String subtitle) {
        if (s.topics() == null || s.topics().size() < 2) {
            return;
        }
        for (String metric : List.of(LatencyFigures.PRODUCER, LatencyFigures.END_TO_END)) {
            Map<String, LatencyStats> perTopic = new LinkedHashMap<>();
            for (Map.Entry<String, TopicSummary> t : s.topics().entrySet()) {
                LatencyStats l = metric.equals(LatencyFigures.PRODUCER) ? t.getValue().producerLatencyMs()
                        : t.getValue().endToEndLatencyMs();
                if (l != null && l.count() > 0) {
                    perTopic.put(t.getKey(), l);
                }
            }
            if (perTopic.isEmpty()) {
                continue;
            }
            String what = LatencyFigures.label(metric);
            String heading = capital(what) + " at p50 and p99 by topic";
            out.add(Figure.of((metric.equals(LatencyFigures.PRODUCER) ? "bars-producer" : "bars-end-to-end") + "-by-topic",
                    heading, "Bars: each topic's p50 and p99; I-beams: 95% confidence intervals over replications.",
                    PercentileBarsChart.chart(heading, subtitle, "topic", what, perTopic, List.of("p50", "p99"))));
        }
    }

    private static void components(ReportContents out, Summary s, String subtitle) {
        String heading = "Where the time goes: the five components at p50 and p99";
        Components c = s.components();
        if (c == null || ComponentBarsChart.measured(List.of(c)).isEmpty()) {
            out.skip(heading, "summary.json has no component latencies.");
            return;
        }
        List<String> measured = ComponentBarsChart.measured(List.of(c));
        String missing = measured.size() < 5 ? " Not measured in this run, so not drawn: "
                + String.join(", ", ComponentBarsChart.NAMES.keySet().stream().filter(k -> !measured.contains(k))
                .map(ComponentBarsChart.NAMES::get).toList()) + "." : "";
        out.add(Figure.of("components", heading,
                "Each segment is that component's own percentile (produce, publish, commit, catch-up, fetch, as the "
                        + "latency blog defines them); I-beams are 95% confidence intervals. Percentiles do not add, so "
                        + "the stack's height is not the end-to-end percentile." + missing,
                ComponentBarsChart.chart(heading, subtitle, Map.of(s.scenario(), c), List.of("p50", "p99"))));
    }

    private static void phases(ReportContents out, RunFolder run, Summary s, String subtitle) {
        partitions(out, run, s, subtitle);
        utilisation(out, run, s, subtitle);
        consumerLag(out, run, s, subtitle);
    }

    private static boolean hasSeries(RunFolder run) {
        return run.series() != null && run.seriesLog() != null && IntervalCurves.intervals(run.series()) > 0;
    }

    private static void partitions(ReportContents out, RunFolder run, Summary s, String subtitle) {
        List<PhaseSummary> phases = s.phases();
        if (phases == null || phases.isEmpty()) {
            out.skip("Partitions per broker and p99 latency over time", "It needs partition counts that change "
                    + "during the run: summary.json has no phases (the scenario changes nothing during the run).");
            return;
        }
        // The blog's figure is end-to-end; without consumers, producer latency is what the run measured.
        String what = "end-to-end";
        List<Curve> latency = PhaseSeries.perTopic(phases, TopicSummary::endToEndLatencyMs, "p99");
        if (latency.isEmpty()) {
            what = "producer";
            latency = PhaseSeries.perTopic(phases, TopicSummary::producerLatencyMs, "p99");
        }
        String heading = "Partitions per broker and p99 " + what + " latency over time";
        if (latency.isEmpty()) {
            out.skip(heading, "No phase recorded latency per topic.");
        } else {
            out.add(new Figure("partitions", heading,
                    "Top: partition replicas per broker during each phase (mean over brokers). Bottom: p99 " + what
                            + " latency over each phase, one line per topic, with 95% confidence intervals over "
                            + "replications." + (what.equals("producer") ? " No end-to-end latency was recorded (no "
                            + "consumers), so producer latency is shown." : ""),
                    PartitionChart.chart(heading, subtitle, "replicas per broker",
                            List.of(PhaseSeries.replicasPerBroker(phases)), "p99 " + what + " latency (ms)", latency),
                    Figure.WIDTH, 720));
        }
        String byBroker = "Partitions per broker and p99 end-to-end latency by leader broker";
        if (!hasSeries(run)) {
            out.skip(byBroker, "It needs per-interval series (series.json and series.hlog), which the folder does "
                    + "not have.");
            return;
        }
        int reps = run.series().replications().size();
        List<Curve> replicas = IntervalCurves.replicasPerBroker(run.series(), s.simulatedSeconds());
        List<String> topics = new ArrayList<>();
        for (String tag : run.seriesLog().tags()) {
            int cut = tag.indexOf("/endToEnd/");
            if (cut > 0 && !topics.contains(tag.substring(0, cut))) {
                topics.add(tag.substring(0, cut));
            }
        }
        if (topics.isEmpty()) {
            out.skip(byBroker, "No end-to-end latency was recorded (no consumers), so there is none per broker.");
            return;
        }
        for (String topic : topics.subList(0, Math.min(MAX_TOPIC_LINES, topics.size()))) {
            List<Curve> lines = new ArrayList<>();
            for (Curve b : replicas) {
                List<IntervalSeries> perRep = run.seriesLog().perReplication(topic + "/endToEnd/" + b.name(), reps);
                // a broker leading none of the topic's partitions keeps its place (and colour) with no points
                lines.add(perRep.isEmpty() ? Curve.of(b.name(), new double[] {b.x()[0]}, new double[] {Double.NaN})
                        : ReplicatedCurves.percentileOverTime(b.name(), perRep, 99));
            }
            String heading2 = byBroker + ", topic " + topic;
            out.add(new Figure("partitions-by-broker-" + topic, heading2,
                    "Top: partition replicas on each broker (every topic, __consumer_offsets included), per interval of "
                            + Report.fmt(run.series().intervalSeconds()) + " s, mean over replications. Bottom: p99 "
                            + "end-to-end latency of topic " + topic + "'s records per interval, one line per broker "
                            + "leading some of its partitions (the latency blog's figure), mean over replications with "
                            + "95% confidence intervals; gaps are intervals without records.",
                    PartitionChart.chart(heading2, subtitle, "replicas per broker", replicas,
                            "p99 end-to-end latency (ms)", lines),
                    Figure.WIDTH, 720));
        }
    }

    private static void utilisation(ReportContents out, RunFolder run, Summary s, String subtitle) {
        String cpu = "Broker CPU utilisation over time";
        if (hasSeries(run)) {
            out.add(Figure.of("utilisation", cpu, "Share of time each broker's CPUs were busy in each interval of "
                    + Report.fmt(run.series().intervalSeconds()) + " s, one line per broker, mean over replications.",
                    UtilisationChart.chart(cpu, subtitle, "CPU",
                            IntervalCurves.brokerCpu(run.series(), s.simulatedSeconds()))));
            return;
        }
        List<PhaseSummary> phases = s.phases();
        if (phases == null || phases.isEmpty()) {
            out.skip(cpu, "It needs broker CPU over time: summary.json has no phases and the folder has no "
                    + "per-interval time series. Whole-run utilisation is in the Brokers table.");
            return;
        }
        List<Curve> perBroker = PhaseSeries.brokerCpu(phases, s.brokers());
        if (perBroker.isEmpty()) {
            out.skip(cpu, "The phases carry no broker CPU figures.");
        } else {
            out.add(Figure.of("utilisation", cpu, "Share of time each broker's CPUs were busy during each phase, one "
                    + "line per broker.", UtilisationChart.chart(cpu, subtitle, "CPU", perBroker)));
        }
    }

    private static void consumerLag(ReportContents out, RunFolder run, Summary s, String subtitle) {
        if (!hasSeries(run) || s.consumerGroups() == null || s.consumerGroups().isEmpty()) {
            return;
        }
        String heading = "Consumer lag over time";
        out.add(Figure.of("consumer-lag", heading, "Records each consumer group was behind the high watermark (all "
                        + "partitions of its topic), averaged over each interval of "
                        + Report.fmt(run.series().intervalSeconds()) + " s, mean over replications.",
                LagChart.chart(heading, subtitle, IntervalCurves.consumerLag(run.series(), s.simulatedSeconds()))));
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
