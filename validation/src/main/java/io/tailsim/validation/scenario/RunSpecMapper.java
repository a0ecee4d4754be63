package io.tailsim.validation.scenario;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.config.ConsumerGroupSpec;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.Partitioner;
import io.tailsim.models.config.ProducerConfig;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.ProcessRoles;
import io.tailsim.models.config.SecurityProtocol;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.RunSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.Processing;
import io.tailsim.validation.driver.RecordStamp;
import io.tailsim.validation.driver.WorkloadSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulator scenario's {@link ClusterSpec} as a run of the real cluster: the same brokers and broker configs, topics,
 * producer groups (count, rate, arrival process, key and value sizes, keys, every producer config) and consumer groups (count,
 * every consumer config, processing time), the same seed and measured window. What the real cluster cannot do is refused
 * with the reason ({@link RefusedRunException}), never approximated silently; what it does differently is listed in
 * {@link Mapped#notes()}.
 */
public final class RunSpecMapper {
    private static final double NANOS_PER_MS = 1e6;

    /** The real run and what differs from the scenario as written. */
    public record Mapped(RunSpec runSpec, List<String> notes) {
        public Mapped {
            notes = List.copyOf(notes);
        }
    }

    private RunSpecMapper() {
    }

    /** @param scale the --scale factor (1: full size); {@link io.tailsim.validation.RealKafkaRun} divides the workload by it */
    public static Mapped map(ClusterSpec spec, double scale) {
        List<String> notes = new ArrayList<>();
        if (!spec.phases().isEmpty())
            throw refused("the scenario changes partition counts during the run (" + spec.phases().size()
                    + " phase changes); the real harness creates topics once, before the workload starts");
        if (spec.availabilityZones() > 1)
            notes.add("availability zones: the scenario has " + spec.availabilityZones() + ", every real broker and client is on 127.0.0.1");

        List<io.tailsim.validation.cluster.TopicSpec> topics = new ArrayList<>();
        for (TopicSpec t : spec.topics())
            topics.add(new io.tailsim.validation.cluster.TopicSpec(t.name(), t.partitions(), t.replicationFactor(), t.minInsyncReplicas()));
        var cluster = new io.tailsim.validation.cluster.ClusterSpec(spec.brokers(), io.tailsim.validation.cluster.ClusterSpec.DEFAULT_HEAP_MB,
                brokerConfigs(spec.brokerConfig()), topics);

        List<io.tailsim.validation.driver.ProducerGroupSpec> producers = new ArrayList<>();
        for (ProducerGroupSpec g : spec.producerGroups()) producers.add(producerGroup(g));
        List<io.tailsim.validation.driver.ConsumerGroupSpec> consumers = new ArrayList<>();
        RandomStreams streams = new RandomStreams(spec.seed());
        for (ConsumerGroupSpec g : spec.consumerGroups()) consumers.add(consumerGroup(g, streams));

        double warmup = spec.warmupNanos() / 1e9;
        double measured = (spec.durationNanos() - spec.warmupNanos()) / 1e9;
        if (warmup < WorkloadSpec.MIN_WARMUP_SECONDS) {
            notes.add(String.format(Locale.ROOT, "warm-up: %s s in the scenario, %s s on the real cluster (JIT warm-up needs at least %s s); "
                    + "the measured window is the scenario's %s s either way", num(warmup), num(WorkloadSpec.MIN_WARMUP_SECONDS),
                    num(WorkloadSpec.MIN_WARMUP_SECONDS), num(measured)));
            warmup = WorkloadSpec.MIN_WARMUP_SECONDS;
        }
        WorkloadSpec workload = new WorkloadSpec(producers, consumers, warmup, measured, spec.seed());
        if (scale != 1.0)
            notes.add("scaled down by --scale " + num(scale) + ": every group's rate divided by " + num(scale)
                    + " and its producer and consumer counts by " + num(scale) + ", rounded to the nearest client (at least one)");
        return new Mapped(new RunSpec(cluster, workload, scale), notes);
    }

    /** Every broker setting the model has, under Kafka's names; the listener layout is the harness's (PLAINTEXT on 127.0.0.1). */
    static Map<String, String> brokerConfigs(BrokerConfig b) {
        if (b.clientSecurityProtocol() != SecurityProtocol.PLAINTEXT || b.interBrokerSecurityProtocol() != SecurityProtocol.PLAINTEXT)
            throw refused("security.protocol " + b.clientSecurityProtocol() + " / security.inter.broker.protocol "
                    + b.interBrokerSecurityProtocol() + ": the real cluster has PLAINTEXT listeners only");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("num.network.threads", Integer.toString(b.numNetworkThreads()));
        m.put("num.io.threads", Integer.toString(b.numIoThreads()));
        m.put("queued.max.requests", Integer.toString(b.queuedMaxRequests()));
        m.put("num.replica.fetchers", Integer.toString(b.numReplicaFetchers()));
        m.put("replica.fetch.wait.max.ms", millis("replica.fetch.wait.max.ms", b.replicaFetchWaitMaxNanos()));
        m.put("replica.fetch.min.bytes", Integer.toString(b.replicaFetchMinBytes()));
        m.put("replica.fetch.max.bytes", Integer.toString(b.replicaFetchMaxBytes()));
        m.put("replica.fetch.response.max.bytes", Integer.toString(b.replicaFetchResponseMaxBytes()));
        m.put("replica.lag.time.max.ms", millis("replica.lag.time.max.ms", b.replicaLagTimeMaxNanos()));
        if (b.processRoles() != ProcessRoles.BROKER_CONTROLLER)
            throw refused("process.roles " + b.processRoles().value() + ": the real cluster's nodes are broker,controller (KRaft combined mode)");
        m.put("metadata.max.idle.interval.ms", millis("metadata.max.idle.interval.ms", b.metadataMaxIdleIntervalNanos()));
        return m;
    }

    static io.tailsim.validation.driver.ProducerGroupSpec producerGroup(ProducerGroupSpec g) {
        String who = "producer group " + g.name();
        if (g.valueBytes() < RecordStamp.BYTES)
            throw refused(who + ": value-bytes " + g.valueBytes() + " is too small to carry the 8-byte send-time stamp the real driver measures latency from");
        ProducerConfig c = g.config();
        if (c.partitioner() == Partitioner.STICKY && g.keys() == KeyStrategy.NONE)
            throw refused(who + ": partitioner sticky (KIP-480) was removed from Kafka's clients in 4.0 (DefaultPartitioner); "
                    + "Kafka 4.4 has only the uniform sticky partitioner (KIP-794) for keyless records");
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("linger.ms", millis(who + " linger.ms", c.lingerNanos()));
        configs.put("batch.size", Integer.toString(c.batchSize()));
        configs.put("acks", c.acks().kafkaValue());
        configs.put("compression.type", c.compressionType().kafkaValue());
        configs.put("max.in.flight.requests.per.connection", Integer.toString(c.maxInFlightRequestsPerConnection()));
        configs.put("buffer.memory", Long.toString(c.bufferMemory()));
        configs.put("max.request.size", Integer.toString(c.maxRequestSize()));
        configs.put("request.timeout.ms", millis(who + " request.timeout.ms", c.requestTimeoutNanos()));
        configs.put("delivery.timeout.ms", millis(who + " delivery.timeout.ms", c.deliveryTimeoutNanos()));
        configs.put("metadata.max.age.ms", millis(who + " metadata.max.age.ms", c.metadataMaxAgeNanos()));
        configs.put("partitioner.adaptive.partitioning.enable", Boolean.toString(c.adaptivePartitioning()));

        ArrivalProcess a = g.arrival();
        Arrival arrival;
        double perProducer;
        if (a instanceof ArrivalProcess.Constant x) {
            arrival = Arrival.CONSTANT;
            perProducer = x.recordsPerSecond();
        } else if (a instanceof ArrivalProcess.Poisson x) {
            arrival = Arrival.POISSON;
            perProducer = x.recordsPerSecond();
        } else if (a instanceof ArrivalProcess.OnOff x) {
            arrival = new Arrival.OnOff(x.meanOnNanos(), x.meanOffNanos());
            perProducer = x.meanRate();
        } else if (a instanceof ArrivalProcess.TrogdorThrottle x) {
            arrival = new Arrival.Trogdor(x.periodNanos(), x.flush(), x.maxClockSkewNanos());
            perProducer = x.recordsPerSecond();
        } else {
            arrival = Arrival.SATURATING;
            perProducer = 0;
        }
        return new io.tailsim.validation.driver.ProducerGroupSpec(g.name(), g.topic(), g.count(), perProducer * g.count(),
                g.keyBytes(), g.valueBytes(), keys(g.keys()), arrival, configs);
    }

    private static Keys keys(KeyStrategy k) {
        return switch (k) {
            case NONE -> Keys.NONE;
            case SEQUENTIAL -> Keys.SEQUENTIAL;
            case RANDOM -> Keys.RANDOM;
            case ROUND_ROBIN -> Keys.ROUND_ROBIN;
            case OWN_PARTITION -> Keys.OWN_PARTITION;
        };
    }

    static io.tailsim.validation.driver.ConsumerGroupSpec consumerGroup(ConsumerGroupSpec g, RandomStreams streams) {
        String who = "consumer group " + g.groupId();
        ConsumerConfig c = g.config();
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("fetch.min.bytes", Integer.toString(c.fetchMinBytes()));
        configs.put("fetch.max.wait.ms", millis(who + " fetch.max.wait.ms", c.fetchMaxWaitNanos()));
        configs.put("fetch.max.bytes", Integer.toString(c.fetchMaxBytes()));
        configs.put("max.partition.fetch.bytes", Integer.toString(c.maxPartitionFetchBytes()));
        configs.put("max.poll.records", Integer.toString(c.maxPollRecords()));
        configs.put("heartbeat.interval.ms", millis(who + " heartbeat.interval.ms", c.heartbeatIntervalNanos()));
        configs.put("enable.auto.commit", Boolean.toString(c.enableAutoCommit()));
        configs.put("auto.commit.interval.ms", millis(who + " auto.commit.interval.ms", c.autoCommitIntervalNanos()));
        configs.put("partition.assignment.strategy", switch (c.assignmentStrategy()) {
            case RANGE -> "org.apache.kafka.clients.consumer.RangeAssignor";
            case COOPERATIVE_STICKY -> "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
        });
        configs.put("metadata.max.age.ms", millis(who + " metadata.max.age.ms", c.metadataMaxAgeNanos()));
        return new io.tailsim.validation.driver.ConsumerGroupSpec(g.groupId(), List.of(g.topic()), g.count(), configs,
                processing(g, streams));
    }

    /** The scenario's processing-per-poll and -per-record draws, one named stream per consumer (common random numbers). */
    private static Processing processing(ConsumerGroupSpec g, RandomStreams streams) {
        Distribution perPoll = g.processingPerPoll();
        Distribution perRecord = g.processingPerRecord();
        if (perPoll == null && perRecord == null) return null;
        return index -> {
            RandomStream rng = streams.newStream("validation/consumer-" + g.groupId() + "-" + index + "/processing");
            return records -> {
                double nanos = perPoll == null ? 0 : perPoll.sample(rng);
                if (perRecord != null) for (int i = 0; i < records; i++) nanos += perRecord.sample(rng);
                return Math.round(nanos);
            };
        };
    }

    /** A Kafka *.ms setting: whole milliseconds only, as the real clients and brokers take them. */
    static String millis(String what, long nanos) {
        if (nanos % 1_000_000L != 0)
            throw refused(what + " is " + num(nanos / NANOS_PER_MS) + " ms; Kafka takes whole milliseconds");
        return Long.toString(nanos / 1_000_000L);
    }

    private static RefusedRunException refused(String why) {
        return new RefusedRunException("refused: " + why);
    }

    static String num(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
