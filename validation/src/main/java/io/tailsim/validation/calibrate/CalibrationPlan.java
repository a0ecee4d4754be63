package io.tailsim.validation.calibrate;

import io.tailsim.validation.RunSpec;
import io.tailsim.validation.cluster.ClusterSpec;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calibration runs: short runs on three nodes chosen to move the fits' regressors apart (produce requests against
 * records by linger.ms, fetches by consumer groups, bytes by record size, fetch sessions by partition count, purgatory by
 * acks, thread wake-ups against requests by bursty against Poisson sends), none of them a suite scenario, so the suite's errors are measured on runs the profile was not fitted to. Every run is
 * light (well under the machine's saturation), 10 s of warm-up (40 s for the many-partition runs) and 15 s measured: about 50 s each
 * with start-up and shutdown.
 */
public final class CalibrationPlan {
    public record Run(String name, String description, RunSpec spec) {
        /**
         * Whether the run also reads the JIT's busy periods and times the first appends' file work (JitBursts, FileWorkProbe).
         * The two light runs, whose send lag is taken as the OS wake-up latency, run without, so that no harness thread wakes
         * beside the driver there (with and without them the lag's median was 24 and 31 us on 2026-11-24, against 142 us the
         * night before: the machine's wake-ups drift more than the probes move them).
         */
        public boolean probes() {
            return !LIGHT.contains(name);
        }
    }

    /** The runs light enough that the driver's send lag is the OS wake-up latency (LocalProfileWriter.wakeup). */
    static final java.util.Set<String> LIGHT = java.util.Set.of("c01-idle", "c05-large-records");

    static final double WARMUP_SECONDS = 10;
    static final double MEASURE_SECONDS = 15;
    /**
     * The many-partition runs wait longer: with 20 s, c08 (1,200 partitions) cost 8 times as much CPU per partition a fetch
     * read as the suite's partitions-1000 with fetch sessions of the same size (2026-11-23), as if the brokers were still
     * settling the 3,600 replicas they had just created.
     */
    static final double PARTITIONS_WARMUP_SECONDS = 40;

    private CalibrationPlan() {
    }

    public static List<Run> runs() {
        List<Run> r = new ArrayList<>();
        r.add(run("c01-idle", "one producer at 20 records/s, 3 partitions, no consumers: the idle cost", 3, 1, 20, 512, 0, "all", 0));
        r.add(run("c02-linger0-300", "3 producers, 300 records/s, linger.ms 0, 6 partitions, one consumer", 6, 3, 300, 512, 0, "all", 1));
        r.add(run("c03-linger0-900", "6 producers, 900 records/s, linger.ms 0, 6 partitions, one consumer", 6, 6, 900, 512, 0, "all", 1));
        r.add(run("c04-linger20-900", "3 producers, 900 records/s, linger.ms 20 (batches of several records), 12 partitions, one consumer",
                12, 3, 900, 512, 20, "all", 1));
        r.add(run("c05-large-records", "one producer, 120 records/s of 16 KiB (1.9 MB/s), linger.ms 0, 3 partitions, no consumers",
                3, 1, 120, 16 * 1024, 0, "all", 0));
        r.add(run("c06-three-groups", "3 producers, 300 records/s, linger.ms 0, 6 partitions, three consumer groups of one", 6, 3, 300, 512, 0, "all", 3));
        // Fetch sessions at the fetch rates where their cost matters: every fetch walks all the session's partitions, so
        // these runs read 30,000-100,000 partitions a second, most of them empty, as many-partition clusters do. A longer
        // warm-up lets the brokers finish creating thousands of logs before the window opens.
        r.add(run("c07-partitions-300", "3 producers at 300 records/s over 300 partitions, no consumers: fetch sessions", 300, 3, 300, 512,
                0, "all", 0, PARTITIONS_WARMUP_SECONDS));
        r.add(run("c08-partitions-1200", "3 producers at 300 records/s over 1200 partitions, no consumers: large fetch sessions", 1200, 3,
                300, 512, 0, "all", 0, PARTITIONS_WARMUP_SECONDS));
        r.add(run("c09-acks1-600", "3 producers, 600 records/s, acks=1, linger.ms 0, 6 partitions, one consumer", 6, 3, 600, 512, 0, "1", 1));
        r.add(run("c10-spread-batches", "3 producers, 600 records/s with random keys over 60 partitions, linger.ms 10: many partitions per request",
                60, 3, 600, 512, 10, "all", 1));
        // Bursts: Trogdor's throttle sends each 100 ms period's records back to back, so the brokers' threads find several
        // requests waiting when they wake. Against the Poisson runs above, where nearly every request wakes a thread, these
        // separate a thread's cost per wake-up from its cost per request.
        r.add(burstRun("c11-bursts-30-producers", "30 producers, Trogdor throttle, 600 records/s (2 per producer per 100 ms), "
                + "linger.ms 5, 12 partitions, one consumer", 12, 30, 600, 5));
        r.add(burstRun("c12-bursts-linger0", "6 producers, Trogdor throttle, 600 records/s (10 per producer per 100 ms), "
                + "linger.ms 0, 12 partitions, one consumer", 12, 6, 600, 0));
        // Many clients, each sending rarely: sixty connections per broker and sixty Sender threads that wake about ten times a
        // second, where every other run has at most 30 (and those in bursts): how the costs per wake-up and the young
        // collections go with many quiet producers.
        r.add(run("c13-many-producers", "60 producers, 600 records/s (10 per producer per second), linger.ms 5, 12 partitions, "
                + "one consumer: many connections, rare wake-ups", 12, 60, 600, 512, 5, "all", 1));
        return r;
    }

    private static Run burstRun(String name, String description, int partitions, int producers, double recordsPerSec, int lingerMs) {
        String topic = "calibrate";
        ClusterSpec cluster = new ClusterSpec(3, ClusterSpec.DEFAULT_HEAP_MB, Map.of(), List.of(new TopicSpec(topic, partitions, 3, 2)));
        ProducerGroupSpec p = new ProducerGroupSpec("p", topic, producers, recordsPerSec, 4, 512, Keys.ROUND_ROBIN,
                new Arrival.Trogdor(Arrival.Trogdor.DEFAULT_PERIOD_NANOS, true, 1_000_000L),
                Map.of("linger.ms", Integer.toString(lingerMs), "acks", "all"));
        List<ConsumerGroupSpec> groups = List.of(new ConsumerGroupSpec("g0", List.of(topic), 1, Map.of()));
        return new Run(name, description, new RunSpec(cluster, new WorkloadSpec(List.of(p), groups, WARMUP_SECONDS, MEASURE_SECONDS, 11)));
    }

    private static Run run(String name, String description, int partitions, int producers, double recordsPerSec, int valueBytes,
                           int lingerMs, String acks, int consumerGroups) {
        return run(name, description, partitions, producers, recordsPerSec, valueBytes, lingerMs, acks, consumerGroups, WARMUP_SECONDS);
    }

    private static Run run(String name, String description, int partitions, int producers, double recordsPerSec, int valueBytes,
                           int lingerMs, String acks, int consumerGroups, double warmupSeconds) {
        String topic = "calibrate";
        ClusterSpec cluster = new ClusterSpec(3, ClusterSpec.DEFAULT_HEAP_MB, Map.of(), List.of(new TopicSpec(topic, partitions, 3, 2)));
        boolean keyed = name.contains("spread");
        ProducerGroupSpec p = new ProducerGroupSpec("p", topic, producers, recordsPerSec, keyed ? 8 : 0, valueBytes,
                keyed ? Keys.RANDOM : Keys.NONE, Arrival.POISSON, Map.of("linger.ms", Integer.toString(lingerMs), "acks", acks));
        List<ConsumerGroupSpec> groups = new ArrayList<>();
        for (int g = 0; g < consumerGroups; g++) groups.add(new ConsumerGroupSpec("g" + g, List.of(topic), 1, Map.of()));
        return new Run(name, description, new RunSpec(cluster, new WorkloadSpec(List.of(p), groups, warmupSeconds, MEASURE_SECONDS, 11)));
    }
}
