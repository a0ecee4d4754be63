package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.SweepResult;

import java.util.Map;

/** What an experiment's runs produced: summaries of single runs and results of sweeps, by catalog file name. */
public record RunSet(Map<String, Summary> runs, Map<String, SweepResult> sweeps) {

    public Summary run(String file) {
        Summary s = runs.get(file);
        if (s == null) {
            throw new IllegalArgumentException("no run '" + file + "'; runs: " + runs.keySet());
        }
        return s;
    }

    public SweepResult sweep(String file) {
        SweepResult s = sweeps.get(file);
        if (s == null) {
            throw new IllegalArgumentException("no sweep '" + file + "'; sweeps: " + sweeps.keySet());
        }
        return s;
    }
}
