package io.tailsim.scenarios.profile;

import io.tailsim.models.config.HardwareProfile;
import io.tailsim.scenarios.yaml.MapNode;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded hardware profile: the costs the model needs, the testbed's deployment (broker count,
 * availability zones, listener security) that a scenario's {@code cluster:} section starts from,
 * and where each number came from, by key path ("cpu.per-request.Produce" -> "fit: ...").
 */
public record Testbed(Path file, HardwareProfile hardware, MapNode clusterDefaults, Map<String, String> sources) {
    public Testbed {
        sources = Map.copyOf(sources);
    }
}
