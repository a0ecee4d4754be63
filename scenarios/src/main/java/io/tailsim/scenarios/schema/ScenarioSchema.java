package io.tailsim.scenarios.schema;

import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.BROKER;
import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.CONSUMER;
import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.NONE;
import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.PRODUCER;
import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.TOPIC;

/**
 * Every key a scenario file may hold. Kafka's settings keep Kafka's names (linger.ms stays
 * linger.ms); tailsim's own keys are hyphenated words, so the two never collide.
 */
public final class ScenarioSchema {
    private ScenarioSchema() {
    }

    /** Producer settings modelled, under Kafka's names (partitioner stands for partitioner.class). */
    public static final String[] PRODUCER_CONFIGS = {
        "linger.ms", "batch.size", "acks", "compression.type", "max.in.flight.requests.per.connection",
        "buffer.memory", "max.request.size", "request.timeout.ms", "delivery.timeout.ms", "metadata.max.age.ms",
        "partitioner", "partitioner.adaptive.partitioning.enable",
    };

    public static final String[] CONSUMER_CONFIGS = {
        "fetch.min.bytes", "fetch.max.wait.ms", "fetch.max.bytes", "max.partition.fetch.bytes", "max.poll.records",
        "heartbeat.interval.ms", "enable.auto.commit", "auto.commit.interval.ms", "partition.assignment.strategy",
        "metadata.max.age.ms",
    };

    public static final String[] BROKER_CONFIGS = {
        "num.network.threads", "num.io.threads", "queued.max.requests", "num.replica.fetchers",
        "replica.fetch.wait.max.ms", "replica.fetch.min.bytes", "replica.fetch.max.bytes",
        "replica.fetch.response.max.bytes", "replica.lag.time.max.ms", "security.protocol",
        "security.inter.broker.protocol", "num.partitions", "default.replication.factor", "min.insync.replicas",
        "process.roles", "metadata.max.idle.interval.ms",
    };

    public static final String[] TOPIC_CONFIGS = {"partitions", "replication.factor", "min.insync.replicas"};

    public static final Schema CLUSTER = Schema.fields(BROKER, concat(
            new String[] {"brokers", "availability-zones", "brokers-per-host"}, BROKER_CONFIGS));

    static final Schema TOPIC_ENTRY = Schema.fields(TOPIC, TOPIC_CONFIGS);

    static final Schema RECORD = Schema.fields(NONE, "key-bytes", "value-bytes");

    static final Schema ARRIVAL = Schema.fields(NONE, "process", "on", "off", "period", "flush", "clock-skew");

    static final Schema PRODUCER_ENTRY = Schema.fields(PRODUCER, concat(
                    new String[] {"topic", "count", "rate", "rate-per-producer", "record", "keys", "arrival", "az", "client-hosts"},
                    PRODUCER_CONFIGS))
            .with("record", RECORD)
            .with("arrival", ARRIVAL);

    static final Schema CONSUMER_ENTRY = Schema.fields(CONSUMER, concat(
            new String[] {"topic", "count", "processing-per-record", "processing-per-poll", "commit-per-poll", "az"},
            CONSUMER_CONFIGS));

    public static final Schema OMB = Schema.fields(NONE, "workload", "driver");

    static final Schema PHASE = Schema.fields(NONE, "at", "set", "step", "from", "to", "by", "steps", "every");

    public static final Schema SWEEP_AXIS = Schema.fields(NONE, "key", "values");

    /** The whole file. */
    public static final Schema ROOT = Schema.fields(NONE,
                    "description", "profile", "omb", "cluster", "topics", "producers", "consumers",
                    "duration", "warmup", "replications", "seed", "phases", "sweep")
            .with("omb", OMB)
            .with("cluster", CLUSTER)
            .with("topics", Schema.named(TOPIC_ENTRY))
            .with("producers", Schema.named(PRODUCER_ENTRY))
            .with("consumers", Schema.named(CONSUMER_ENTRY));

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
