package io.tailsim.scenarios;

import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.Node;

import java.util.List;

/** One sweep axis: a key path and the values it takes, in file order. */
public record SweepAxis(String key, List<Node> values, Location location) {
    public SweepAxis {
        values = List.copyOf(values);
    }
}
