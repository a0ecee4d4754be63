package io.tailsim.models.config;

/**
 * A group of identical producers writing one topic.
 *
 * @param arrival     per-producer arrival process of send() calls
 * @param keyBytes    serialized key size (0 for keyless)
 * @param valueBytes  serialized value size
 * @param az          availability zone index the producers' hosts sit in, or -1 to spread them round-robin over AZs
 */
public record ProducerGroupSpec(
        String name,
        String topic,
        int count,
        ArrivalProcess arrival,
        int keyBytes,
        int valueBytes,
        KeyStrategy keys,
        ProducerConfig config,
        int az) {

    public ProducerGroupSpec {
        ConfigException.requirePositive("count", count);
        ConfigException.requireNonNegative("key-bytes", keyBytes);
        ConfigException.requirePositive("value-bytes", valueBytes);
        if (config.maxRequestSize() < keyBytes + valueBytes) {
            throw new ConfigException("max.request.size", "is " + config.maxRequestSize()
                    + " bytes, smaller than one record (" + (keyBytes + valueBytes) + " bytes)");
        }
    }
}
