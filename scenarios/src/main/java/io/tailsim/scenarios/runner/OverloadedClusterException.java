package io.tailsim.scenarios.runner;

import io.tailsim.models.report.OverloadException;

/**
 * The scenario offers more load than the simulated cluster can carry. It is the user's scenario,
 * not tailsim, that is at fault, so the command line reports it without a stack trace (exit 2).
 */
public final class OverloadedClusterException extends RuntimeException {
    private final String resource;

    public OverloadedClusterException(String scenario, int replication, OverloadException cause) {
        super(String.format(java.util.Locale.ROOT,
                "%s: the cluster cannot carry this load: %s (replication %d, at %.1f s simulated). "
                        + "Lower the offered load or add capacity (brokers, vCPUs, partitions per broker).",
                scenario, cause.getMessage(), replication, cause.atNanos() / 1e9));
        this.resource = cause.resource();
    }

    /** What could not keep up, e.g. "broker-3 CPU". */
    public String resource() {
        return resource;
    }
}
