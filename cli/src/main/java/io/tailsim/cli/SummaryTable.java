package io.tailsim.cli;

import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.Resource;
import io.tailsim.scenarios.result.Summary;

import java.util.Locale;
import java.util.Map;

/** The summary a person reads after a run: latency percentiles with their 95% intervals, load, hot spots. */
final class SummaryTable {
    private static final String[] PERCENTILES = {"p50", "p95", "p99", "p99.9"};

    private SummaryTable() {
    }

    static String render(Summary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d replication(s), %.0f s simulated each (%.0f s measured), seed %d%n%n",
                s.scenario(), s.replications(), s.simulatedSeconds(), s.measuredSeconds(), s.seed()));
        sb.append(String.format(Locale.ROOT, "%-22s %24s %24s %24s %24s%n", "latency (ms)", "p50", "p95", "p99", "p99.9"));
        row(sb, "producer (send->ack)", s.producerLatencyMs());
        row(sb, "end-to-end (send->poll)", s.endToEndLatencyMs());
        row(sb, "  produce", s.components().produce());
        row(sb, "  publish", s.components().publish());
        row(sb, "  commit", s.components().commit());
        row(sb, "  catch-up", s.components().catchUp());
        row(sb, "  fetch", s.components().fetch());
        sb.append(String.format(Locale.ROOT, "%nthroughput %.2f MB/s%s; produce requests %.0f/s%s%n",
                s.throughputMBps(), ci(s.throughputMBpsCi95()), s.produceRequestsPerSec(), ci(s.produceRequestsPerSecCi95())));
        if (!s.brokers().isEmpty()) {
            BrokerSummary b0 = s.brokers().get(0);
            StringBuilder rates = new StringBuilder();
            for (Map.Entry<String, Double> e : b0.requestsPerSec().entrySet()) {
                double total = s.brokers().stream().mapToDouble(b -> b.requestsPerSec().getOrDefault(e.getKey(), 0.0)).sum();
                rates.append(String.format(Locale.ROOT, " %s %.0f/s", e.getKey(), total));
            }
            sb.append("requests to all brokers:").append(rates).append('\n');
        }
        sb.append("busiest resources:");
        for (Resource r : s.busiestResources()) {
            sb.append(String.format(Locale.ROOT, " %s %.0f%%;", r.resource(), 100 * r.utilization()));
        }
        sb.append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, LatencyStats l) {
        if (l.count() == 0) {
            sb.append(String.format(Locale.ROOT, "%-22s %24s%n", name, "(no records)"));
            return;
        }
        sb.append(String.format(Locale.ROOT, "%-22s", name));
        for (String p : PERCENTILES) {
            double[] c = l.ci95() == null ? null : l.ci95().get(p);
            String cell = c == null ? String.format(Locale.ROOT, "%.2f", l.get(p))
                    : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", l.get(p), c[0], c[1]);
            sb.append(String.format(Locale.ROOT, " %24s", cell));
        }
        sb.append('\n');
    }

    private static String ci(double[] c) {
        return c == null ? "" : String.format(Locale.ROOT, " [%.2f, %.2f]", c[0], c[1]);
    }
}
