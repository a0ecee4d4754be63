package io.tailsim.validation.calibrate;

import io.tailsim.validation.RunSpec;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.ProducerGroupSpec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A calibration run written as the scenario the simulator runs for it: the plan's cluster, topic, producers and consumers,
 * and the measured window opening as late as it did on the real cluster (the run's whole warm-up, --broker-warmup
 * included), so that the simulated logs are as old as the real ones when it opens. Only what the plan uses is written:
 * the harness's key strategies and constant, Poisson and Trogdor arrivals.
 */
public final class CalibrationScenario {
    private CalibrationScenario() {
    }

    /**
     * @param warmupSeconds the real run's warm-up, its brokers' included ({@code MeasuredRun.warmupSeconds})
     * @param windowSeconds the real run's measured window
     */
    public static String yaml(String name, RunSpec spec, Path profile, double warmupSeconds, double windowSeconds, int replications) {
        StringBuilder y = new StringBuilder();
        y.append("description: calibration run ").append(name).append(" as the simulator runs it\n");
        y.append("profile: ").append(quote(profile.toAbsolutePath().normalize().toString())).append('\n');
        y.append("cluster:\n  brokers: ").append(spec.cluster().brokers()).append('\n');
        // broker configs go under cluster: by Kafka's names, as a scenario writes them
        new TreeMap<>(spec.cluster().brokerConfigs()).forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
        y.append("topics:\n");
        for (TopicSpec t : spec.cluster().topics()) {
            y.append("  ").append(t.name()).append(": {partitions: ").append(t.partitions()).append(", replication.factor: ")
                    .append(t.replicationFactor()).append(", min.insync.replicas: ").append(t.minInsyncReplicas()).append("}\n");
        }
        y.append("producers:\n");
        for (ProducerGroupSpec p : spec.workload().producers()) {
            y.append("  ").append(p.name()).append(":\n");
            y.append("    topic: ").append(p.topic()).append('\n');
            y.append("    count: ").append(p.count()).append('\n');
            y.append("    rate: ").append(number(p.recordsPerSec())).append(" records/s\n");
            y.append("    record: {key-bytes: ").append(p.keyBytes()).append(", value-bytes: ").append(p.valueBytes()).append("}\n");
            y.append("    keys: ").append(keys(p.keys())).append('\n');
            y.append("    arrival: ").append(arrival(p.arrival())).append('\n');
            new TreeMap<>(p.configs()).forEach((k, v) -> y.append("    ").append(k).append(": ").append(v).append('\n'));
        }
        if (!spec.workload().consumers().isEmpty()) {
            y.append("consumers:\n");
            for (ConsumerGroupSpec g : spec.workload().consumers()) {
                if (g.topics().size() != 1 || g.processing() != null || !g.configs().isEmpty())
                    throw new IllegalArgumentException("calibration run " + name + ": consumer group " + g.groupId()
                            + " reads several topics, processes records or sets configs; the plan's groups do none of that");
                y.append("  ").append(g.groupId()).append(": {topic: ").append(g.topics().get(0)).append(", count: ").append(g.count()).append("}\n");
            }
        }
        y.append("duration: ").append(number(warmupSeconds + windowSeconds)).append("s\n");
        y.append("warmup: ").append(number(warmupSeconds)).append("s\n");
        y.append("replications: ").append(replications).append('\n');
        y.append("seed: ").append(spec.workload().seed()).append('\n');
        return y.toString();
    }

    static String keys(Keys k) {
        return switch (k) {
            case NONE -> "none";
            case SEQUENTIAL -> "sequential";
            case RANDOM -> "random";
            case ROUND_ROBIN -> "round-robin";
            case OWN_PARTITION -> "own-partition";
        };
    }

    static String arrival(Arrival a) {
        if (a instanceof Arrival.Constant) return "constant";
        if (a instanceof Arrival.Poisson) return "poisson";
        if (a instanceof Arrival.Trogdor t)
            return String.format(Locale.ROOT, "{process: trogdor, period: %sms, flush: %s, clock-skew: %sms}", number(t.periodNanos() / 1e6),
                    t.flush(), number(t.maxClockSkewNanos() / 1e6));
        throw new IllegalArgumentException("the calibration plan's arrivals are constant, Poisson or Trogdor, not " + a);
    }

    private static String number(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
