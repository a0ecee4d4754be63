package io.tailsim.plots;

import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.ConsumerGroupSummary;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.PhaseSummary;
import io.tailsim.scenarios.result.ProducerGroupSummary;
import io.tailsim.scenarios.result.Resource;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.result.TopicSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.tailsim.plots.HtmlPage.esc;
import static io.tailsim.plots.HtmlPage.percent;
import static io.tailsim.plots.HtmlPage.value;

/** The tables of summary.json as HTML, every figure with its 95% interval where the file has one. */
final class SummaryTables {
    static final List<String> STATS = List.of("p50", "p75", "p90", "p95", "p99", "p99.9", "p99.99", "max", "mean");

    private SummaryTables() {
    }

    static String latencyCell(LatencyStats s, String stat) {
        if (s == null || s.count() == 0) {
            return "";
        }
        return value(s.get(stat), s.ci95() == null ? null : s.ci95().get(stat));
    }

    static List<String> latencyRow(String name, LatencyStats s) {
        List<String> row = new ArrayList<>();
        row.add(esc(name));
        row.add(s == null ? "0" : Long.toString(s.count()));
        for (String stat : STATS) {
            row.add(s == null || s.count() == 0 ? (stat.equals("p50") ? "not measured" : "") : latencyCell(s, stat));
        }
        return row;
    }

    static List<String> latencyHeader(String first) {
        List<String> h = new ArrayList<>(List.of(first, "records"));
        STATS.forEach(h::add);
        return h;
    }

    static void latency(HtmlPage page, Summary s) {
        page.h2("Latency (ms)");
        page.meta("Each figure is the mean over replications of that replication's estimate; beneath it, the 95% "
                + "confidence interval (Student t over replications). Components are each measured on their own, "
                + "so their percentiles do not add up to the end-to-end percentile.");
        latencyTableOnly(page, s);
    }

    static void latencyTableOnly(HtmlPage page, Summary s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(latencyRow("producer latency (send to acknowledgement)", s.producerLatencyMs()));
        rows.add(latencyRow("end-to-end latency (send to poll)", s.endToEndLatencyMs()));
        if (s.components() != null) {
            for (String c : ComponentBarsChart.NAMES.keySet()) {
                rows.add(latencyRow("  " + ComponentBarsChart.NAMES.get(c) + " time",
                        ComponentBarsChart.component(s.components(), c)));
            }
        }
        page.table(latencyHeader("latency"), rows);
    }

