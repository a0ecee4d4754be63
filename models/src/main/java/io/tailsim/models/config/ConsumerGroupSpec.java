package io.tailsim.models.config;

import io.tailsim.core.dist.Distribution;

/**
 * A consumer group reading one topic.
 *
 * @param processingPerRecord application time per record after poll() returns (ns), or null for none
 * @param processingPerPoll   application time per poll() (ns), or null for none
 */
public record ConsumerGroupSpec(
        String groupId,
        String topic,
        int count,
        ConsumerConfig config,
        Distribution processingPerRecord,
        Distribution processingPerPoll,
        int az) {

    public ConsumerGroupSpec {
        ConfigException.requirePositive("count", count);
        if (groupId == null || groupId.isBlank()) {
            throw new ConfigException("group.id", "a consumer group needs a group.id");
        }
    }
}
