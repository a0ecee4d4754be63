package io.tailsim.validation.driver;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code count} KafkaConsumers in one group (one polling thread each) subscribed to {@code topics}.
 *
 * @param processing the application time each consumer spends after a poll() returns, or null for none
 */
public record ConsumerGroupSpec(String groupId, List<String> topics, int count, Map<String, String> configs, Processing processing) {
    public ConsumerGroupSpec {
        Objects.requireNonNull(groupId, "groupId");
        topics = List.copyOf(topics);
        configs = configs == null ? Map.of() : Map.copyOf(configs);
        if (topics.isEmpty()) throw new IllegalArgumentException("consumer group " + groupId + ": no topics");
        if (count < 1) throw new IllegalArgumentException("consumer group " + groupId + ": count must be >= 1, got " + count);
        ClientConfigs.requireNotHarnessOwned("consumer group " + groupId, configs);
    }

    public ConsumerGroupSpec(String groupId, List<String> topics, int count, Map<String, String> configs) {
        this(groupId, topics, count, configs, null);
    }

    public ConsumerGroupSpec withCount(int newCount) {
        return new ConsumerGroupSpec(groupId, topics, newCount, configs, processing);
    }
}