    static void load(HtmlPage page, Summary s) {
        page.h2("Load");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(esc("throughput acknowledged (MB/s)"), value(s.throughputMBps(), s.throughputMBpsCi95())));
        rows.add(List.of(esc("produce requests (per second, all brokers)"),
                value(s.produceRequestsPerSec(), s.produceRequestsPerSecCi95())));
        if (s.brokers() != null && !s.brokers().isEmpty()) {
            TreeSet<String> types = new TreeSet<>();
            s.brokers().forEach(b -> types.addAll(b.requestsPerSec().keySet()));
            for (String t : types) {
                double total = s.brokers().stream().mapToDouble(b -> b.requestsPerSec().getOrDefault(t, 0.0)).sum();
                rows.add(List.of(esc(t + " requests (per second, all brokers)"), value(total, null)));
            }
        }
        page.table(List.of("figure", "value"), rows);
        if (s.busiestResources() != null && !s.busiestResources().isEmpty()) {
            List<List<String>> busy = new ArrayList<>();
            for (Resource r : s.busiestResources()) {
                busy.add(List.of(esc(r.resource()), percent(r.utilization(), null)));
            }
            page.p("Busiest resources (share of time busy):");
            page.table(List.of("resource", "busy"), busy);
        }
    }

    static void brokers(HtmlPage page, List<BrokerSummary> brokers) {
        if (brokers == null || brokers.isEmpty()) {
            return;
        }
        page.h2("Brokers");
        List<List<String>> rows = new ArrayList<>();
        for (BrokerSummary b : brokers) {
            StringBuilder rates = new StringBuilder();
            b.requestsPerSec().forEach((t, v) -> rates.append(rates.length() == 0 ? "" : "<br>")
                    .append(esc(t)).append(' ').append(esc(Report.fmt(v))));
            rows.add(List.of(esc(b.name()), percent(b.cpuUtilization(), b.cpuUtilizationCi95()),
                    percent(b.networkThreadUtilization(), null), percent(b.requestHandlerUtilization(), null),
                    percent(b.replicaFetcherUtilization(), null), percent(b.nicTxUtilization(), null),
                    percent(b.nicRxUtilization(), null), percent(b.diskUtilization(), null),
                    value(b.meanRequestQueueLength(), null), rates.toString()));
        }
        page.table(List.of("broker", "CPU", "network threads", "request handlers", "replica fetchers", "NIC out",
                "NIC in", "disk", "mean request queue (requests)", "requests per second"), rows);
    }

    static void producerGroups(HtmlPage page, Map<String, ProducerGroupSummary> groups) {
        if (groups == null || groups.isEmpty()) {
            return;
        }
        page.h2("Producer groups");
        List<List<String>> rows = new ArrayList<>();
        groups.forEach((name, g) -> rows.add(List.of(esc(name), Integer.toString(g.producers()),
                value(g.recordsPerBatch(), null), value(g.batchesPerRequest(), null),
                value(g.produceRequestsPerSec(), null), value(g.metadataRequestsPerSec(), null),
                percent(g.inFlightBlockedRatio(), null), percent(g.bufferPoolWaitRatio(), null),
                percent(g.flushRatio(), null))));
        page.table(List.of("group", "producers", "records per batch", "batches per request", "produce requests/s",
                "metadata requests/s", "time blocked on max.in.flight", "time waiting for buffer.memory",
                "time in flush()"), rows);
    }

    static void consumerGroups(HtmlPage page, Map<String, ConsumerGroupSummary> groups) {
        if (groups == null || groups.isEmpty()) {
            return;
        }
        page.h2("Consumer groups");
        List<List<String>> rows = new ArrayList<>();
        groups.forEach((name, g) -> rows.add(List.of(esc(name), esc(g.topic()), Integer.toString(g.consumers()),
                esc(g.coordinator()), value(g.recordsConsumedPerSec(), null), value(g.fetchRequestsPerSec(), null),
                value(g.recordsPerPoll(), null), value(g.offsetCommitsPerSec(), null),
                value(g.heartbeatsPerSec(), null), value(g.rebalances(), null), value(g.meanLag(), null),
                value(g.maxLag(), null))));
        page.table(List.of("group", "topic", "consumers", "coordinator", "records/s", "fetch requests/s",
                "records per poll", "offset commits/s", "heartbeats/s", "rebalances", "mean lag (records)",
                "max lag (records)"), rows);
    }

    static void topics(HtmlPage page, Map<String, TopicSummary> topics) {
        if (topics == null || topics.isEmpty()) {
            return;
        }
        page.h2("Topics");
        List<List<String>> rows = new ArrayList<>();
        topics.forEach((name, t) -> rows.add(List.of(esc(name), Integer.toString(t.partitions()),
                value(t.throughputMBps(), null),
                latencyCell(t.producerLatencyMs(), "p50"), latencyCell(t.producerLatencyMs(), "p99"),
                latencyCell(t.producerLatencyMs(), "p99.9"),
                latencyCell(t.endToEndLatencyMs(), "p50"), latencyCell(t.endToEndLatencyMs(), "p99"),
                latencyCell(t.endToEndLatencyMs(), "p99.9"))));
        page.table(List.of("topic", "partitions", "MB/s", "producer p50 (ms)", "producer p99 (ms)",
                "producer p99.9 (ms)", "end-to-end p50 (ms)", "end-to-end p99 (ms)", "end-to-end p99.9 (ms)"), rows);
    }

    static void requestMetrics(HtmlPage page, Map<String, Map<String, LatencyStats>> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        page.h2("Broker request metrics (ms)");
        page.meta("Kafka's RequestMetrics per request type, as distributions over requests.");
        List<List<String>> rows = new ArrayList<>();
        metrics.forEach((type, m) -> m.forEach((name, s) -> rows.add(List.of(esc(type + " " + name),
                Long.toString(s.count()), latencyCell(s, "mean"), latencyCell(s, "p50"), latencyCell(s, "p99"),
                latencyCell(s, "p99.9")))));
        page.table(List.of("request metric", "requests", "mean", "p50", "p99", "p99.9"), rows);
    }

    static void phases(HtmlPage page, List<PhaseSummary> phases) {
        if (phases == null || phases.isEmpty()) {
            return;
        }
        page.h2("Phases");
        List<List<String>> rows = new ArrayList<>();
        for (PhaseSummary p : phases) {
            StringBuilder parts = new StringBuilder();
            p.partitions().forEach((t, n) -> parts.append(parts.length() == 0 ? "" : "<br>").append(esc(t + ": " + n)));
            double maxCpu = p.brokerCpuUtilization() == null ? Double.NaN
                    : p.brokerCpuUtilization().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            rows.add(List.of(Integer.toString(p.index()), esc(Report.fmt(p.startSeconds()) + " to " + Report.fmt(p.endSeconds())),
                    parts.toString(), value(p.replicasPerBroker(), null),
                    latencyCell(p.producerLatencyMs(), "p50"), latencyCell(p.producerLatencyMs(), "p99"),
                    latencyCell(p.endToEndLatencyMs(), "p50"), latencyCell(p.endToEndLatencyMs(), "p99"),
                    percent(maxCpu, null)));
        }
        page.table(List.of("phase", "time (s)", "partitions", "replicas per broker", "producer p50 (ms)",
                "producer p99 (ms)", "end-to-end p50 (ms)", "end-to-end p99 (ms)", "busiest broker CPU"), rows);
    }

    /** One row per run or sweep point: the headline figures side by side. */
    static void headline(HtmlPage page, String first, Map<String, Summary> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Summary> e : runs.entrySet()) {
            Summary s = e.getValue();
            double maxCpu = s.brokers() == null ? Double.NaN
                    : s.brokers().stream().mapToDouble(BrokerSummary::cpuUtilization).max().orElse(Double.NaN);
            rows.add(List.of(esc(e.getKey()),
                    latencyCell(s.producerLatencyMs(), "p50"), latencyCell(s.producerLatencyMs(), "p99"),
                    latencyCell(s.producerLatencyMs(), "p99.9"),
                    latencyCell(s.endToEndLatencyMs(), "p50"), latencyCell(s.endToEndLatencyMs(), "p99"),
                    value(s.throughputMBps(), s.throughputMBpsCi95()),
                    value(s.produceRequestsPerSec(), s.produceRequestsPerSecCi95()), percent(maxCpu, null)));
        }
        page.table(List.of(first, "producer p50 (ms)", "producer p99 (ms)", "producer p99.9 (ms)",
                "end-to-end p50 (ms)", "end-to-end p99 (ms)", "MB/s", "produce requests/s", "busiest broker CPU"), rows);
    }
}
