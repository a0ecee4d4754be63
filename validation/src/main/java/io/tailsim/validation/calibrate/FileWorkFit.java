package io.tailsim.validation.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file work of a partition's first appends timed beside the loaded cluster (FileWorkProbe), pooled over the loaded
 * calibration runs (those whose JIT mean is used too): values at 0..100% for disk.index-create and disk.checkpoint-write.
 */
public record FileWorkFit(double[] indexCreateMs, double[] checkpointWriteMs, int samples, List<String> runs) {

    /** Null when fewer than 20 samples were taken (runs made before the probe existed). */
    public static FileWorkFit of(CalibrationFit fit, Map<String, List<Double>> indexCreate, Map<String, List<Double>> checkpointWrite) {
        List<Double> index = new ArrayList<>();
        List<Double> checkpoint = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (String run : fit.jitRuns()) {
            List<Double> i = indexCreate.get(run);
            List<Double> c = checkpointWrite.get(run);
            if (i == null || c == null || i.isEmpty() || c.isEmpty()) continue;
            index.addAll(i);
            checkpoint.addAll(c);
            runs.add(run);
        }
        if (index.size() < 20 || checkpoint.size() < 20) return null;
        return new FileWorkFit(MachineProbe.percentiles(index.stream().mapToDouble(Double::doubleValue).toArray()),
                MachineProbe.percentiles(checkpoint.stream().mapToDouble(Double::doubleValue).toArray()), index.size(), List.copyOf(runs));
    }

    String source(String what, double[] q) {
        return String.format(Locale.ROOT, "measured: %s on the disk where the brokers keep their logs, once a second during the "
                        + "measured windows of %d calibration runs offering %.0f records/s or more (%s), beside the loaded cluster as the "
                        + "brokers' own first appends are: %d samples, values at 0%%, 1%%, ..., 100%% (median %.1f ms, p90 %.1f ms; on "
                        + "the idle machine the probe takes far less: MachineFacts)", what, runs.size(),
                CalibrationFit.JIT_LOADED_RECORDS_PER_SEC, String.join(", ", runs), samples, q[50], q[90]);
    }
}
