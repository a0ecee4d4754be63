package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.Summary;

import java.util.List;
import java.util.Locale;

/** Benchmark blog (OpenMessaging Benchmark, 3 x i3en.2xlarge): p99 end-to-end 5 ms at 200 MB/s; peak 605 MB/s. */
final class OmbKafka implements Experiment {
    @Override
    public String id() {
        return "omb-kafka-200mbs";
    }

    @Override
    public String published() {
        return "Kafka p99 end-to-end latency 5 ms at 200 MB/s; peak throughput 605 MB/s";
    }

    @Override
    public List<String> files() {
        return List.of("latency-200mbs.yaml", "peak-throughput.yaml");
    }

    @Override
    public List<Check> evaluate(RunSet runs) {
        Summary latency = runs.run("latency-200mbs.yaml");
        Summary peak = runs.run("peak-throughput.yaml");
        double p99 = latency.endToEndLatencyMs().get("p99");
        Check p99Check = latency.endToEndLatencyMs().count() == 0
                ? Check.unmeasured("p99 end-to-end latency at 200 MB/s (ms)", "[3.0, 8.0]", "5 ms",
                        "no end-to-end latency recorded (no consumer reached the records)")
                : Check.within("p99 end-to-end latency at 200 MB/s (ms)", p99, 3, 8, "5 ms",
                        String.format(Locale.ROOT, "throughput %.1f MB/s", latency.throughputMBps()));
        return List.of(p99Check,
                Check.within("saturation throughput (MB/s)", peak.throughputMBps(), 480, 730, "605 MB/s",
                        String.format(Locale.ROOT, "busiest: %s", peak.busiestResources().isEmpty() ? "-"
                                : peak.busiestResources().get(0).resource())));
    }
}
