package io.tailsim.validation.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used in a window, in cores (CPU seconds per second). "other" is the machine's busy time minus the brokers and the
 * driver: another engineer's build, a benchmark, the OS. Another process using the CPU spoiled runs here by 10-40x
 * (real-kafka-here.md), so a run with more than {@link #OTHER_FLAG_CORES} of other use is flagged. "Other" counts only the
 * CPU others got; on a saturated machine their demand also shows as run-queue waits, which the pressure figure measures.
 *
 * @param machineSaturated     the machine's cores were at least {@link #SATURATED_FRACTION} busy: latencies include CPU queueing
 * @param pressureSomeFraction share of the window in which some runnable task waited for a CPU (Linux PSI); null without PSI
 * @param stealCores           virtual-CPU time the hypervisor gave another guest (/proc/stat steal), in cores; inside otherCores
 */
public record CpuUsage(Map<Integer, Double> brokerCores, double driverCores, double machineBusyCores, double otherCores, boolean otherFlagged,
                       boolean machineSaturated, Double pressureSomeFraction, double stealCores) {
    public static final double OTHER_FLAG_CORES = 0.10;
    public static final double SATURATED_FRACTION = 0.95;

    public static CpuUsage between(CpuSample before, CpuSample after, long ticksPerSecond, int cores) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        if (!(seconds > 0)) throw new IllegalArgumentException("CPU samples out of order");
        double perTick = 1.0 / ticksPerSecond / seconds;
        Map<Integer, Double> brokers = new LinkedHashMap<>();
        long brokerTicks = 0;
        for (Map.Entry<Integer, Long> e : after.brokerTicks().entrySet()) {
            Long b = before.brokerTicks().get(e.getKey());
            if (b == null) continue;
            long d = e.getValue() - b;
            brokerTicks += d;
            brokers.put(e.getKey(), d * perTick);
        }
        long driver = after.driverTicks() - before.driverTicks();
        long busy = after.machine().busy() - before.machine().busy();
        // Samples are read one after another, so a few ticks of skew can make the difference slightly negative.
        double other = Math.max(0, (busy - brokerTicks - driver) * perTick);
        Double pressure = before.pressureSomeMicros() == null || after.pressureSomeMicros() == null ? null
                : (after.pressureSomeMicros() - before.pressureSomeMicros()) / (seconds * 1e6);
        long steal = Math.max(0, after.machine().steal() - before.machine().steal());
        return new CpuUsage(brokers, driver * perTick, busy * perTick, other, other > OTHER_FLAG_CORES,
                busy * perTick >= SATURATED_FRACTION * cores, pressure, steal * perTick);
    }

    public double brokersTotalCores() {
        return brokerCores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
