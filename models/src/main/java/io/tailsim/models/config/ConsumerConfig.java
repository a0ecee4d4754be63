package io.tailsim.models.config;

import static io.tailsim.core.time.Time.MILLISECOND;

/**
 * Consumer settings under Kafka's names, with Kafka 4.x ConsumerConfig defaults.
 *
 * @param commitPerPoll the application calls commitAsync after every poll() that returned records,
 *                      with those records' offsets (OpenMessaging Benchmark's consumer does so when
 *                      enable.auto.commit is false); not a Kafka setting, the application's behaviour
 */
public record ConsumerConfig(
        int fetchMinBytes,
        long fetchMaxWaitNanos,
        int fetchMaxBytes,
        int maxPartitionFetchBytes,
        int maxPollRecords,
        long heartbeatIntervalNanos,
        boolean enableAutoCommit,
        long autoCommitIntervalNanos,
        AssignmentStrategy assignmentStrategy,
        long metadataMaxAgeNanos,
        boolean commitPerPoll) {

    /** partition.assignment.strategy. */
    public enum AssignmentStrategy { RANGE, COOPERATIVE_STICKY }

    public ConsumerConfig {
        ConfigException.requirePositive("fetch.min.bytes", fetchMinBytes);
        ConfigException.requireNonNegative("fetch.max.wait.ms", fetchMaxWaitNanos);
        ConfigException.requirePositive("fetch.max.bytes", fetchMaxBytes);
        ConfigException.requirePositive("max.partition.fetch.bytes", maxPartitionFetchBytes);
        ConfigException.requirePositive("max.poll.records", maxPollRecords);
        ConfigException.requirePositive("heartbeat.interval.ms", heartbeatIntervalNanos);
        ConfigException.requirePositive("auto.commit.interval.ms", autoCommitIntervalNanos);
        ConfigException.requirePositive("metadata.max.age.ms", metadataMaxAgeNanos);
        if (assignmentStrategy == null) {
            throw new ConfigException("partition.assignment.strategy", "must be given");
        }
    }

    /** Without an application commit mode: no commits beyond enable.auto.commit's. */
    public ConsumerConfig(int fetchMinBytes, long fetchMaxWaitNanos, int fetchMaxBytes, int maxPartitionFetchBytes,
                          int maxPollRecords, long heartbeatIntervalNanos, boolean enableAutoCommit,
                          long autoCommitIntervalNanos, AssignmentStrategy assignmentStrategy,
                          long metadataMaxAgeNanos) {
        this(fetchMinBytes, fetchMaxWaitNanos, fetchMaxBytes, maxPartitionFetchBytes, maxPollRecords,
                heartbeatIntervalNanos, enableAutoCommit, autoCommitIntervalNanos, assignmentStrategy,
                metadataMaxAgeNanos, false);
    }

    public static ConsumerConfig defaults() {
        return new ConsumerConfig(1, 500 * MILLISECOND, 50 << 20, 1 << 20, 500, 3_000 * MILLISECOND, true,
                5_000 * MILLISECOND, AssignmentStrategy.RANGE, 300_000 * MILLISECOND, false);
    }
}
