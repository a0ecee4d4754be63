package io.tailsim.models.report;

/**
 * A consumer group over the measured window.
 *
 * @param coordinator        the group coordinator broker (leader of the group's __consumer_offsets partition)
 * @param recordsConsumed    records poll() handed to the application
 * @param fetchRequestRate   FetchConsumer requests per second sent by the whole group
 * @param pollRate           poll() calls that returned records, per second, whole group
 * @param recordsPerPoll     mean records returned by such a poll()
 * @param offsetCommitRate   OffsetCommit requests per second to the coordinator
 * @param offsetCommitFailureRate commits per second that failed: not replicated within
 *                           offsets.commit.timeout.ms, or still unsent after request.timeout.ms because
 *                           commits were made faster than the coordinator answers them
 * @param heartbeatRate      Heartbeat requests per second to the coordinator
 * @param rebalances         partition count changes the group reassigned after
 * @param meanLag            group lag (records committed and not yet handed to the application, all
 *                           partitions of the topic), time-averaged
 * @param maxLag             its largest value
 * @param finalLag           the lag at the end of the run
 */
public record ConsumerGroupResult(
        String groupId,
        String topic,
        int consumers,
        String coordinator,
        long recordsConsumed,
        double fetchRequestRate,
        double pollRate,
        double recordsPerPoll,
        double offsetCommitRate,
        double offsetCommitFailureRate,
        double heartbeatRate,
        double metadataRequestRate,
        long rebalances,
        double meanLag,
        long maxLag,
        long finalLag) {
}
