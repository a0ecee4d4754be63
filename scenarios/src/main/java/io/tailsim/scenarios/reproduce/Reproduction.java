package io.tailsim.scenarios.reproduce;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** reproduction.json: every experiment's checks, and whether all of them passed. */
@JsonPropertyOrder({"experiments", "pass", "wallSeconds"})
public record Reproduction(List<ExperimentResult> experiments, boolean pass, double wallSeconds) {

    @JsonPropertyOrder({"id", "published", "checks", "pass"})
    public record ExperimentResult(String id, String published, List<Check> checks, boolean pass) {
        static ExperimentResult of(Experiment e, List<Check> checks) {
            return new ExperimentResult(e.id(), e.published(), checks, checks.stream().allMatch(Check::pass));
        }
    }
}
