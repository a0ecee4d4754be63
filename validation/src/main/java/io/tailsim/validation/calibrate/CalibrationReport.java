package io.tailsim.validation.calibrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** calibration.md: the runs, each fit's coefficients with standard errors, and every run's residual. */
public final class CalibrationReport {
    private CalibrationReport() {
    }

    public static String render(CalibrationFit fit, MachineFacts m, List<CalibrationPlan.Run> plan, Path profile, String when) {
        return render(fit, m, plan, profile, when, null);
    }

    /** With the first appends' file work timed beside the loaded runs ({@code files}; null: not timed). */
    public static String render(CalibrationFit fit, MachineFacts m, List<CalibrationPlan.Run> plan, Path profile, String when,
                                FileWorkFit files) {
        return render(fit, m, plan, profile, when, files, null);
    }

    /** And with its growth with the replicas fitted on the runs' tails ({@code growth}; null: not fitted). */
    public static String render(CalibrationFit fit, MachineFacts m, List<CalibrationPlan.Run> plan, Path profile, String when,
                                FileWorkFit files, IndexCreateGrowthFit growth) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Calibration of the local hardware profile (").append(when).append(")\n\n");
        sb.append(String.format(Locale.ROOT, "Machine: %s, %d cores, %d MiB. Profile written to `%s`.%n%n", m.cpuModel(), m.cores(),
                m.memTotalBytes() >> 20, profile));
        sb.append(String.format(Locale.ROOT, "Direct measurements: loopback one way %.1f us (cv %.2f, %d round trips), loopback %.0f MB/s, "
                        + "disk writes %.0f MB/s in %s.%n%n", m.loopbackOneWayMeanNanos() / 1e3, m.loopbackOneWayCv(), m.loopbackRoundTrips(),
                m.loopbackBytesPerSecond() / 1e6, m.diskWriteBytesPerSecond() / 1e6, m.diskDir()));
        sb.append("## Runs\n\nMachine speed: one core's speed right before the cluster started and right after it stopped, in ")
                .append(io.tailsim.validation.metrics.MachineSpeed.UNIT).append(" (higher is faster; `-`: run made before the probe existed).\n\n");
        sb.append("| run | what | produce req | fetch req | records | broker CPU s | driver CPU s | machine speed before / after | used |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        java.util.Map<String, String> what = new java.util.HashMap<>();
        plan.forEach(r -> what.put(r.name(), r.description()));
        for (CalibrationSample s : fit.samples()) {
            int at = s.name().indexOf(Calibration.POOLED);
            String description = what.getOrDefault(at < 0 ? s.name() : s.name().substring(0, at), "");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.2f | %s / %s | %s |%n", s.name(), description, s.produce(),
                    s.fetchFollower() + s.fetchConsumer(), s.recordsSent(), s.brokerCpu(), s.driverCpu(), speed(s, true), speed(s, false), s.flagged() ? "**flagged**, not fitted" : s.behind() ? "fell behind its load, not fitted" : "ok"));
        }
        sb.append('\n');
        if (!Double.isNaN(fit.jitCores()))
            sb.append(String.format(Locale.ROOT, "## JIT compiler threads%n%nMean CPU of the brokers' C1/C2 compiler threads over the "
                    + "loaded runs (%s): %.3f cores; not fitted on requests. Per run:%n%n| run | JIT cores |%n|---|---|%n",
                    String.join(", ", fit.jitRuns()), fit.jitCores()));
        if (!Double.isNaN(fit.jitCores()))
            for (CalibrationSample x : fit.samples())
                sb.append(String.format(Locale.ROOT, "| %s | %.3f |%n", x.name(), x.jitCpu() / x.seconds()));
        if (!Double.isNaN(fit.jitCores())) sb.append('\n');
        if (files != null) fileWork(sb, files);
        if (files != null && growth != null) sb.append(growth.report(files.referenceReplicas()));
        sb.append(Double.isNaN(fit.coldHalfRate())
                ? "Cold wake-ups: no half rate tried gave the request-path threads a cost for waking rarely.\n\n"
                : String.format(Locale.ROOT, "Cold wake-ups: a thread waking at r per second pays coldWakeups (coldResponses) "
                + "times h / (h + r) more per wake-up; the handler, network-thread and fetcher fits below are the ones at h = %.0f/s, "
                + "of those tried the half rate that leaves the least of their CPU unexplained. Their regressor is each run's "
                + "wake-ups of the class times h / (h + their rate per thread).%n%n", fit.coldHalfRate()));
        for (Fit f : fit.fits()) {
            sb.append("## ").append(f.name()).append(String.format(Locale.ROOT, " (R^2 %.4f)%n%n", f.rSquared()));
            sb.append("| regressor | coefficient | standard error |\n|---|---|---|\n");
            for (int j = 0; j < f.regressors().size(); j++) {
                String r = f.regressors().get(j);
                double b = f.coefficients()[j], se = f.standardErrors()[j];
                sb.append("| ").append(r).append(" | ").append(r.equals("idle") ? String.format(Locale.ROOT, "%.4f cores", b)
                                : LocalProfileWriter.micros(b * 1e9)).append(" | ")
                        .append(Double.isNaN(se) ? "left out (non-negative fit)" : r.equals("idle") ? String.format(Locale.ROOT, "%.4f", se)
                                : LocalProfileWriter.micros(se * 1e9)).append(" |\n");
            }
            sb.append("\n| run | observed CPU s | fitted | residual |\n|---|---|---|---|\n");
            for (int i = 0; i < f.samples().size(); i++)
                sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |%n", f.samples().get(i), f.observed()[i], f.fitted()[i], f.residual(i)));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void fileWork(StringBuilder sb, FileWorkFit files) {
        sb.append("## File work of first appends beside the loaded cluster\n\nA segment's index files created and mapped, and a "
                + "leader-epoch checkpoint written and forced, once a second in each loaded run's window (FileWorkProbe):\n\n"
                + "| run | replicas per broker | samples | index creation median ms | checkpoint median ms |\n|---|---|---|---|---|\n");
        for (FileWorkFit.RunFileWork r : files.perRun())
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |%n", r.run(),
                    Double.isNaN(r.replicasPerBroker()) ? "-" : String.format(Locale.ROOT, "%.0f", r.replicasPerBroker()), r.samples(),
                    r.indexCreateMedianMs(), r.checkpointWriteMedianMs()));
        sb.append('\n');
        if (files.scaled())
            sb.append(String.format(Locale.ROOT, "Index creation grows as replicas per broker to the power %.3f (least squares of the log "
                            + "medians on the log replica counts, R^2 %.2f); pooled after dividing that out, for a broker holding %.1f "
                            + "replicas (their geometric mean): disk.index-create median %.1f ms, p90 %.1f ms. Checkpoints pooled as "
                            + "measured: median %.1f ms.%n%n", files.replicaExponent(), files.exponentR2(), files.referenceReplicas(),
                    files.indexCreateMs()[50], files.indexCreateMs()[90], files.checkpointWriteMs()[50]));
        else
            sb.append(String.format(Locale.ROOT, "Pooled as measured: disk.index-create median %.1f ms, disk.checkpoint-write median %.1f ms.%n%n",
                    files.indexCreateMs()[50], files.checkpointWriteMs()[50]));
    }

    private static String speed(CalibrationSample s, boolean before) {
        Double x = s.machineSpeed() == null ? null : before ? s.machineSpeed().before() : s.machineSpeed().after();
        return x == null ? "-" : String.format(Locale.ROOT, "%.0f", x);
    }
}
