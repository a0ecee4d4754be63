package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.Summary;

import java.util.List;
import java.util.Locale;

/** Latency blog: nine producers as fast as the produce logic allows, acks=1 vs acks=all. */
final class AcksThroughput implements Experiment {
    @Override
    public String id() {
        return "acks-1-vs-all-throughput";
    }

    @Override
    public String published() {
        return "195 MB/s with acks=1, 161 MB/s with acks=all";
    }

    @Override
    public List<String> files() {
        return List.of("acks-1.yaml", "acks-all.yaml");
    }

    @Override
    public List<Check> evaluate(RunSet runs) {
        Summary one = runs.run("acks-1.yaml");
        Summary all = runs.run("acks-all.yaml");
        return List.of(Check.within("throughput ratio (acks=all / acks=1)", all.throughputMBps() / one.throughputMBps(),
                0.75, 0.90, "0.826 (161 / 195)",
                String.format(Locale.ROOT, "%.1f MB/s vs %.1f MB/s", all.throughputMBps(), one.throughputMBps())));
    }
}
