package io.tailsim.validation.metrics;

import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.MeasuredRunTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The speed probe's workload is fixed and short; runs carry its figures through JSON, and older runs without them still read. */
class MachineSpeedTest {
    @Test
    void theWorkloadIsTheSameBufferEveryTimeAndTakesWellUnderASecond() {
        assertThat(Arrays.equals(MachineSpeed.buffer(), MachineSpeed.buffer())).isTrue();
        assertThat(MachineSpeed.buffer()).hasSize(MachineSpeed.BUFFER_BYTES);
        long t0 = System.nanoTime();
        double speed = MachineSpeed.probe();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(speed).isPositive().isFinite();
        // ~0.3 s here; generous for a loaded shared machine.
        assertThat(seconds).isLessThan(10);
    }

    @Test
    void aRunKeepsItsSpeedsAndARunWithoutThemReadsAsNulls() {
        MeasuredRun r = MeasuredRunTest.sample();
        String json = r.toJson();
        assertThat(json).contains("\"machineSpeed\"", "\"before\" : 1200.0", "\"after\" : 1100.0");
        assertThat(MeasuredRun.fromJson(json).machineSpeed()).isEqualTo(new MachineSpeed(1200.0, 1100.0));
        MeasuredRun old = MeasuredRun.fromJson(json.replaceAll("(?s)\"machineSpeed\" : \\{[^}]*},?", ""));
        assertThat(old.machineSpeed()).isEqualTo(new MachineSpeed(null, null));
        assertThat(new MachineSpeed(1000.0, 800.0).mean()).isEqualTo(900.0);
        assertThat(new MachineSpeed(null, 800.0).mean()).isEqualTo(800.0);
    }
}
