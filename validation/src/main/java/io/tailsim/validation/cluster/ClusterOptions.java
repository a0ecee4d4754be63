package io.tailsim.validation.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the harness runs a cluster (not what the cluster is: that is {@link ClusterSpec}).
 *
 * @param baseDir      where run folders and the run registry live
 * @param startTimeout how long all nodes may take to log "Kafka Server started" and form the cluster (8-15 s each here)
 * @param stopGrace    how long nodes get after SIGTERM before SIGKILL (a clean shutdown took about 8 s here)
 */
public record ClusterOptions(Path baseDir, Path javaExecutable, Duration startTimeout, Duration stopGrace) {
    public static ClusterOptions defaults() {
        return new ClusterOptions(RunRegistry.defaultBase(), Path.of(System.getProperty("java.home"), "bin", "java"),
                Duration.ofSeconds(120), Duration.ofSeconds(15));
    }
}
