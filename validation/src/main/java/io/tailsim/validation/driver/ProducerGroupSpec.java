package io.tailsim.validation.driver;

import java.util.Map;
import java.util.Objects;

/**
 * {@code count} identical producers (one KafkaProducer and one sending thread each) sharing {@code recordsPerSec} evenly.
 *
 * @param recordsPerSec total for the group
 * @param recordBytes   value size; the first 8 bytes carry the intended send time, the rest is random (incompressible)
 * @param keyCount      0 for keyless records (the uniform sticky partitioner), else keys drawn uniformly from that many
 * @param configs       producer configs by Kafka name over {@link ClientConfigs#PRODUCER_DEFAULTS}
 */
public record ProducerGroupSpec(String name, String topic, int count, double recordsPerSec, int recordBytes, Arrival arrival,
                                int keyCount, Map<String, String> configs) {
    public ProducerGroupSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        arrival = arrival == null ? Arrival.CONSTANT : arrival;
        configs = configs == null ? Map.of() : Map.copyOf(configs);
        if (count < 1) throw new IllegalArgumentException("producer group " + name + ": count must be >= 1, got " + count);
        if (!(recordsPerSec > 0)) throw new IllegalArgumentException("producer group " + name + ": recordsPerSec must be > 0, got " + recordsPerSec);
        if (recordBytes < RecordStamp.BYTES)
            throw new IllegalArgumentException("producer group " + name + ": recordBytes must be >= " + RecordStamp.BYTES + " (the send-time stamp), got " + recordBytes);
        if (keyCount < 0) throw new IllegalArgumentException("producer group " + name + ": keyCount must be >= 0, got " + keyCount);
        ClientConfigs.requireNotHarnessOwned("producer group " + name, configs);
    }

    /** Value bytes per second offered by the whole group. */
    public double bytesPerSec() {
        return recordsPerSec * recordBytes;
    }

    public ProducerGroupSpec withCountAndRate(int newCount, double newRecordsPerSec) {
        return new ProducerGroupSpec(name, topic, newCount, newRecordsPerSec, recordBytes, arrival, keyCount, configs);
    }
}
