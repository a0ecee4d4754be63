package io.tailsim.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's body outside JMH: it loads a scenario and simulates its first replication, the same work every call. */
class ModelJmhTest {
    @Test
    void eachCallSimulatesReplicationZeroOfTheScenarioAndTheSameWorkEveryTime() {
        ModelJmh bench = new ModelJmh();
        bench.scenario = "../scenarios/catalog/quickstart.yaml";
        bench.load();
        long first = bench.replication();
        assertThat(first).isPositive();
        assertThat(bench.replication()).isEqualTo(first);
    }
}
