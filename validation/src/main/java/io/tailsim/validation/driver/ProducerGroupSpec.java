package io.tailsim.validation.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code count} identical producers (one KafkaProducer and one sending thread each) sharing {@code recordsPerSec} evenly.
 *
 * @param recordsPerSec total for the group; 0 for {@link Arrival.Saturating} producers, which have no rate
 * @param keyBytes      key size (0: no key)
 * @param valueBytes    value size; the first 8 bytes carry the intended send time, the rest is random (incompressible)
 * @param keys          how keys and partitions are chosen
 * @param configs       producer configs by Kafka name over {@link ClientConfigs#PRODUCER_DEFAULTS}
 */
public record ProducerGroupSpec(String name, String topic, int count, double recordsPerSec, int keyBytes, int valueBytes, Keys keys,
                                Arrival arrival, Map<String, String> configs) {
    public ProducerGroupSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        arrival = arrival == null ? Arrival.CONSTANT : arrival;
        keys = keys == null ? Keys.NONE : keys;
        configs = configs == null ? Map.of() : Map.copyOf(configs);
        if (count < 1) throw new IllegalArgumentException("producer group " + name + ": count must be >= 1, got " + count);
        if (arrival instanceof Arrival.Saturating) {
            if (recordsPerSec != 0) throw new IllegalArgumentException("producer group " + name + ": saturating producers have no rate, got " + recordsPerSec);
        } else if (!(recordsPerSec > 0) || Double.isInfinite(recordsPerSec)) {
            throw new IllegalArgumentException("producer group " + name + ": recordsPerSec must be > 0, got " + recordsPerSec);
        }
        if (valueBytes < RecordStamp.BYTES)
            throw new IllegalArgumentException("producer group " + name + ": value bytes must be >= " + RecordStamp.BYTES + " (the send-time stamp), got " + valueBytes);
        if (keyBytes < 0) throw new IllegalArgumentException("producer group " + name + ": keyBytes must be >= 0, got " + keyBytes);
        if ((keys == Keys.SEQUENTIAL || keys == Keys.RANDOM) && keyBytes == 0)
            throw new IllegalArgumentException("producer group " + name + ": " + keys + " keys need keyBytes > 0");
        if (keys == Keys.NONE && keyBytes > 0 && "false".equalsIgnoreCase(configs.getOrDefault("partitioner.ignore.keys", "true").trim()))
            throw new IllegalArgumentException("producer group " + name + ": keyless partitioning with " + keyBytes
                    + "-byte keys needs partitioner.ignore.keys=true, but the spec sets it to false");
        ClientConfigs.requireNotHarnessOwned("producer group " + name, configs);
    }

    /** Keyless records with the key bytes only: the built-in partitioner must not hash them. */
    public Map<String, String> producerConfigs() {
        if (keys != Keys.NONE || keyBytes == 0) return configs;
        Map<String, String> m = new LinkedHashMap<>(configs);
        m.put("partitioner.ignore.keys", "true");
        return m;
    }

    public int recordBytes() {
        return keyBytes + valueBytes;
    }

    /** Records per second the group offers: Trogdor sends whole records per period; saturating producers offer no fixed rate (0). */
    public double offeredRecordsPerSec() {
        if (arrival instanceof Arrival.Trogdor t) return t.effectiveRecordsPerSec(recordsPerSec / count) * count;
        return recordsPerSec;
    }

    /** Key and value bytes per second offered by the whole group. */
    public double bytesPerSec() {
        return offeredRecordsPerSec() * recordBytes();
    }

    public ProducerGroupSpec withCountAndRate(int newCount, double newRecordsPerSec) {
        return new ProducerGroupSpec(name, topic, newCount, newRecordsPerSec, keyBytes, valueBytes, keys, arrival, configs);
    }
}
