package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.Summary;

import java.util.List;

/** Latency blog: 90 producers, 108 partitions, 90 MB/s; linger.ms 0 vs 5, batch.size 16 KB vs 128 KB. */
final class LingerAndBatchSize implements Experiment {
    @Override
    public String id() {
        return "linger-and-batch-size";
    }

    @Override
    public String published() {
        return "produce requests fell from 2,800 to 1,100 when linger.ms went from 0 to 5; p50 and p99 fell, p99 much more;"
                + " batch.size 16 KB -> 128 KB changed nothing";
    }

    @Override
    public List<String> files() {
        return List.of("linger-0.yaml", "linger-5.yaml", "linger-5-batch-128k.yaml");
    }

    @Override
    public List<Check> evaluate(RunSet runs) {
        Summary l0 = runs.run("linger-0.yaml");
        Summary l5 = runs.run("linger-5.yaml");
        Summary b128 = runs.run("linger-5-batch-128k.yaml");
        double ratio = l0.produceRequestsPerSec() / l5.produceRequestsPerSec();
        double p50Drop = drop(l0, l5, "p50");
        double p99Drop = drop(l0, l5, "p99");
        return List.of(
                Check.within("produce-request-rate ratio (linger 0 / linger 5)", ratio, 2.0, 3.2, "2.55 (2,800 / 1,100)",
                        String.format(java.util.Locale.ROOT, "%.0f vs %.0f requests/s", l0.produceRequestsPerSec(),
                                l5.produceRequestsPerSec())),
                Check.positive("relative p99 drop minus relative p50 drop (linger 0 -> 5)", p99Drop - p50Drop,
                        "p99 drop much larger than p50 drop",
                        String.format(java.util.Locale.ROOT, "p50 drop %.1f%%, p99 drop %.1f%%", 100 * p50Drop, 100 * p99Drop)),
                Check.atMost("p50 change with batch.size 128 KB vs 16 KB", relChange(b128, l5, "p50"), 0.10,
                        "no change", "relative |difference|"),
                Check.atMost("p99 change with batch.size 128 KB vs 16 KB", relChange(b128, l5, "p99"), 0.10,
                        "no change", "relative |difference|"));
    }

    private static double drop(Summary before, Summary after, String p) {
        double b = before.producerLatencyMs().get(p);
        return (b - after.producerLatencyMs().get(p)) / b;
    }

    private static double relChange(Summary a, Summary b, String p) {
        double x = b.producerLatencyMs().get(p);
        return Math.abs(a.producerLatencyMs().get(p) - x) / x;
    }
}
