package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.ConsumerGroupResult;
import io.tailsim.models.report.RunResult;

import java.util.List;

/** How a consumer group fetched, polled, committed and kept up, pooled over replications. */
@JsonPropertyOrder({"topic", "consumers", "coordinator", "recordsConsumedPerSec", "fetchRequestsPerSec",
        "pollsPerSec", "recordsPerPoll", "offsetCommitsPerSec", "offsetCommitFailuresPerSec", "heartbeatsPerSec", "rebalances", "meanLag", "maxLag"})
public record ConsumerGroupSummary(String topic, int consumers, String coordinator, double recordsConsumedPerSec,
                                   double fetchRequestsPerSec, double pollsPerSec, double recordsPerPoll,
                                   double offsetCommitsPerSec, double offsetCommitFailuresPerSec,
                                   double heartbeatsPerSec, double rebalances,
                                   double meanLag, double maxLag) {

    public static ConsumerGroupSummary of(List<RunResult> reps, String group) {
        List<ConsumerGroupResult> g = reps.stream().map(r -> r.consumerGroups().get(group)).toList();
        ConsumerGroupResult first = g.get(0);
        return new ConsumerGroupSummary(first.topic(), first.consumers(), first.coordinator(),
                Estimate.of(reps, r -> r.measuredNanos() <= 0 ? Double.NaN
                        : r.consumerGroups().get(group).recordsConsumed() / (r.measuredNanos() / 1e9)).orNaN(),
                Estimate.of(g, ConsumerGroupResult::fetchRequestRate).orNaN(),
                Estimate.of(g, ConsumerGroupResult::pollRate).orNaN(),
                Estimate.of(g, ConsumerGroupResult::recordsPerPoll).orNaN(),
                Estimate.of(g, ConsumerGroupResult::offsetCommitRate).orNaN(),
                Estimate.of(g, ConsumerGroupResult::offsetCommitFailureRate).orNaN(),
                Estimate.of(g, ConsumerGroupResult::heartbeatRate).orNaN(),
                Estimate.of(g, r -> r.rebalances()).orNaN(),
                Estimate.of(g, ConsumerGroupResult::meanLag).orNaN(),
                Estimate.of(g, r -> r.maxLag()).orNaN());
    }
}
