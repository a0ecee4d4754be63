package io.tailsim.scenarios;

import io.tailsim.scenarios.yaml.Node;
import io.tailsim.scenarios.yaml.ScalarNode;

import java.util.List;
import java.util.stream.Collectors;

/** One point of a sweep: a value for each axis. */
public record SweepPoint(int index, List<Assignment> assignments) {
    /** {@code key} set to {@code value}, as written in the sweep. */
    public record Assignment(String key, Node value, SweepAxis axis) {
        /** The value as written ("900", "5ms"), or a short description for a mapping or list. */
        public String valueText() {
            return value instanceof ScalarNode s && !s.isNull() ? s.text() : value.describe();
        }
    }

    public SweepPoint {
        assignments = List.copyOf(assignments);
    }

    /** "producers.main.count=900, producers.main.linger.ms=5": a row label for tables and files. */
    public String label() {
        return assignments.stream().map(a -> a.key() + "=" + a.valueText()).collect(Collectors.joining(", "));
    }
}
