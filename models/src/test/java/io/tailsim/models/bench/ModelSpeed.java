package io.tailsim.models.bench;

import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.OverloadException;
import io.tailsim.models.report.RunResult;

import java.util.List;
import java.util.Locale;

import static io.tailsim.core.time.Time.MILLISECOND;

/**
 * Speed and figures of the latency blog's scenarios with the guessed r5.xlarge profile (a benchmark,
 * not a test; docs/performance.md has the command lines and results).
 *
 * <pre>
 * ModelSpeed blog PRODUCERS LINGER_MS SECONDS [BATCH_SIZE [AGENTS]]   Trogdor producers, 90 MB/s in all
 * ModelSpeed fleet PRODUCERS SECONDS                         Poisson producers (device fleet), 90 MB/s in all
 * </pre>
 */
public final class ModelSpeed {
    private ModelSpeed() {
    }

    public static void main(String[] args) {
        ClusterSpec spec;
        if (args.length >= 4 && args[0].equals("blog")) {
            int batch = args.length > 4 ? Integer.parseInt(args[4]) : 16_384;
            int agents = args.length > 5 ? Integer.parseInt(args[5]) : 0;
            double secs = Double.parseDouble(args[3]);
            spec = Fixtures.blog(Integer.parseInt(args[1]), Long.parseLong(args[2]) * MILLISECOND, batch, secs,
                    Math.min(5, secs / 4), agents);
        } else if (args.length >= 3 && args[0].equals("fleet")) {
            int n = Integer.parseInt(args[1]);
            double secs = Double.parseDouble(args[2]);
            ProducerGroupSpec g = new ProducerGroupSpec("dev", "topic", n, new ArrivalProcess.Poisson(90e6 / 516 / n),
                    4, 512, KeyStrategy.NONE,
                    Fixtures.producerConfig(5 * MILLISECOND, 16_384, Acks.ALL, CompressionType.LZ4), -1);
            spec = new ClusterSpec(Fixtures.r5xlarge(), 9, 3, Fixtures.blogBrokerConfig(),
                    List.of(new TopicSpec("topic", 108, 3, 2)), List.of(g), List.of(), List.of(),
                    Math.round(secs * 1e9), Math.round(secs * 0.25e9), 1);
        } else {
            System.err.println("usage: ModelSpeed blog PRODUCERS LINGER_MS SECONDS [BATCH_SIZE] | fleet PRODUCERS SECONDS");
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        ClusterModel model = new ClusterModel(spec, 1);
        long built = System.nanoTime() - t0;
        RunResult r;
        try {
            r = model.run();
        } catch (OverloadException e) {
            System.out.println("OVERLOAD: " + e.getMessage());
            r = e.partialResult();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println(r.summary());
        r.producerGroups().values().forEach(g -> System.out.printf(Locale.ROOT, "client CPU %.3f%n",
                g.clientCpuUtilisation()));
        System.out.printf(Locale.ROOT, "built in %.2f s; heap in use %d MB of %d MB%n", built / 1e9,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
}
