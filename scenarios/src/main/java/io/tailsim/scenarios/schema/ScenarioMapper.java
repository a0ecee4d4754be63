package io.tailsim.scenarios.schema;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.core.dist.Distribution;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.ConfigException;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.config.ConsumerGroupSpec;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.Partitioner;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.models.config.ProducerConfig;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.ProcessRoles;
import io.tailsim.models.config.SecurityProtocol;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.profile.Testbed;
import io.tailsim.scenarios.units.Rate;
import io.tailsim.scenarios.units.Units;
import io.tailsim.scenarios.yaml.ListNode;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a scenario tree into the model's {@link ClusterSpec}. Kafka's defaults fill absent keys
 * (the records' {@code defaults()}); every check that involves two keys is made here, before the
 * records see the values, so the message can point at the right line.
 */
public final class ScenarioMapper {
    /** What a scenario file says besides the ClusterSpec. */
    public record Mapped(ClusterSpec spec, int replications, String description, Testbed testbed) {
    }

    private static final Map<String, SecurityProtocol> SECURITY = choices(SecurityProtocol.values(), SecurityProtocol::name);
    private static final Map<String, ProcessRoles> ROLES = choices(ProcessRoles.values(), ProcessRoles::value);
    private static final Map<String, KeyStrategy> KEYS = Map.of("none", KeyStrategy.NONE,
            "sequential", KeyStrategy.SEQUENTIAL, "random", KeyStrategy.RANDOM,
            "round-robin", KeyStrategy.ROUND_ROBIN, "own-partition", KeyStrategy.OWN_PARTITION);
    private static final Map<String, Partitioner> PARTITIONERS = Map.of("uniform-sticky", Partitioner.UNIFORM_STICKY,
            "sticky", Partitioner.STICKY, "keyed", Partitioner.KEYED);
    private static final Map<String, ConsumerConfig.AssignmentStrategy> ASSIGNORS = Map.of(
            "range", ConsumerConfig.AssignmentStrategy.RANGE,
            "cooperative-sticky", ConsumerConfig.AssignmentStrategy.COOPERATIVE_STICKY,
            "org.apache.kafka.clients.consumer.rangeassignor", ConsumerConfig.AssignmentStrategy.RANGE,
            "org.apache.kafka.clients.consumer.cooperativestickyassignor", ConsumerConfig.AssignmentStrategy.COOPERATIVE_STICKY);
    private static final List<String> ARRIVALS = List.of("constant", "poisson", "on-off", "trogdor", "saturating");
    /** Trogdor ProduceBench's THROTTLE_PERIOD_MS. */
    private static final long TROGDOR_PERIOD = 100_000_000L;

    private final Function<Path, Testbed> profiles;

    /** {@code profiles} loads (and may cache) a profile file. */
    public ScenarioMapper(Function<Path, Testbed> profiles) {
        this.profiles = profiles;
    }

    public Mapped map(MapNode tree) {
        Section root = Section.of(tree, "", ScenarioSchema.ROOT);
        if (root.has("omb")) {
            throw root.keyError("omb", "OpenMessaging Benchmark files must be expanded before mapping");
        }
        Testbed testbed = profile(root);
        MapNode clusterTree = root.node("cluster").map(n -> KeyPaths.overlay(testbed.clusterDefaults(),
                Section.requireMap(n, "cluster"))).orElse(testbed.clusterDefaults());
        Section cluster = Section.of(clusterTree, "cluster", ScenarioSchema.CLUSTER);

        if (!cluster.has("brokers")) {
            throw new ScenarioException(cluster.location(), "cluster.brokers",
                    "missing: set the broker count under cluster: or in the profile's testbed:");
        }
        int brokers = cluster.positive("brokers", 1);
        int zones = cluster.positive("availability-zones", 1);
        HardwareProfile hardware = cluster.has("brokers-per-host")
                ? withBrokersPerHost(testbed.hardware(), cluster.positive("brokers-per-host", 1))
                : testbed.hardware();
        BrokerConfig broker = brokerConfig(cluster);

        long duration = root.requiredDuration("duration", "how long to simulate, e.g. 10m");
        if (duration <= 0) {
            throw root.error("duration", "must be longer than 0");
        }
        long warmup = root.duration("warmup").orElse(duration / 10);
        if (warmup >= duration) {
            throw root.error("warmup", "is " + Units.formatDuration(warmup) + ", not shorter than duration ("
                    + Units.formatDuration(duration) + ")");
        }
        int replications = root.positive("replications", 3);
        long seed = root.integer("seed", 1L);

        Map<String, TopicSpec> topics = topics(root, cluster, brokers);
        List<ProducerGroupSpec> producers = new ArrayList<>();
        for (Map.Entry<String, Section> e : root.named("producers", ScenarioSchema.PRODUCER_ENTRY)) {
            producers.add(producerGroup(e.getKey(), e.getValue(), topics, zones));
        }
        if (producers.isEmpty()) {
            throw new ScenarioException(root.locate("producers"), "producers", "missing: a scenario needs at least one producer group");
        }
        List<ConsumerGroupSpec> consumers = new ArrayList<>();
        for (Map.Entry<String, Section> e : root.named("consumers", ScenarioSchema.CONSUMER_ENTRY)) {
            consumers.add(consumerGroup(e.getKey(), e.getValue(), topics, zones));
        }
        List<PhaseChange> phases = Phases.read(root, topics, duration);

        ClusterSpec spec = build(root, Map.of("brokers", "cluster.brokers", "availability-zones", "cluster.availability-zones"),
                () -> new ClusterSpec(hardware, brokers, zones, broker,
                        new ArrayList<>(topics.values()), producers, consumers, phases, duration, warmup, seed));
        return new Mapped(spec, replications, root.text("description").orElse(""), testbed);
    }

    private Testbed profile(Section root) {
        String text = root.requiredText("profile", "a hardware profile file, e.g. ../../profiles/latency-blog-r5xlarge.yaml");
        Node node = root.node("profile").orElseThrow();
        Path base = node.location().file().toAbsolutePath().getParent();
        Path file = io.tailsim.scenarios.ShortPaths.shorten(base.resolve(text).normalize());
        if (!Files.isRegularFile(file)) {
            throw root.error("profile", "profile file not found: " + file + " (a path relative to "
                    + node.location().file().getFileName() + ")");
        }
        return profiles.apply(file);
    }

    private static HardwareProfile withBrokersPerHost(HardwareProfile h, int perHost) {
        return new HardwareProfile(h.name(), h.brokerVcpus(), perHost, h.clientsShareBrokerHost(), h.cpu(), h.network(),
                h.disk(), h.compressionRatio(), h.gcPauseInterval(), h.gcPauseDuration(), h.clientVcpus(),
                h.hostEffects());
    }

    private static BrokerConfig brokerConfig(Section c) {
        BrokerConfig d = BrokerConfig.defaults();
        return build(c, Map.of(), () -> new BrokerConfig(
                c.positive("num.network.threads", d.numNetworkThreads()),
                c.positive("num.io.threads", d.numIoThreads()),
                c.positive("queued.max.requests", d.queuedMaxRequests()),
                c.positive("num.replica.fetchers", d.numReplicaFetchers()),
                c.kafkaMillis("replica.fetch.wait.max.ms", d.replicaFetchWaitMaxNanos()),
                c.intSize("replica.fetch.min.bytes", d.replicaFetchMinBytes()),
                c.intSize("replica.fetch.max.bytes", d.replicaFetchMaxBytes()),
                c.intSize("replica.fetch.response.max.bytes", d.replicaFetchResponseMaxBytes()),
                c.kafkaMillis("replica.lag.time.max.ms", d.replicaLagTimeMaxNanos()),
                c.choice("security.protocol", SECURITY, d.clientSecurityProtocol()),
                c.choice("security.inter.broker.protocol", SECURITY, d.interBrokerSecurityProtocol()),
                c.choice("process.roles", ROLES, d.processRoles()),
                c.kafkaMillis("metadata.max.idle.interval.ms", d.metadataMaxIdleIntervalNanos())));
    }

    private static Map<String, TopicSpec> topics(Section root, Section cluster, int brokers) {
        // Broker-level defaults, as Kafka applies them to topics created without these settings.
        int numPartitions = cluster.positive("num.partitions", 1);
        int defaultRf = cluster.positive("default.replication.factor", 1);
        int defaultMinIsr = cluster.positive("min.insync.replicas", 1);
        Map<String, TopicSpec> topics = new LinkedHashMap<>();
        for (Map.Entry<String, Section> e : root.named("topics", ScenarioSchema.TOPIC_ENTRY)) {
            Section t = e.getValue();
            int partitions = t.positive("partitions", numPartitions);
            int rf = t.positive("replication.factor", defaultRf);
            int minIsr = t.positive("min.insync.replicas", defaultMinIsr);
            if (rf > brokers) {
                throw (t.has("replication.factor") ? t : cluster).error(t.has("replication.factor") ? "replication.factor"
                        : "default.replication.factor", "is " + rf + " but the cluster has only " + brokers + " brokers");
            }
            if (minIsr > rf) {
                Section at = t.has("min.insync.replicas") ? t : cluster;
                throw at.error("min.insync.replicas", "is " + minIsr + " but replication.factor of topic '" + e.getKey()
                        + "' is only " + rf);
            }
            topics.put(e.getKey(), build(t, Map.of(), () -> new TopicSpec(e.getKey(), partitions, rf, minIsr)));
        }
        if (topics.isEmpty()) {
            throw new ScenarioException(root.locate("topics"), "topics", "missing: a scenario needs at least one topic");
        }
        return topics;
    }

    private static String topicOf(Section g, Map<String, TopicSpec> topics) {
        String topic = g.requiredText("topic", "the name of a topic defined under topics:");
        if (!topics.containsKey(topic)) {
            throw g.error("topic", "no topic '" + topic + "' is defined under topics:"
                    + Suggest.nearest(topic, topics.keySet()).map(s -> " did you mean '" + s + "'?")
                    .orElse(" (defined: " + String.join(", ", topics.keySet()) + ")"));
        }
        return topic;
    }

    /** "spread" (round-robin over zones, the default) or a zone index. */
    private static int az(Section g, int zones) {
        Optional<String> t = g.text("az");
        if (t.isEmpty() || t.get().trim().equals("spread")) {
            return -1;
        }
        long z = g.integer("az", -1L);
        if (z < 0 || z >= zones) {
            throw g.error("az", "expected 'spread' or a zone index from 0 to " + (zones - 1) + ", got " + t.get());
        }
        return (int) z;
    }

    private static ProducerGroupSpec producerGroup(String name, Section g, Map<String, TopicSpec> topics, int zones) {
        String topic = topicOf(g, topics);
        int count = g.positive("count", 1);
        Section record = g.section("record", ScenarioSchema.RECORD).orElseThrow(() -> new ScenarioException(g.location(),
                g.path("record"), "missing: give the record size, e.g. record: {key-bytes: 4, value-bytes: 512}"));
        int keyBytes = record.intSize("key-bytes", 0);
        if (!record.has("value-bytes")) {
            throw new ScenarioException(record.location(), record.path("value-bytes"), "missing: the serialized value size, e.g. 512B");
        }
        int valueBytes = record.intSize("value-bytes", 0);
        KeyStrategy keys = g.choice("keys", KEYS, KeyStrategy.NONE);
        if ((keys == KeyStrategy.SEQUENTIAL || keys == KeyStrategy.RANDOM) && keyBytes == 0) {
            throw (record.has("key-bytes") ? record : g).error(record.has("key-bytes") ? "key-bytes" : "keys",
                    "records with " + g.text("keys").orElseThrow() + " keys need key-bytes above 0");
        }
        ArrivalProcess arrival = arrival(g, count, keyBytes + valueBytes);
        ProducerConfig config = producerConfig(g, keys);
        int clientHosts = g.integer("client-hosts", 0, 0);
        return build(g, Map.of("key-bytes", "record.key-bytes", "value-bytes", "record.value-bytes",
                        "on", "arrival.on", "off", "arrival.off",
                        "period", "arrival.period", "clock-skew", "arrival.clock-skew"),
                () -> new ProducerGroupSpec(name, topic, count, arrival, keyBytes, valueBytes, keys, config, az(g, zones),
                        clientHosts));
    }

    private static ArrivalProcess arrival(Section g, int count, int recordBytes) {
        String process;
        Section shape = null;
        Node a = g.node("arrival").orElse(null);
        if (a instanceof MapNode) {
            shape = g.section("arrival", ScenarioSchema.ARRIVAL).orElseThrow();
            process = shape.requiredText("process", "one of " + String.join(", ", ARRIVALS));
        } else {
            process = g.text("arrival").orElse("poisson");
        }
        Section where = shape != null ? shape : g;
        String whereKey = shape != null ? "process" : "arrival";
        if (!ARRIVALS.contains(process)) {
            throw where.error(whereKey, "expected one of " + String.join(", ", ARRIVALS) + ", got '" + process + "'"
                    + Suggest.nearest(process, ARRIVALS).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        if (shape != null) {
            List<String> own = switch (process) {
                case "on-off" -> List.of("on", "off");
                case "trogdor" -> List.of("period", "flush", "clock-skew");
                default -> List.of();
            };
            for (String k : List.of("on", "off", "period", "flush", "clock-skew")) {
                if (shape.has(k) && !own.contains(k)) {
                    throw shape.keyError(k, "is not a setting of the " + process + " arrival process"
                            + (own.isEmpty() ? "" : " (its settings: " + String.join(", ", own) + ")"));
                }
            }
        } else if (process.equals("on-off")) {
            throw g.error("arrival", "on-off needs its mean periods: arrival: {process: on-off, on: 1s, off: 4s}");
        }
        boolean total = g.has("rate");
        boolean each = g.has("rate-per-producer");
        if (process.equals("saturating")) {
            if (total || each) {
                throw g.keyError(total ? "rate" : "rate-per-producer",
                        "a saturating producer sends as fast as it can; remove the rate or choose another arrival process");
            }
            return new ArrivalProcess.Saturating();
        }
        if (total && each) {
            throw g.keyError("rate-per-producer", "give either rate (for the whole group) or rate-per-producer, not both");
        }
        if (!total && !each) {
            throw new ScenarioException(g.location(), g.path("rate"),
                    "missing: give rate (for the whole group, e.g. 90MB/s) or rate-per-producer (e.g. 1 record/s)");
        }
        String key = total ? "rate" : "rate-per-producer";
        Rate rate = g.rate(key).orElseThrow();
        double perProducer = rate.recordsPerSecond(recordBytes) / (total ? count : 1);
        if (!(perProducer > 0)) {
            throw g.error(key, "must be above zero");
        }
        switch (process) {
            case "constant":
                return new ArrivalProcess.Constant(perProducer);
            case "poisson":
                return new ArrivalProcess.Poisson(perProducer);
            case "trogdor": {
                long period = shape == null ? TROGDOR_PERIOD : shape.duration("period").orElse(TROGDOR_PERIOD);
                if (period <= 0) {
                    throw shape.error("period", "must be longer than 0");
                }
                boolean flush = shape == null || shape.bool("flush", true);
                long skew = shape == null ? 0 : shape.duration("clock-skew").orElse(0);
                return new ArrivalProcess.TrogdorThrottle(perProducer, period, flush, skew);
            }
            default: {
                long on = shape.requiredDuration("on", "the mean on period, e.g. 1s");
                long off = shape.requiredDuration("off", "the mean off period, e.g. 4s");
                if (on <= 0) {
                    throw shape.error("on", "must be longer than 0");
                }
                if (off <= 0) {
                    throw shape.error("off", "must be longer than 0");
                }
                // rate is the long-run mean, so the rate while on is higher by (on + off) / on.
                return new ArrivalProcess.OnOff(perProducer * (on + off) / on, on, off);
            }
        }
    }

    private static ProducerConfig producerConfig(Section g, KeyStrategy keys) {
        ProducerConfig d = ProducerConfig.defaults();
        boolean keyed = keys == KeyStrategy.SEQUENTIAL || keys == KeyStrategy.RANDOM;
        Partitioner partitioner = g.choice("partitioner", PARTITIONERS, keyed ? Partitioner.KEYED : d.partitioner());
        if (partitioner == Partitioner.KEYED && !keyed) {
            throw g.error("partitioner", "keyed hashes record keys, but keys is " + g.text("keys").orElse("none (the default)")
                    + "; use keys: sequential or random");
        }
        return build(g, Map.of(), () -> new ProducerConfig(
                g.kafkaMillis("linger.ms", d.lingerNanos()),
                g.intSize("batch.size", d.batchSize()),
                g.parsed("acks", Acks::parse).orElse(d.acks()),
                g.parsed("compression.type", CompressionType::parse).orElse(d.compressionType()),
                g.positive("max.in.flight.requests.per.connection", d.maxInFlightRequestsPerConnection()),
                g.size("buffer.memory", d.bufferMemory()),
                g.intSize("max.request.size", d.maxRequestSize()),
                g.kafkaMillis("request.timeout.ms", d.requestTimeoutNanos()),
                g.kafkaMillis("delivery.timeout.ms", d.deliveryTimeoutNanos()),
                g.kafkaMillis("metadata.max.age.ms", d.metadataMaxAgeNanos()),
                partitioner,
                g.bool("partitioner.adaptive.partitioning.enable", d.adaptivePartitioning())));
    }

    private static ConsumerGroupSpec consumerGroup(String groupId, Section g, Map<String, TopicSpec> topics, int zones) {
        String topic = topicOf(g, topics);
        int count = g.positive("count", 1);
        ConsumerConfig d = ConsumerConfig.defaults();
        ConsumerConfig config = build(g, Map.of(), () -> new ConsumerConfig(
                g.intSize("fetch.min.bytes", d.fetchMinBytes()),
                g.kafkaMillis("fetch.max.wait.ms", d.fetchMaxWaitNanos()),
                g.intSize("fetch.max.bytes", d.fetchMaxBytes()),
                g.intSize("max.partition.fetch.bytes", d.maxPartitionFetchBytes()),
                g.positive("max.poll.records", d.maxPollRecords()),
                g.kafkaMillis("heartbeat.interval.ms", d.heartbeatIntervalNanos()),
                g.bool("enable.auto.commit", d.enableAutoCommit()),
                g.kafkaMillis("auto.commit.interval.ms", d.autoCommitIntervalNanos()),
                g.choice("partition.assignment.strategy", ASSIGNORS, d.assignmentStrategy()),
                g.kafkaMillis("metadata.max.age.ms", d.metadataMaxAgeNanos()),
                g.bool("commit-per-poll", d.commitPerPoll())));
        Distribution perRecord = processing(g, "processing-per-record");
        Distribution perPoll = processing(g, "processing-per-poll");
        return build(g, Map.of("group.id", ""), () -> new ConsumerGroupSpec(groupId, topic, count, config, perRecord,
                perPoll, az(g, zones)));
    }

    /** Null when absent or always zero: the consumer spends no application time. */
    private static Distribution processing(Section g, String key) {
        Distribution d = g.distribution(key).orElse(null);
        return d instanceof Deterministic det && det.value() == 0 ? null : d;
    }

    /**
     * Builds a record, turning its ConfigException into an error at the YAML key it names ({@code aliases}
     * maps the record's key names to paths in this section when they differ).
     */
    static <T> T build(Section s, Map<String, String> aliases, Supplier<T> record) {
        try {
            return record.get();
        } catch (ConfigException e) {
            String key = aliases.getOrDefault(e.key(), e.key());
            String problem = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2)
                    : e.getMessage();
            Location at = KeyPaths.get(s.node(), key).map(Node::location).orElse(s.location());
            throw new ScenarioException(at, key.isEmpty() ? s.path() : s.path(key), problem);
        }
    }

    private static <E> Map<String, E> choices(E[] values, Function<E, String> name) {
        Map<String, E> m = new HashMap<>();
        for (E v : values) {
            m.put(name.apply(v).toLowerCase(java.util.Locale.ROOT), v);
        }
        return m;
    }

    /** phases: timed changes ({at, set}) and step shorthands ({step, to, by|steps, every}). */
    static final class Phases {
        private Phases() {
        }

        static List<PhaseChange> read(Section root, Map<String, TopicSpec> topics, long duration) {
            Optional<ListNode> list = root.list("phases");
            if (list.isEmpty()) {
                return List.of();
            }
            List<Timed> changes = new ArrayList<>();
            int i = 0;
            for (Node item : list.get().items()) {
                Section p = Section.of(item, "phases[" + i++ + "]", ScenarioSchema.PHASE);
                if (p.has("step")) {
                    steps(p, topics, duration, changes);
                } else if (p.has("set")) {
                    set(p, topics, duration, changes);
                } else {
                    throw new ScenarioException(p.location(), p.path(), "a phase is either {at: 1h, set: {topics.A.partitions: 216}}"
                            + " or {step: topics.A.partitions, to: 7200, by: 108, every: 1h}");
                }
            }
            changes.sort(Comparator.comparingLong(Timed::at));
            Map<String, Integer> current = new HashMap<>();
            topics.forEach((n, t) -> current.put(n, t.partitions()));
            List<PhaseChange> out = new ArrayList<>();
            for (Timed c : changes) {
                int before = current.get(c.topic());
                if (c.partitions() <= before) {
                    throw new ScenarioException(c.where(), "topics." + c.topic() + ".partitions", "Kafka can only add partitions: "
                            + c.partitions() + " at " + Units.formatDuration(c.at()) + " is not above the " + before + " the topic has by then");
                }
                current.put(c.topic(), c.partitions());
                out.add(new PhaseChange.SetPartitions(c.at(), c.topic(), c.partitions()));
            }
            return out;
        }

        private record Timed(long at, String topic, int partitions, Location where) {
        }

        private static void set(Section p, Map<String, TopicSpec> topics, long duration, List<Timed> out) {
            for (String k : List.of("from", "to", "by", "steps", "every")) {
                if (p.has(k)) {
                    throw p.keyError(k, "belongs to the step form ({step: ..., to: ..., every: ...}), not to {at, set}");
                }
            }
            long at = p.requiredDuration("at", "when the change happens, e.g. 1h");
            checkTime(p, "at", at, duration);
            MapNode set = Section.requireMap(p.node("set").orElseThrow(), p.path("set"));
            for (MapNode.Entry e : set.entries()) {
                String topic = partitionsKey(e.key(), topics, e.keyLocation(), p.path("set"));
                Section s = Section.of(set, p.path("set"), Schema.named(Schema.VALUE));
                out.add(new Timed(at, topic, s.positive(e.key(), 1), e.value().location()));
            }
        }

        private static void steps(Section p, Map<String, TopicSpec> topics, long duration, List<Timed> out) {
            if (p.has("set")) {
                throw p.keyError("set", "a phase is either {at, set} or a step; not both");
            }
            String key = p.requiredText("step", "the key to step, e.g. topics.A.partitions");
            String topic = partitionsKey(key, topics, p.locate("step"), p.path("step"));
            int base = topics.get(topic).partitions();
            if (p.has("from") && p.positive("from", base) != base) {
                throw p.error("from", "is " + p.text("from").orElseThrow() + " but " + key + " is " + base
                        + " (from only restates the starting value)");
            }
            int to = p.positive("to", 0);
            if (!p.has("to")) {
                throw new ScenarioException(p.location(), p.path("to"), "missing: the last value of the step");
            }
            if (p.has("by") == p.has("steps")) {
                throw new ScenarioException(p.location(), p.path("by"), "give either by (the increment) or steps (how many)");
            }
            int by;
            if (p.has("by")) {
                by = p.positive("by", 1);
                if ((to - base) % by != 0) {
                    throw p.error("by", "(to - from) = " + (to - base) + " is not a multiple of " + by);
                }
            } else {
                int steps = p.positive("steps", 1);
                if ((to - base) % steps != 0) {
                    throw p.error("steps", "(to - from) = " + (to - base) + " does not divide into " + steps + " equal steps");
                }
                by = (to - base) / steps;
            }
            if (to <= base) {
                throw p.error("to", "is " + to + ", not above the starting " + base + ": Kafka can only add partitions");
            }
            long every = p.requiredDuration("every", "how long each step is held, e.g. 1h");
            if (every <= 0) {
                throw p.error("every", "must be longer than 0");
            }
            long first = p.duration("at").orElse(every);
            int n = (to - base) / by;
            long last = first + (n - 1) * every;
            checkTime(p, p.has("at") ? "at" : "every", first, duration);
            if (last > duration) {
                throw p.error("every", "the last step (to " + to + ") would come at " + Units.formatDuration(last)
                        + ", past the duration " + Units.formatDuration(duration));
            }
            for (int k = 1; k <= n; k++) {
                out.add(new Timed(first + (k - 1) * every, topic, base + k * by, p.locate("step")));
            }
        }

        private static void checkTime(Section p, String key, long at, long duration) {
            if (at > duration) {
                throw p.error(key, "is " + Units.formatDuration(at) + ", past the duration " + Units.formatDuration(duration));
            }
        }

        /** "topics.NAME.partitions" -> NAME: the one setting the model can change mid-run. */
        private static String partitionsKey(String key, Map<String, TopicSpec> topics, Location at, String path) {
            if (!key.startsWith("topics.") || !key.endsWith(".partitions") || key.length() <= "topics..partitions".length()) {
                throw new ScenarioException(at, path, "'" + key + "' cannot change during a run; phases change "
                        + "topics.<name>.partitions");
            }
            String topic = key.substring("topics.".length(), key.length() - ".partitions".length());
            if (!topics.containsKey(topic)) {
                throw new ScenarioException(at, path, "no topic '" + topic + "' is defined under topics:"
                        + Suggest.nearest(topic, topics.keySet()).map(s -> " did you mean '" + s + "'?").orElse(""));
            }
            return topic;
        }
    }
}
