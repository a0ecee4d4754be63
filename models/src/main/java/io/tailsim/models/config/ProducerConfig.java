package io.tailsim.models.config;

import static io.tailsim.core.time.Time.MILLISECOND;

/**
 * Producer settings under Kafka's names. Defaults are Kafka 4.x's ProducerConfig defaults
 * (linger.ms is 5 since 4.0; the seed experiments set it explicitly).
 */
public record ProducerConfig(
        long lingerNanos,
        int batchSize,
        Acks acks,
        CompressionType compressionType,
        int maxInFlightRequestsPerConnection,
        long bufferMemory,
        int maxRequestSize,
        long requestTimeoutNanos,
        long deliveryTimeoutNanos,
        long metadataMaxAgeNanos,
        Partitioner partitioner,
        boolean adaptivePartitioning) {

    public ProducerConfig {
        ConfigException.requireNonNegative("linger.ms", lingerNanos);
        ConfigException.requirePositive("batch.size", batchSize);
        ConfigException.requirePositive("max.in.flight.requests.per.connection", maxInFlightRequestsPerConnection);
        ConfigException.requirePositive("buffer.memory", bufferMemory);
        ConfigException.requirePositive("max.request.size", maxRequestSize);
        ConfigException.requirePositive("request.timeout.ms", requestTimeoutNanos);
        ConfigException.requirePositive("delivery.timeout.ms", deliveryTimeoutNanos);
        ConfigException.requirePositive("metadata.max.age.ms", metadataMaxAgeNanos);
        if (bufferMemory < batchSize) {
            throw new ConfigException("buffer.memory", "must be at least batch.size (" + batchSize + "), got " + bufferMemory);
        }
    }

    public static ProducerConfig defaults() {
        return new ProducerConfig(5 * MILLISECOND, 16_384, Acks.ALL, CompressionType.NONE, 5, 32L << 20, 1 << 20,
                30_000 * MILLISECOND, 120_000 * MILLISECOND, 300_000 * MILLISECOND, Partitioner.UNIFORM_STICKY, true);
    }
}
