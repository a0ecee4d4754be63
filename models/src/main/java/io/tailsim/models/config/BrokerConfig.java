package io.tailsim.models.config;

import static io.tailsim.core.time.Time.MILLISECOND;

/**
 * Broker settings under Kafka's names. Defaults are Kafka's (server configs, 4.x).
 *
 * @param clientSecurityProtocol   security.protocol of the client listener (the latency blog: SASL_SSL)
 * @param interBrokerSecurityProtocol security.inter.broker.protocol (the latency blog: PLAINTEXT)
 * @param processRoles             process.roles of every node (broker: the metadata quorum lives elsewhere)
 * @param metadataMaxIdleIntervalNanos metadata.max.idle.interval.ms: how often an idle quorum leader appends a NoOpRecord
 */
public record BrokerConfig(
        int numNetworkThreads,
        int numIoThreads,
        int queuedMaxRequests,
        int numReplicaFetchers,
        long replicaFetchWaitMaxNanos,
        int replicaFetchMinBytes,
        int replicaFetchMaxBytes,
        int replicaFetchResponseMaxBytes,
        long replicaLagTimeMaxNanos,
        SecurityProtocol clientSecurityProtocol,
        SecurityProtocol interBrokerSecurityProtocol,
        ProcessRoles processRoles,
        long metadataMaxIdleIntervalNanos) {

    public BrokerConfig {
        ConfigException.requirePositive("num.network.threads", numNetworkThreads);
        ConfigException.requirePositive("num.io.threads", numIoThreads);
        ConfigException.requirePositive("queued.max.requests", queuedMaxRequests);
        ConfigException.requirePositive("num.replica.fetchers", numReplicaFetchers);
        ConfigException.requireNonNegative("replica.fetch.wait.max.ms", replicaFetchWaitMaxNanos);
        ConfigException.requirePositive("replica.fetch.min.bytes", replicaFetchMinBytes);
        ConfigException.requirePositive("replica.fetch.max.bytes", replicaFetchMaxBytes);
        ConfigException.requirePositive("replica.fetch.response.max.bytes", replicaFetchResponseMaxBytes);
        ConfigException.requirePositive("replica.lag.time.max.ms", replicaLagTimeMaxNanos);
        ConfigException.requirePositive("metadata.max.idle.interval.ms", metadataMaxIdleIntervalNanos);
        if (processRoles == null) {
            throw new ConfigException("process.roles", "must be broker or broker,controller");
        }
    }

    /** Nodes with process.roles=broker (the quorum elsewhere) and Kafka's metadata.max.idle.interval.ms. */
    public BrokerConfig(int numNetworkThreads, int numIoThreads, int queuedMaxRequests, int numReplicaFetchers,
                        long replicaFetchWaitMaxNanos, int replicaFetchMinBytes, int replicaFetchMaxBytes,
                        int replicaFetchResponseMaxBytes, long replicaLagTimeMaxNanos,
                        SecurityProtocol clientSecurityProtocol, SecurityProtocol interBrokerSecurityProtocol) {
        this(numNetworkThreads, numIoThreads, queuedMaxRequests, numReplicaFetchers, replicaFetchWaitMaxNanos,
                replicaFetchMinBytes, replicaFetchMaxBytes, replicaFetchResponseMaxBytes, replicaLagTimeMaxNanos,
                clientSecurityProtocol, interBrokerSecurityProtocol, ProcessRoles.BROKER, 500 * MILLISECOND);
    }

    /** These settings with every node's process.roles set to {@code roles}. */
    public BrokerConfig withProcessRoles(ProcessRoles roles) {
        return new BrokerConfig(numNetworkThreads, numIoThreads, queuedMaxRequests, numReplicaFetchers,
                replicaFetchWaitMaxNanos, replicaFetchMinBytes, replicaFetchMaxBytes, replicaFetchResponseMaxBytes,
                replicaLagTimeMaxNanos, clientSecurityProtocol, interBrokerSecurityProtocol, roles,
                metadataMaxIdleIntervalNanos);
    }

    public static BrokerConfig defaults() {
        return new BrokerConfig(3, 8, 500, 1, 500 * MILLISECOND, 1, 1 << 20, 10 << 20,
                30_000 * MILLISECOND, SecurityProtocol.PLAINTEXT, SecurityProtocol.PLAINTEXT);
    }
}
