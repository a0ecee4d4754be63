package io.tailsim.validation.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU ticks of the machine, of each broker process (by node id) and of the driver, at one instant.
 *
 * @param pressureSomeMicros cumulative CPU pressure stall ("some") in microseconds; null without PSI
 */
public record CpuSample(long nanoTime, ProcStat.MachineTicks machine, Map<Integer, Long> brokerTicks, long driverTicks, Long pressureSomeMicros) {
    public static CpuSample take(Map<Integer, Long> brokerPids, long driverPid) {
        Map<Integer, Long> b = new LinkedHashMap<>();
        brokerPids.forEach((node, pid) -> {
            OptionalLong t = ProcStat.processTicks(pid);
            if (t.isPresent()) b.put(node, t.getAsLong());
        });
        long driver = ProcStat.processTicks(driverPid).orElse(0);
        OptionalLong psi = ProcStat.cpuPressureSomeMicros();
        return new CpuSample(System.nanoTime(), ProcStat.machineTicks(), b, driver, psi.isPresent() ? psi.getAsLong() : null);
    }
}
