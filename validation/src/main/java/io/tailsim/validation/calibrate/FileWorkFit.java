package io.tailsim.validation.calibrate;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file work of a partition's first appends timed beside the loaded cluster (FileWorkProbe), pooled over the loaded
 * calibration runs (those whose JIT mean is used too): values at 0..100% for disk.index-create and disk.checkpoint-write.
 * <p>
 * Creating a segment's index files takes longer the more replicas the brokers hold (2026-12-06: medians of 3.5-19 ms
 * with 56-110 replicas per broker, 44 ms with 300, 56 ms with 1,200). So the index creation is fitted as a power of the replicas
 * per broker, by least squares of the runs' log medians on their log replica counts (disk.index-create-replica-exponent),
 * and each run's samples are divided by that power at its own count before they are pooled: the pooled values are for a
 * broker at the runs' geometric-mean count (disk.index-create-reference-replicas). With one replica count among the runs,
 * or an exponent fitted below 0, the samples are pooled as measured and no exponent is written.
 *
 * @param indexCreateMs       pooled index creation at the reference replica count, values at 0..100%
 * @param referenceReplicas   the geometric mean of the runs' replicas per broker, the count the pooled values are for (0: the
 *                            counts unknown or all one); set also when the probe's medians do not grow with it, so that the
 *                            runs' tails can still fit the growth (IndexCreateGrowthFit)
 * @param replicaExponent     index creation grows as replicas per broker to this power (0: not scaled)
 * @param exponentR2          R^2 of the log-log fit over the runs' medians (NaN when not fitted)
 * @param perRun              each pooled run's replicas per broker (NaN if unknown), samples and medians, for the report
 */
public record FileWorkFit(double[] indexCreateMs, double[] checkpointWriteMs, int samples, List<String> runs,
                          double referenceReplicas, double replicaExponent, double exponentR2, List<RunFileWork> perRun) {

    /** One run's file work: its replicas per broker, how many times it was timed, and the medians (ms). */
    public record RunFileWork(String run, double replicasPerBroker, int samples, double indexCreateMedianMs, double checkpointWriteMedianMs) {
    }

    /** Without replica counts: pooled as measured. */
    public static FileWorkFit of(CalibrationFit fit, Map<String, List<Double>> indexCreate, Map<String, List<Double>> checkpointWrite) {
        return of(fit, indexCreate, checkpointWrite, Map.of());
    }

    /**
     * Null when fewer than 20 samples were taken (runs made before the probe existed).
     *
     * @param replicasPerBroker run name to the replicas each broker held in it (runs missing here are not scaled)
     */
    public static FileWorkFit of(CalibrationFit fit, Map<String, List<Double>> indexCreate, Map<String, List<Double>> checkpointWrite,
                                 Map<String, Double> replicasPerBroker) {
        List<String> runs = new ArrayList<>();
        List<Double> checkpoint = new ArrayList<>();
        for (String run : fit.jitRuns()) {
            List<Double> i = indexCreate.get(run);
            List<Double> c = checkpointWrite.get(run);
            if (i == null || c == null || i.isEmpty() || c.isEmpty()) continue;
            checkpoint.addAll(c);
            runs.add(run);
        }
        int samples = runs.stream().mapToInt(r -> indexCreate.get(r).size()).sum();
        if (samples < 20 || checkpoint.size() < 20) return null;

        List<RunFileWork> perRun = new ArrayList<>();
        for (String run : runs) {
            perRun.add(new RunFileWork(run, replicasPerBroker.getOrDefault(run, Double.NaN), indexCreate.get(run).size(),
                    median(indexCreate.get(run)), median(checkpointWrite.get(run))));
        }
        // log median on log replicas, where every run's replica count is known and they are not all one
        double exponent = 0, reference = 0, r2 = Double.NaN;
        boolean counted = perRun.stream().allMatch(r -> r.replicasPerBroker() > 0);
        if (counted && perRun.stream().mapToDouble(RunFileWork::replicasPerBroker).distinct().count() >= 2) {
            SimpleRegression power = new SimpleRegression();
            for (RunFileWork r : perRun) {
                power.addData(Math.log(r.replicasPerBroker()), Math.log(Math.max(1e-3, r.indexCreateMedianMs())));
            }
            reference = Math.exp(perRun.stream().mapToDouble(r -> Math.log(r.replicasPerBroker())).average().orElseThrow());
            // a drift over the pass (its first runs' probes slow) can make the medians fall with the replicas: pooled as measured
            if (power.getSlope() > 0) {
                exponent = Math.min(2, power.getSlope());
                r2 = power.getRSquare();
            }
        }
        List<Double> index = new ArrayList<>();
        for (String run : runs) {
            double scale = exponent > 0 ? Math.pow(replicasPerBroker.get(run) / reference, exponent) : 1;
            for (double v : indexCreate.get(run)) index.add(v / scale);
        }
        return new FileWorkFit(MachineProbe.percentiles(index.stream().mapToDouble(Double::doubleValue).toArray()),
                MachineProbe.percentiles(checkpoint.stream().mapToDouble(Double::doubleValue).toArray()), samples, List.copyOf(runs),
                reference, exponent, r2, List.copyOf(perRun));
    }

    /** Whether the probe's samples are scaled by the replicas per broker. */
    public boolean scaled() {
        return replicaExponent > 0;
    }

    /** Whether the runs' replica counts differ, so that the runs' tails can fit a growth. */
    public boolean growthFittable() {
        return referenceReplicas > 0;
    }

    private static double median(List<Double> v) {
        return new Median().evaluate(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    String source(String what, double[] q) {
        return String.format(Locale.ROOT, "measured: %s on the disk where the brokers keep their logs, once a second during the "
                        + "measured windows of %d calibration runs offering %.0f records/s or more (%s), beside the loaded cluster as the "
                        + "brokers' own first appends are: %d samples, values at 0%%, 1%%, ..., 100%% (median %.1f ms, p90 %.1f ms; on "
                        + "the idle machine the probe takes far less: MachineFacts)", what, runs.size(),
                CalibrationFit.JIT_LOADED_RECORDS_PER_SEC, String.join(", ", runs), samples, q[50], q[90]);
    }

    String indexCreateSource(String what) {
        if (!scaled()) return source(what, indexCreateMs);
        return source(what, indexCreateMs).replace("values at 0%, 1%, ..., 100%", String.format(Locale.ROOT,
                "each run's samples divided by (its replicas per broker / %.0f) ^ %.2f (disk.index-create-replica-exponent), then "
                        + "values at 0%%, 1%%, ..., 100%%", referenceReplicas, replicaExponent));
    }

    String exponentSource() {
        return String.format(Locale.ROOT, "fit: least squares of the log median index creation on the log replicas per broker over "
                + "the same %d calibration runs (%s): it grows as replicas per broker to the power %.2f; R^2 %.2f", runs.size(),
                String.join(", ", runs), replicaExponent, exponentR2);
    }

    String referenceSource(double exponent) {
        return String.format(Locale.ROOT, "fit: the geometric mean of those runs' replicas per broker, the count the pooled "
                + "disk.index-create values are for; a broker holding r replicas takes them times (r / %.0f) ^ %.2f", referenceReplicas,
                exponent);
    }
}
