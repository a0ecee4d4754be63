package io.tailsim.validation.compare;

import io.tailsim.validation.cluster.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated side opens its window as late as the real one: the harness carries the scenario's load for --broker-warmup
 * seconds before the scenario's own warm-up, so the simulator warms up that much longer (the logs are then as old on both
 * sides), while the real run's spec keeps the scenario's own warm-up (the harness adds its part).
 */
class SimulatedWarmupTest {
    @Test
    void theSimulationWarmsUpForTheBrokersWarmUpToo(@TempDir Path dir) {
        List<String> log = new ArrayList<>();
        for (int brokerWarmup : new int[]{0, 90}) {
            Validation.Options o = new Validation.Options(RepeatedRunsTest.PROFILE, 1, 1,
                    ClusterOptions.defaults().withBrokerWarmup(Duration.ofSeconds(brokerWarmup)), OverlayFigure.NONE, false, log::add);
            Validation.Prepared p = Validation.prepare(RepeatedRunsTest.SCENARIO, dir, o);
            var original = p.original.spec();
            var simulated = p.simulatedScenario.scenario().spec();
            assertThat(simulated.warmupNanos()).isEqualTo(original.warmupNanos() + brokerWarmup * 1_000_000_000L);
            assertThat(simulated.durationNanos()).isEqualTo(original.durationNanos() + brokerWarmup * 1_000_000_000L);
            assertThat(p.runSpec.workload().warmupSeconds()).isEqualTo(original.warmupNanos() / 1e9);
            if (brokerWarmup > 0)
                assertThat(p.simulatedScenario.overrides()).contains("duration=" + (original.durationNanos() / 1e9 + brokerWarmup) + "s",
                        "warmup=" + (original.warmupNanos() / 1e9 + brokerWarmup) + "s");
            else
                assertThat(p.simulatedScenario.overrides()).noneMatch(s -> s.startsWith("warmup=") || s.startsWith("duration="));
        }
    }
}
