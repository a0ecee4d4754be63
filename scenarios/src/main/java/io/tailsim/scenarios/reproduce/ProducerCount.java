package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.Summary;

import java.util.List;
import java.util.Locale;

/** Latency blog: 90 vs 900 producers at the same 90 MB/s, batch.size 16 KB, linger.ms 5, acks=all. */
final class ProducerCount implements Experiment {
    /** "Clearly below" 0.9 at 90 producers: at least 0.15 below the 900-producer bar. */
    static final double CLEARLY_BELOW = 0.75;

    @Override
    public String id() {
        return "producers-90-vs-900";
    }

    @Override
    public String published() {
        return "median producer latency rose by 60%, p99 tripled; with 900 producers brokers were at almost 100% CPU";
    }

    @Override
    public List<String> files() {
        return List.of("producers-90.yaml", "producers-900.yaml");
    }

    @Override
    public List<Check> evaluate(RunSet runs) {
        Summary s90 = runs.run("producers-90.yaml");
        Summary s900 = runs.run("producers-900.yaml");
        double cpu90 = meanCpu(s90);
        double cpu900 = meanCpu(s900);
        return List.of(
                Check.within("p50 ratio (900 / 90)", ratio(s900, s90, "p50"), 1.3, 1.9, "1.6", detail(s90, s900, "p50")),
                Check.within("p99 ratio (900 / 90)", ratio(s900, s90, "p99"), 2.3, 3.8, "3.0", detail(s90, s900, "p99")),
                Check.atLeast("broker CPU at 900 producers (mean over brokers)", cpu900, 0.9, "almost 100%",
                        String.format(Locale.ROOT, "%.0f%%", 100 * cpu900)),
                Check.atMost("broker CPU at 90 producers (mean over brokers)", cpu90, CLEARLY_BELOW,
                        "clearly below the 900-producer figure", String.format(Locale.ROOT, "%.0f%%", 100 * cpu90)));
    }

    static double meanCpu(Summary s) {
        return s.brokers().stream().mapToDouble(BrokerSummary::cpuUtilization).average().orElse(Double.NaN);
    }

    private static double ratio(Summary a, Summary b, String p) {
        return a.producerLatencyMs().get(p) / b.producerLatencyMs().get(p);
    }

    private static String detail(Summary s90, Summary s900, String p) {
        return String.format(Locale.ROOT, "%.2f ms -> %.2f ms", s90.producerLatencyMs().get(p), s900.producerLatencyMs().get(p));
    }
}
