package io.tailsim.models.config;

/**
 * A group of identical producers writing one topic.
 *
 * @param arrival     per-producer arrival process of send() calls
 * @param keyBytes    serialized key size (0 for keyless)
 * @param valueBytes  serialized value size
 * @param az          availability zone index the producers' hosts sit in, or -1 to spread them round-robin over AZs
 * @param clientHosts machines the group's producers run on, round-robin (the latency blog: 9 Trogdor agents),
 *                    sharing each machine's {@link HardwareProfile#clientVcpus()} cores and NIC; 0 puts each
 *                    producer on a machine of its own whose CPU is not priced
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
        int az,
        int clientHosts) {

    public ProducerGroupSpec {
        ConfigException.requirePositive("count", count);
        ConfigException.requireNonNegative("key-bytes", keyBytes);
        ConfigException.requirePositive("value-bytes", valueBytes);
        ConfigException.requireNonNegative("client-hosts", clientHosts);
        if (config.maxRequestSize() < keyBytes + valueBytes) {
            throw new ConfigException("max.request.size", "is " + config.maxRequestSize()
                    + " bytes, smaller than one record (" + (keyBytes + valueBytes) + " bytes)");
        }
    }

    /** Each producer on a machine of its own (client CPU not priced). */
    public ProducerGroupSpec(String name, String topic, int count, ArrivalProcess arrival, int keyBytes, int valueBytes,
                             KeyStrategy keys, ProducerConfig config, int az) {
        this(name, topic, count, arrival, keyBytes, valueBytes, keys, config, az, 0);
    }
}
