package io.tailsim.validation.driver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every producer and consumer config the driver sets, explicitly: Kafka 4 changed defaults (linger.ms 0 -> 5 in 4.0), so a
 * run must not depend on which client version fills the gaps. The values below are Kafka 4.4's own defaults except where a
 * comment says why not; a spec's configs replace them key by key.
 */
public final class ClientConfigs {
    /** Set by the harness: the cluster's address, the byte[] payload that carries the send-time stamp, and per-client names. */
    static final Set<String> HARNESS_OWNED = Set.of("bootstrap.servers", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer", "client.id", "group.id", "transactional.id");

    /** Consumer configs the classic group protocol takes and the KIP-848 "consumer" protocol rejects. */
    static final Set<String> CLASSIC_ONLY = Set.of("partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms");

    public static final Map<String, String> PRODUCER_DEFAULTS = ordered(
            "acks", "all",
            "linger.ms", "5",
            "batch.size", "16384",
            "compression.type", "none",
            "max.in.flight.requests.per.connection", "5",
            "buffer.memory", "33554432",
            "enable.idempotence", "true",
            "max.request.size", "1048576",
            "request.timeout.ms", "30000",
            "delivery.timeout.ms", "120000",
            "retries", "2147483647",
            "retry.backoff.ms", "100",
            "retry.backoff.max.ms", "1000",
            "max.block.ms", "60000",
            "partitioner.adaptive.partitioning.enable", "true",
            "partitioner.availability.timeout.ms", "0",
            "partitioner.ignore.keys", "false",
            "send.buffer.bytes", "131072",
            "receive.buffer.bytes", "32768",
            "metadata.max.age.ms", "300000",
            "metadata.max.idle.ms", "300000",
            "connections.max.idle.ms", "540000",
            "reconnect.backoff.ms", "50",
            "reconnect.backoff.max.ms", "1000",
            "socket.connection.setup.timeout.ms", "10000",
            "socket.connection.setup.timeout.max.ms", "30000",
            "enable.metrics.push", "true",
            "key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
            "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");

    public static final Map<String, String> CONSUMER_DEFAULTS = ordered(
            "group.protocol", "classic",
            "fetch.min.bytes", "1",
            "fetch.max.wait.ms", "500",
            "fetch.max.bytes", "52428800",
            "max.partition.fetch.bytes", "1048576",
            "max.poll.records", "500",
            "max.poll.interval.ms", "300000",
            "session.timeout.ms", "45000",
            "heartbeat.interval.ms", "3000",
            "partition.assignment.strategy",
            "org.apache.kafka.clients.consumer.RangeAssignor,org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
            // Kafka's default is latest; topics are fresh per run, so earliest loses nothing produced before the group settled.
            "auto.offset.reset", "earliest",
            "enable.auto.commit", "true",
            "auto.commit.interval.ms", "5000",
            "isolation.level", "read_uncommitted",
            "check.crcs", "true",
            "send.buffer.bytes", "131072",
            "receive.buffer.bytes", "65536",
            "request.timeout.ms", "30000",
            "default.api.timeout.ms", "60000",
            "metadata.max.age.ms", "300000",
            "connections.max.idle.ms", "540000",
            "reconnect.backoff.ms", "50",
            "reconnect.backoff.max.ms", "1000",
            "retry.backoff.ms", "100",
            "retry.backoff.max.ms", "1000",
            "client.rack", "",
            "enable.metrics.push", "true",
            "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");

    private ClientConfigs() {
    }

    static void requireNotHarnessOwned(String who, Map<String, String> spec) {
        Set<String> bad = new TreeSet<>(spec.keySet());
        bad.retainAll(HARNESS_OWNED);
        if (!bad.isEmpty()) throw new IllegalArgumentException(who + ": configs " + bad + " are set by the harness");
    }

    /**
     * Producer config: defaults, then the spec. If the spec weakens delivery (acks 0 or 1, more than 5 in flight, or no
     * retries) without naming enable.idempotence, idempotence is turned off as Kafka does when that key is left unset;
     * setting it to true explicitly would make KafkaProducer refuse the config.
     */
    public static Properties producer(String bootstrap, String clientId, Map<String, String> spec) {
        requireNotHarnessOwned("producer " + clientId, spec);
        Map<String, String> m = new LinkedHashMap<>(PRODUCER_DEFAULTS);
        m.putAll(spec);
        if (!spec.containsKey("enable.idempotence")) {
            String acks = m.get("acks").trim();
            boolean weak = !(acks.equals("all") || acks.equals("-1"))
                    || Integer.parseInt(m.get("max.in.flight.requests.per.connection").trim()) > 5
                    || Integer.parseInt(m.get("retries").trim()) == 0;
            if (weak) m.put("enable.idempotence", "false");
        }
        m.put("bootstrap.servers", bootstrap);
        m.put("client.id", clientId);
        return toProperties(m);
    }

    /** Consumer config: defaults, then the spec; the classic-only keys are dropped under group.protocol=consumer unless the spec set them. */
    public static Properties consumer(String bootstrap, String clientId, String groupId, Map<String, String> spec) {
        requireNotHarnessOwned("consumer " + clientId, spec);
        Map<String, String> m = new LinkedHashMap<>(CONSUMER_DEFAULTS);
        m.putAll(spec);
        if ("consumer".equalsIgnoreCase(m.get("group.protocol").trim())) {
            for (String k : CLASSIC_ONLY) if (!spec.containsKey(k)) m.remove(k);
            // The broker's first group.consumer.assignors entry, named so the choice is explicit.
            m.putIfAbsent("group.remote.assignor", "uniform");
        }
        m.put("bootstrap.servers", bootstrap);
        m.put("client.id", clientId);
        m.put("group.id", groupId);
        return toProperties(m);
    }

    private static Properties toProperties(Map<String, String> m) {
        Properties p = new Properties();
        p.putAll(m);
        return p;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
