package io.tailsim.scenarios.omb;

import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.NONE;

import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.schema.KafkaConfigNames;
import io.tailsim.scenarios.schema.ScenarioSchema;
import io.tailsim.scenarios.schema.Schema;
import io.tailsim.scenarios.schema.Section;
import io.tailsim.scenarios.schema.Suggest;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;
import io.tailsim.scenarios.yaml.ScalarNode;
import io.tailsim.scenarios.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands an OpenMessaging Benchmark workload file and Kafka driver file into a scenario tree, the
 * way OMB itself would set the test up, so one mapper validates both kinds of input. Errors name
 * the OMB file and line.
 *
 * <p>What OMB does, and so what this builds (io.openmessaging.benchmark.WorkloadGenerator,
 * LocalWorker, driver-kafka): {@code topics} topics of {@code partitionsPerTopic} partitions with
 * the driver's {@code replicationFactor} and {@code topicConfig}; {@code producersPerTopic}
 * producers per topic sharing {@code producerRate} messages/s in total, paced evenly by a
 * uniform rate limiter (constant arrivals; a rate of 0 asks OMB to find the highest sustainable
 * rate, modelled as saturating producers); {@code subscriptionsPerTopic} consumer groups of
 * {@code consumerPerSubscription} consumers per topic; values of {@code messageSize} bytes; keys
 * from {@code keyDistributor}: none, or one of 10,000 random 7-byte strings base64url-encoded
 * (10 bytes) cycled in order (KEY_ROUND_ROBIN) or picked at random (RANDOM_NANO); the run lasts
 * {@code warmupDurationMinutes} (default 1) then {@code testDurationMinutes}.
 */
public final class OmbLoader {
    /** The scenario tree OMB's files describe, and what was read but not modelled. */
    public record Expanded(MapNode tree, List<String> notes) {
    }

    static final Schema WORKLOAD = Schema.fields(NONE, "name", "topics", "partitionsPerTopic", "keyDistributor",
            "messageSize", "useRandomizedPayloads", "randomBytesRatio", "randomizedPayloadPoolSize", "payloadFile",
            "subscriptionsPerTopic", "producersPerTopic", "consumerPerSubscription", "producerRate",
            "consumerBacklogSizeGB", "backlogDrainRatio", "testDurationMinutes", "warmupDurationMinutes", "consumerOnly");

    static final Schema DRIVER = Schema.fields(NONE, "name", "driverClass", "replicationFactor", "reset",
            "topicConfig", "commonConfig", "producerConfig", "consumerConfig");

    /** OMB's KeyDistributor keys: 7 random bytes, base64url without padding. */
    private static final int OMB_KEY_BYTES = 10;

    private static final Set<String> PRODUCER_KEYS = new LinkedHashSet<>(Arrays.asList(ScenarioSchema.PRODUCER_CONFIGS));
    private static final Set<String> CONSUMER_KEYS = new LinkedHashSet<>(Arrays.asList(ScenarioSchema.CONSUMER_CONFIGS));

    static {
        PRODUCER_KEYS.remove("partitioner");
    }

    private final List<String> notes = new ArrayList<>();

    private OmbLoader() {
    }

