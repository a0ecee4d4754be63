package io.tailsim.scenarios.explain;

import io.tailsim.models.cluster.TraceCollector;

import java.util.List;

/** The tail set against the median, and a few sampled journeys. */
public record Explanation(String scenario, double percentile, int traced, Breakdown tail, Breakdown median,
                          List<TraceCollector.Timeline> samples) {
}
