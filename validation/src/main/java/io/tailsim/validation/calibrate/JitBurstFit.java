package io.tailsim.validation.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The brokers' JIT compiler threads' busy periods (JitBursts) pooled over the loaded calibration runs, the same runs whose
 * mean JIT CPU becomes cpu.jit-per-broker: their CPU at 0%, 1%, ..., 100% for the model's compiler thread (cpu.jit-burst).
 *
 * @param quantilesMs the pooled periods' CPU at 0..100%, ms
 */
public record JitBurstFit(double[] quantilesMs, int periods, List<String> runs) {

    /** Null when no loaded run recorded the periods (runs made before the harness read them). */
    public static JitBurstFit of(CalibrationFit fit, Map<String, List<Double>> burstsByRun) {
        List<Double> pooled = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (String run : fit.jitRuns()) {
            List<Double> b = burstsByRun.get(run);
            if (b == null || b.isEmpty()) continue;
            pooled.addAll(b);
            runs.add(run);
        }
        if (pooled.size() < 20) return null;
        double[] xs = pooled.stream().mapToDouble(Double::doubleValue).toArray();
        double[] q = MachineProbe.percentiles(xs);
        return new JitBurstFit(q, xs.length, List.copyOf(runs));
    }

    public String empirical() {
        return LocalProfileWriter.empiricalMs(quantilesMs);
    }

    public String source() {
        return String.format(Locale.ROOT, "measured: CPU of the brokers' JIT compiler threads' busy periods (runs of /proc reads every 10 ms "
                        + "finding a compiler thread runnable, ended by two finding it asleep; its CPU ticks over the run), %d periods pooled over %d runs offering %.0f "
                        + "records/s or more (%s): values at 0%%, 1%%, ..., 100%% (median %.0f ms, p90 %.0f ms, max %.0f ms)",
                periods, runs.size(), CalibrationFit.JIT_LOADED_RECORDS_PER_SEC, String.join(", ", runs), quantilesMs[50],
                quantilesMs[90], quantilesMs[100]);
    }
}
