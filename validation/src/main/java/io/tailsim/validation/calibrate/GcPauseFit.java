package io.tailsim.validation.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The brokers' stop-the-world GC pauses logged in the calibration runs' windows (GcPauses), pooled over the runs the fits
 * use: how many per broker-second (gc.pause-interval) and their lengths at 0%, 1%, ..., 100% (gc.pause-duration).
 *
 * @param quantilesMs    the pooled pauses' lengths at 0..100%, ms
 * @param pauses         how many were pooled
 * @param brokerSeconds  broker-seconds of window they came from
 * @param runs           the runs that logged them
 */
public record GcPauseFit(double[] quantilesMs, int pauses, double brokerSeconds, List<String> runs) {

    /** Null unless every used run read its brokers' GC logs and they held 20 pauses or more (older runs: JMX counts only). */
    public static GcPauseFit of(CalibrationFit fit, Map<String, List<Double>> pausesByRun) {
        List<Double> pooled = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        double brokerSeconds = 0;
        for (CalibrationSample s : fit.used()) {
            List<Double> p = pausesByRun.get(s.name());
            if (p == null) return null;
            pooled.addAll(p);
            brokerSeconds += s.seconds() * s.brokers();
            if (!p.isEmpty()) runs.add(s.name());
        }
        if (pooled.size() < 20) return null;
        double[] q = MachineProbe.percentiles(pooled.stream().mapToDouble(Double::doubleValue).toArray());
        return new GcPauseFit(q, pooled.size(), brokerSeconds, List.copyOf(runs));
    }

    /** Mean time between pauses on one broker, ms. */
    public double meanIntervalMs() {
        return brokerSeconds * 1000 / pauses;
    }

    public String empirical() {
        return LocalProfileWriter.empiricalMs(quantilesMs);
    }

    public String intervalSource(String basis) {
        return String.format(Locale.ROOT, "measured: %d stop-the-world pauses (G1 Young, Remark, Cleanup, Full) in %.0f broker-seconds "
                + "of the measured windows of %s, from the brokers' GC logs (-Xlog:gc, GcPauses); exponential gaps are an assumption",
                pauses, brokerSeconds, basis);
    }

    public String durationSource() {
        return String.format(Locale.ROOT, "measured: the lengths of those %d pauses as the brokers' G1 logged them (%d runs: %s): values at "
                        + "0%%, 1%%, ..., 100%% (median %.1f ms, p90 %.1f ms, max %.1f ms); on this crowded machine a pause also holds the GC "
                        + "threads' wait for a core", pauses, runs.size(), String.join(", ", runs), quantilesMs[50], quantilesMs[90],
                quantilesMs[100]);
    }
}
