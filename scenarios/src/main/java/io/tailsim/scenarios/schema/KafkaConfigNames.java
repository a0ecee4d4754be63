package io.tailsim.scenarios.schema;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Kafka's own config names, from kafka-clients: a key that is not one of them is a typo, while one
 * that is but that tailsim does not model gets a different message (and is skipped in OMB files,
 * which are written for real Kafka).
 */
public final class KafkaConfigNames {
    /** Which Kafka config family a section of a file belongs to. */
    public enum Family {
        PRODUCER("producer"), CONSUMER("consumer"), TOPIC("topic"), BROKER("broker"), NONE("");

        final String noun;

        Family(String noun) {
            this.noun = noun;
        }
    }

    private static volatile Set<String> topicNames;

    private KafkaConfigNames() {
    }

    /** Whether {@code key} is a config Kafka itself knows in this family (brokers: not checked). */
    public static boolean isKafkaConfig(Family family, String key) {
        switch (family) {
            case PRODUCER:
                return ProducerConfig.configNames().contains(key);
            case CONSUMER:
                return ConsumerConfig.configNames().contains(key);
            case TOPIC:
                return topicConfigNames().contains(key);
            default:
                return false;
        }
    }

    private static Set<String> topicConfigNames() {
        Set<String> names = topicNames;
        if (names == null) {
            names = new HashSet<>();
            for (Field f : TopicConfig.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().endsWith("_CONFIG")) {
                    try {
                        names.add((String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            topicNames = names;
        }
        return names;
    }
}
