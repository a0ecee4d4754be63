package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.TopicRecorders;

import java.util.List;
import java.util.function.Function;

/** The five components of end-to-end latency (the latency blog's produce, publish, commit, catch-up, fetch). */
@JsonPropertyOrder({"produce", "publish", "commit", "catchUp", "fetch"})
public record Components(LatencyStats produce, LatencyStats publish, LatencyStats commit,
                         LatencyStats catchUp, LatencyStats fetch) {

    public static <R> Components over(List<R> replications, Function<R, TopicRecorders> pick) {
        return new Components(
                LatencyStats.over(replications, r -> pick.apply(r).produceTime),
                LatencyStats.over(replications, r -> pick.apply(r).publishTime),
                LatencyStats.over(replications, r -> pick.apply(r).commitTime),
                LatencyStats.over(replications, r -> pick.apply(r).catchUpTime),
                LatencyStats.over(replications, r -> pick.apply(r).fetchTime));
    }
}
