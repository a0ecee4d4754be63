package io.tailsim.models.config;

import static io.tailsim.core.time.Time.MILLISECOND;

/**
 * Broker settings under Kafka's names. Defaults are Kafka's (server configs, 4.x).
 *
 * @param clientSecurityProtocol   security.protocol of the client listener (the latency blog: SASL_SSL)
 * @param interBrokerSecurityProtocol security.inter.broker.protocol (the latency blog: PLAINTEXT)
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
        SecurityProtocol interBrokerSecurityProtocol) {

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
    }

    public static BrokerConfig defaults() {
        return new BrokerConfig(3, 8, 500, 1, 500 * MILLISECOND, 1, 1 << 20, 10 << 20,
                30_000 * MILLISECOND, SecurityProtocol.PLAINTEXT, SecurityProtocol.PLAINTEXT);
    }
}
