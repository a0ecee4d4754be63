package io.tailsim.cli;

import picocli.CommandLine.Option;

/** --replications and --threads, shared by run, sweep and reproduce (a picocli mixin). */
final class ParallelOptions {
    @Option(names = "--replications", paramLabel = "N",
            description = "Independent replications of every scenario (default: each scenario's own).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", description = "Parallel jobs (default: cores). Results do not depend on it.")
    Integer threads;

    /** The replications override, checked; null keeps each scenario's own. */
    Integer replications() {
        if (replications != null) {
            Options.requirePositive("--replications", replications);
        }
        return replications;
    }

    /** The thread count, checked; {@code jobs} caps the default (no idle threads). */
    int threads(int jobs) {
        int t = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, jobs));
        Options.requirePositive("--threads", t);
        return t;
    }
}
