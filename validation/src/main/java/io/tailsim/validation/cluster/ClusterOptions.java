package io.tailsim.validation.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the harness runs a cluster (not what the cluster is: that is {@link ClusterSpec}).
 *
 * @param baseDir      where run folders and the run registry live
 * @param startTimeout how long all nodes may take to log "Kafka Server started" and form the cluster (8-15 s each here)
 * @param stopGrace    how long nodes get after SIGTERM before SIGKILL (a clean shutdown took about 8 s here)
 * @param brokerWarmup how long the brokers carry the run's own load before its warm-up starts, so that the measured window
 *                     sees JVMs whose JIT compilers have settled ({@link #DEFAULT_BROKER_WARMUP})
 * @param schedTrace   trace Linux's scheduler (perf) for the first {@code length} of the measured window and write what it
 *                     says to {@code out} ({@link io.tailsim.validation.metrics.SchedTrace}); null for none
 */
public record ClusterOptions(Path baseDir, Path javaExecutable, Duration startTimeout, Duration stopGrace, Duration brokerWarmup,
                             SchedTraceRequest schedTrace) {

    /** Trace the scheduler for {@code length} from the window's start; the figures go to {@code out} (JSON). */
    public record SchedTraceRequest(Duration length, Path out) {
        public SchedTraceRequest {
            if (length == null || length.isNegative() || length.isZero()) throw new IllegalArgumentException("trace length must be > 0, got " + length);
        }

        public double seconds() {
            return length.toNanos() / 1e9;
        }
    }

    /**
     * 90 s. Three nodes a 10 s warm-up into their life spent 0.56 cores of this machine's 2 on their JIT compiler threads
     * during the suite's base scenario (median of 35 runs), and each request cost about twice what it did later: one run
     * each of base and producers-90 measured after 10, 40 and 100 s (2026-12-06 17:13-17:23 UTC) gave JIT threads 0.61,
     * 0.20 and 0.09 cores, request-handler threads 0.140, 0.078 and 0.066 cores, and a producer p50 of 18.6, 9.5 and 7.8 ms
     * for the same load (docs/validation-repeatability.md, Session 13). A cluster in service runs warm; so is the model's.
     */
    public static final Duration DEFAULT_BROKER_WARMUP = Duration.ofSeconds(90);

    public ClusterOptions {
        if (brokerWarmup == null || brokerWarmup.isNegative()) throw new IllegalArgumentException("broker warm-up must be >= 0, got " + brokerWarmup);
    }

    public static ClusterOptions defaults() {
        return new ClusterOptions(RunRegistry.defaultBase(), Path.of(System.getProperty("java.home"), "bin", "java"),
                Duration.ofSeconds(120), Duration.ofSeconds(15), DEFAULT_BROKER_WARMUP, null);
    }

    public ClusterOptions withBrokerWarmup(Duration d) {
        return new ClusterOptions(baseDir, javaExecutable, startTimeout, stopGrace, d, schedTrace);
    }

    public ClusterOptions withSchedTrace(SchedTraceRequest t) {
        return new ClusterOptions(baseDir, javaExecutable, startTimeout, stopGrace, brokerWarmup, t);
    }

    public double brokerWarmupSeconds() {
        return brokerWarmup.toNanos() / 1e9;
    }
}
