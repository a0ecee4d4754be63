package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuUsageTest {
    private static CpuSample at(double seconds, long busy, long b1, long b2, long driver) {
        return new CpuSample((long) (seconds * 1e9), new ProcStat.MachineTicks(busy, busy * 2, 0), Map.of(1, b1, 2, b2), driver, null);
    }

    @Test
    void otherIsMachineBusyMinusBrokersAndDriverAndIsFlaggedAboveATenthOfACore() {
        // 2 s at 100 ticks/s: broker 1 used 60 ticks (0.3 cores), broker 2 40 (0.2), driver 50 (0.25), machine 180 (0.9).
        CpuUsage u = CpuUsage.between(at(10, 1000, 500, 400, 300), at(12, 1180, 560, 440, 350), 100, 2);
        assertThat(u.brokerCores()).containsOnlyKeys(1, 2);
        assertThat(u.brokerCores().get(1)).isCloseTo(0.30, within(1e-9));
        assertThat(u.brokerCores().get(2)).isCloseTo(0.20, within(1e-9));
        assertThat(u.brokersTotalCores()).isCloseTo(0.50, within(1e-9));
        assertThat(u.driverCores()).isCloseTo(0.25, within(1e-9));
        assertThat(u.machineBusyCores()).isCloseTo(0.90, within(1e-9));
        assertThat(u.otherCores()).isCloseTo(0.15, within(1e-9));
        assertThat(u.otherFlagged()).isTrue();
        assertThat(u.machineSaturated()).isFalse();
        assertThat(u.pressureSomeFraction()).isNull();
    }

    @Test
    void aMachineAtNinetyFivePercentIsSaturatedAndPressureIsStallTimeOverTheWindow() {
        CpuSample before = new CpuSample(0, new ProcStat.MachineTicks(0, 0, 0), Map.of(), 0, 5_000_000L);
        CpuSample after = new CpuSample(4_000_000_000L, new ProcStat.MachineTicks(760, 800, 0), Map.of(), 0, 8_000_000L);
        CpuUsage u = CpuUsage.between(before, after, 100, 2);
        assertThat(u.machineBusyCores()).isCloseTo(1.9, within(1e-9));
        assertThat(u.machineSaturated()).isTrue();
        assertThat(u.pressureSomeFraction()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aQuietMachineIsNotFlaggedAndSkewNeverGivesNegativeOther() {
        CpuUsage quiet = CpuUsage.between(at(0, 1000, 500, 400, 300), at(2, 1115, 560, 440, 310), 100, 2);
        assertThat(quiet.otherCores()).isCloseTo(0.025, within(1e-9));
        assertThat(quiet.otherFlagged()).isFalse();
        CpuUsage skew = CpuUsage.between(at(0, 1000, 500, 400, 300), at(2, 1100, 560, 440, 310), 100, 2);
        assertThat(skew.otherCores()).isZero();
    }

    @Test
    void stealIsTheHypervisorsShareOfTheWindowAndCountsAsOther() {
        // 2 s at 100 ticks/s: 30 of the machine's 80 busy ticks were stolen, none of them the brokers' or the driver's
        CpuSample before = new CpuSample(0, new ProcStat.MachineTicks(100, 400, 10), Map.of(1, 0L), 0, null);
        CpuSample after = new CpuSample(2_000_000_000L, new ProcStat.MachineTicks(180, 800, 40), Map.of(1, 40L), 10, null);
        CpuUsage u = CpuUsage.between(before, after, 100, 2);
        assertThat(u.stealCores()).isCloseTo(0.15, within(1e-9));
        assertThat(u.otherCores()).isCloseTo(0.15, within(1e-9));
        assertThat(u.otherFlagged()).isTrue();
    }

    @Test
    void aBrokerMissingFromOneSideIsLeftOut() {
        CpuSample before = new CpuSample(0, new ProcStat.MachineTicks(0, 0, 0), Map.of(1, 10L), 0, null);
        CpuSample after = new CpuSample(1_000_000_000L, new ProcStat.MachineTicks(50, 100, 0), Map.of(1, 30L, 2, 99L), 5, null);
        assertThat(CpuUsage.between(before, after, 100, 2).brokerCores()).containsOnlyKeys(1);
    }
}