    public static Expanded expand(Path workloadFile, Path driverFile) {
        OmbLoader l = new OmbLoader();
        MapNode tree = l.build(workloadFile, driverFile);
        return new Expanded(tree, List.copyOf(l.notes));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file, "no such file", null);
        } catch (IOException e) {
            throw new ScenarioException(file, "cannot read: " + e.getMessage(), null);
        }
    }

    private MapNode build(Path workloadFile, Path driverFile) {
        Section w = Section.of(YamlReader.parse(read(workloadFile), workloadFile,
                "an OpenMessaging Benchmark workload: topics, partitionsPerTopic, messageSize, producerRate, ..."), "", WORKLOAD);
        String driverText = read(driverFile);
        Section d = Section.of(YamlReader.parse(driverText, driverFile,
                "an OpenMessaging Benchmark driver: replicationFactor, topicConfig, producerConfig, consumerConfig"), "", DRIVER);

        if (w.integer("consumerBacklogSizeGB", 0L) > 0) {
            throw w.error("consumerBacklogSizeGB", "backlog build-and-drain tests are not modelled; set it to 0");
        }
        if (w.bool("consumerOnly", false)) {
            throw w.error("consumerOnly", "consumer-only tests read a backlog, which is not modelled");
        }
        if (w.has("payloadFile")) {
            note(w.locate("payloadFile"), "payloadFile", "the payload's bytes matter only to compression; its size is messageSize");
        }
        if (d.has("driverClass") && !d.text("driverClass").orElseThrow().endsWith(".KafkaBenchmarkDriver")) {
            throw d.error("driverClass", "expected io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver, got "
                    + d.text("driverClass").orElseThrow());
        }

        int topics = required(w, "topics");
        int partitions = required(w, "partitionsPerTopic");
        int producersPerTopic = required(w, "producersPerTopic");
        int messageSize = required(w, "messageSize");
        int testMinutes = required(w, "testDurationMinutes");
        int warmupMinutes = w.integer("warmupDurationMinutes", 1, 0);
        int subscriptions = w.integer("subscriptionsPerTopic", 0, 0);
        int consumersPerSubscription = w.integer("consumerPerSubscription", 0, 0);
        if (subscriptions > 0 && consumersPerSubscription == 0) {
            throw w.error("consumerPerSubscription", "is 0 but subscriptionsPerTopic is " + subscriptions);
        }
        long producerRate = w.integer("producerRate", 0L);
        if (producerRate < 0) {
            throw w.error("producerRate", "must not be negative");
        }
        String keys = w.choice("keyDistributor", Map.of("no_key", "none", "key_round_robin", "sequential",
                "random_nano", "random"), "none");
        int replicationFactor = required(d, "replicationFactor");

        Map<String, KafkaProperties.Setting> topicConfig = properties(d, "topicConfig", driverText);
        Map<String, KafkaProperties.Setting> common = properties(d, "commonConfig", driverText);
        Map<String, KafkaProperties.Setting> producerConfig = properties(d, "producerConfig", driverText);
        Map<String, KafkaProperties.Setting> consumerConfig = properties(d, "consumerConfig", driverText);

        Location origin = w.location();
        MapNode root = new MapNode(origin);
        MapNode cluster = put(root, "cluster", new MapNode(origin), origin);
        MapNode topicsNode = put(root, "topics", new MapNode(w.locate("topics")), w.locate("topics"));
        MapNode producers = put(root, "producers", new MapNode(w.locate("producersPerTopic")), w.locate("producersPerTopic"));
        MapNode consumers = new MapNode(w.locate("subscriptionsPerTopic"));

        MapNode producerSettings = new MapNode(d.location());
        MapNode consumerSettings = new MapNode(d.location());
        for (KafkaProperties.Setting s : common.values()) {
            if (s.key().equals("security.protocol")) {
                put(cluster, "security.protocol", scalar(s.value(), s.location()), s.location());
                continue;
            }
            boolean used = false;
            if (PRODUCER_KEYS.contains(s.key())) {
                put(producerSettings, s.key(), scalar(s.value(), s.location()), s.location());
                used = true;
            }
            if (CONSUMER_KEYS.contains(s.key())) {
                put(consumerSettings, s.key(), scalar(s.value(), s.location()), s.location());
                used = true;
            }
            boolean known = KafkaConfigNames.isKafkaConfig(KafkaConfigNames.Family.PRODUCER, s.key())
                    || KafkaConfigNames.isKafkaConfig(KafkaConfigNames.Family.CONSUMER, s.key());
            if (!used) {
                unmodelled(s, known, "commonConfig", union(PRODUCER_KEYS, CONSUMER_KEYS), "client");
            }
        }
        for (KafkaProperties.Setting s : producerConfig.values()) {
            if (s.key().equals("partitioner.class")) {
                put(producerSettings, "partitioner", scalar(partitioner(s), s.location()), s.location());
            } else if (PRODUCER_KEYS.contains(s.key())) {
                put(producerSettings, s.key(), scalar(s.value(), s.location()), s.location());
            } else {
                unmodelled(s, KafkaConfigNames.isKafkaConfig(KafkaConfigNames.Family.PRODUCER, s.key()), "producerConfig",
                        PRODUCER_KEYS, "producer");
            }
        }
        for (KafkaProperties.Setting s : consumerConfig.values()) {
            if (CONSUMER_KEYS.contains(s.key())) {
                put(consumerSettings, s.key(), scalar(s.value(), s.location()), s.location());
            } else if (s.key().equals("group.id")) {
                note(s.location(), "group.id", "OMB replaces it with one group per subscription");
            } else {
                unmodelled(s, KafkaConfigNames.isKafkaConfig(KafkaConfigNames.Family.CONSUMER, s.key()), "consumerConfig",
                        CONSUMER_KEYS, "consumer");
            }
        }
        // KafkaBenchmarkConsumer reads enable.auto.commit with "false" as its default and, unless it is
        // true, calls commitAsync with the polled records' offsets after every poll that returned any
        KafkaProperties.Setting autoCommit = consumerConfig.get("enable.auto.commit");
        if (autoCommit == null || !autoCommit.value().equals("true")) {
            Location at = autoCommit == null ? d.location() : autoCommit.location();
            put(consumerSettings, "commit-per-poll", scalar("true", at), at);
        }
        KafkaProperties.Setting minIsr = null;
        for (KafkaProperties.Setting s : topicConfig.values()) {
            if (s.key().equals("min.insync.replicas")) {
                minIsr = s;
            } else {
                unmodelled(s, KafkaConfigNames.isKafkaConfig(KafkaConfigNames.Family.TOPIC, s.key()), "topicConfig",
                        Set.of("min.insync.replicas"), "topic");
            }
        }

        int totalProducers = topics * producersPerTopic;
        for (int t = 0; t < topics; t++) {
            String topic = "test-topic-" + t;
            MapNode tn = put(topicsNode, topic, new MapNode(w.locate("topics")), w.locate("topics"));
            put(tn, "partitions", integer(partitions, w.locate("partitionsPerTopic")), w.locate("partitionsPerTopic"));
            put(tn, "replication.factor", integer(replicationFactor, d.locate("replicationFactor")), d.locate("replicationFactor"));
            if (minIsr != null) {
                put(tn, "min.insync.replicas", scalar(minIsr.value(), minIsr.location()), minIsr.location());
            }

            Location p = w.locate("producersPerTopic");
            MapNode g = put(producers, topic, producerSettings.copy(), p);
            put(g, "topic", scalar(topic, p), p);
            put(g, "count", integer(producersPerTopic, p), p);
            Location rateAt = w.has("producerRate") ? w.locate("producerRate") : w.location();
            if (producerRate == 0) {
                put(g, "arrival", scalar("saturating", rateAt), rateAt);
                note(rateAt, "producerRate", "0: OMB searches for the highest sustainable rate; modelled as saturating producers");
            } else {
                put(g, "arrival", scalar("constant", rateAt), rateAt);
                double each = producerRate / (double) totalProducers;
                put(g, "rate-per-producer", scalar(plain(each) + " records/s", rateAt), rateAt);
            }
            MapNode record = put(g, "record", new MapNode(w.locate("messageSize")), w.locate("messageSize"));
            put(record, "value-bytes", integer(messageSize, w.locate("messageSize")), w.locate("messageSize"));
            Location keysAt = w.has("keyDistributor") ? w.locate("keyDistributor") : w.location();
            put(record, "key-bytes", integer(keys.equals("none") ? 0 : OMB_KEY_BYTES, keysAt), keysAt);
            put(g, "keys", scalar(keys, keysAt), keysAt);

            for (int s = 0; s < subscriptions; s++) {
                Location c = w.locate("consumerPerSubscription");
                MapNode cg = put(consumers, String.format("%s-sub-%03d", topic, s), consumerSettings.copy(), c);
                put(cg, "topic", scalar(topic, c), c);
                put(cg, "count", integer(consumersPerSubscription, c), c);
            }
        }
        if (!consumers.isEmpty()) {
            put(root, "consumers", consumers, consumers.location());
        }
        Location dur = w.locate("testDurationMinutes");
        put(root, "duration", scalar((testMinutes + warmupMinutes) + "m", dur), dur);
        Location warm = w.has("warmupDurationMinutes") ? w.locate("warmupDurationMinutes") : dur;
        put(root, "warmup", scalar(warmupMinutes == 0 ? "0" : warmupMinutes + "m", warm), warm);
        w.text("name").ifPresent(n -> put(root, "description", scalar(n, w.locate("name")), w.locate("name")));
        return root;
    }

    private static int required(Section s, String key) {
        if (!s.has(key)) {
            throw new ScenarioException(s.location(), key, "missing: OMB needs " + key);
        }
        return s.positive(key, 1);
    }

    private static Map<String, KafkaProperties.Setting> properties(Section d, String key, String text) {
        Node n = d.node(key).orElse(null);
        if (n == null) {
            return Map.of();
        }
        if (!(n instanceof ScalarNode s) || s.isNull()) {
            throw d.error(key, "expected a block of key=value lines (" + key + ": |), got " + n.describe());
        }
        return KafkaProperties.parse(s, text, key);
    }

    private static String partitioner(KafkaProperties.Setting s) {
        switch (s.value()) {
            case "org.apache.kafka.clients.producer.internals.DefaultPartitioner":
            case "org.apache.kafka.clients.producer.UniformStickyPartitioner":
                return "sticky";
            default:
                throw new ScenarioException(s.location(), "partitioner.class", "'" + s.value() + "' is not modelled; "
                        + "leave partitioner.class out for Kafka's built-in partitioner, or use DefaultPartitioner or "
                        + "UniformStickyPartitioner (KIP-480 sticky)");
        }
    }

    /** A Kafka setting tailsim does not model is noted and skipped; anything else is a typo. */
    private void unmodelled(KafkaProperties.Setting s, boolean kafkaKnows, String block, Set<String> modelled, String family) {
        if (kafkaKnows) {
            note(s.location(), s.key(), s.value() + " (a Kafka " + family + " config) is not modelled; ignored");
            return;
        }
        throw new ScenarioException(s.location(), block + "." + s.key(), "'" + s.key() + "' is not a Kafka " + family
                + " config" + Suggest.nearest(s.key(), modelled).map(n -> "; did you mean '" + n + "'?").orElse(""));
    }

    private void note(Location at, String key, String text) {
        notes.add(at + ": " + key + ": " + text);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static <N extends Node> N put(MapNode map, String key, N value, Location at) {
        map.put(new MapNode.Entry(key, at, value));
        return value;
    }

    private static ScalarNode scalar(String text, Location at) {
        return new ScalarNode(text, ScalarNode.Type.STRING, at);
    }

    private static ScalarNode integer(long v, Location at) {
        return new ScalarNode(Long.toString(v), ScalarNode.Type.INTEGER, at);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
