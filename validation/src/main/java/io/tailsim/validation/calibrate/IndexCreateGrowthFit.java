package io.tailsim.validation.calibrate;

import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.runner.OverloadedClusterException;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.validation.MeasuredRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How a first append's file work grows with the replicas a broker holds, fitted on the tails of the calibration runs whose
 * brokers hold many replicas, by simulating them (indirect inference). FileWorkProbe times the file work beside the loaded
 * cluster, in a process of its own; a broker doing it holds thousands of mapped index files and the locks of the log it
 * appends to, and the probe's timings grow with the replicas far less steadily than the brokers' tails do (the power of
 * the replica count fitted to the probe's medians: 0.74 on one night, 0.22 on another, R^2 0.4-0.7). The probe's values
 * still set the work at the reference replica count, where most runs are; the growth above it is the exponent at which the
 * simulated runs' producer p99s come nearest the measured ones (least squares of their logs). Only runs holding at least
 * {@link #MIN_REPLICA_RATIO} times the reference count enter: elsewhere the exponent barely moves the draws.
 *
 * @param exponent       the fitted disk.index-create-replica-exponent
 * @param probeExponent  the exponent fitted to the probe's medians (FileWorkFit), for the report
 * @param grid           the exponents tried
 * @param objective      for each, the sum over the runs of (ln simulated p99 - ln measured p99)^2
 * @param runs           each run's replicas per broker, measured p99 and simulated p99 at the fitted exponent
 */
public record IndexCreateGrowthFit(double exponent, double probeExponent, double[] grid, double[] objective, List<RunTail> runs) {

    /** One calibration run the fit used. */
    public record RunTail(String run, double replicasPerBroker, double measuredP99Ms, double simulatedP99Ms) {
    }

    /** A run enters when its brokers hold at least this many times the reference replica count. */
    static final double MIN_REPLICA_RATIO = 2.0;
    /** Exponents tried: 0, 0.1, ..., 1.5. */
    static final double STEP = 0.1, MAX = 1.5;
    /** Simulated replications of each run at each exponent (common random numbers across the exponents). */
    static final int REPLICATIONS = 3;

    /** A calibration run with what it measured, as the fit takes it. */
    public record Input(String name, CalibrationPlan.Run run, MeasuredRun measured, double replicasPerBroker) {
    }

    /**
     * Null when no loaded run holds {@link #MIN_REPLICA_RATIO} times the reference replicas.
     *
     * @param profileAt          the profile's text with disk.index-create-replica-exponent at the given value
     * @param referenceReplicas  the replica count the probe's pooled index creation is for (FileWorkFit)
     * @param probeExponent      the power FileWorkFit fitted to the probe's medians, for the report
     * @param loaded             names of the runs whose probe samples were pooled (the loaded runs)
     */
    public static IndexCreateGrowthFit of(java.util.function.DoubleFunction<String> profileAt, double referenceReplicas, double probeExponent,
                                          List<Input> inputs, List<String> loaded, int threads, Consumer<String> progress) {
        ScenarioRunner.Options options = new ScenarioRunner.Options(null, null, Math.max(1, threads), null);
        return of(profileAt, referenceReplicas, probeExponent, inputs, loaded,
                s -> new ScenarioRunner().run(s, options).summary().producerLatencyMs().get("p99"), progress);
    }

    /** The same with {@code p99} simulating a scenario (its producer p99, ms; OverloadedClusterException when it falls behind). */
    static IndexCreateGrowthFit of(java.util.function.DoubleFunction<String> profileAt, double referenceReplicas, double probeExponent,
                                   List<Input> inputs, List<String> loaded, java.util.function.ToDoubleFunction<Scenario> p99,
                                   Consumer<String> progress) {
        if (!(referenceReplicas > 0)) return null;
        List<Input> used = inputs.stream().filter(i -> loaded.contains(i.name())
                && i.replicasPerBroker() >= MIN_REPLICA_RATIO * referenceReplicas
                && i.measured().producerLatencyMs() != null && i.measured().producerLatencyMs().p99() != null
                && i.measured().producerLatencyMs().p99() > 0).toList();
        if (used.isEmpty()) return null;
        // each plan run is simulated once per exponent, however many passes measured it
        Map<String, Input> plans = new LinkedHashMap<>();
        for (Input i : used) plans.putIfAbsent(i.run().name(), i);
        int n = (int) Math.round(MAX / STEP) + 1;
        double[] grid = new double[n];
        for (int k = 0; k < n; k++) grid[k] = k * STEP;
        Path tmp = tempDir();
        try {
            List<Scenario> scenarios = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Path p = write(tmp.resolve("profile-" + k + ".yaml"), profileAt.apply(grid[k]));
                for (Input i : plans.values()) {
                    Path s = write(tmp.resolve(i.run().name() + "-" + k + ".yaml"), CalibrationScenario.yaml(i.run().name(), i.run().spec(), p,
                            i.measured().warmupSeconds(), i.measured().windowSeconds(), REPLICATIONS));
                    scenarios.add(Scenario.load(s));
                }
            }
            progress.accept(String.format(Locale.ROOT, "index creation's growth with replicas: simulating %s at %d exponents (%d runs)",
                    String.join(", ", plans.keySet()), n, scenarios.size()));
            List<String> order = new ArrayList<>(plans.keySet());
            double[][] simP99 = new double[n][order.size()];
            for (int k = 0; k < n; k++)
                for (int j = 0; j < order.size(); j++) {
                    try {
                        simP99[k][j] = p99.applyAsDouble(scenarios.get(k * order.size() + j));
                    } catch (OverloadedClusterException e) {
                        // stalls this long leave the simulated cluster behind its load: no tail fits worse
                        simP99[k][j] = Double.POSITIVE_INFINITY;
                        progress.accept(String.format(Locale.ROOT, "  exponent %.2f: %s overloaded the simulated cluster", grid[k], order.get(j)));
                    }
                }
            double[] objective = new double[n];
            int best = 0;
            for (int k = 0; k < n; k++) {
                for (Input i : used) {
                    double d = Math.log(simP99[k][order.indexOf(i.run().name())]) - Math.log(i.measured().producerLatencyMs().p99());
                    objective[k] += d * d;
                }
                if (objective[k] < objective[best]) best = k;
            }
            List<RunTail> tails = new ArrayList<>();
            for (Input i : used)
                tails.add(new RunTail(i.name(), i.replicasPerBroker(), i.measured().producerLatencyMs().p99(), simP99[best][order.indexOf(i.run().name())]));
            return new IndexCreateGrowthFit(grid[best], probeExponent, grid, objective, List.copyOf(tails));
        } finally {
            delete(tmp);
        }
    }

    String source(double referenceReplicas) {
        StringBuilder runsText = new StringBuilder();
        for (RunTail t : runs) {
            if (!runsText.isEmpty()) runsText.append(", ");
            runsText.append(String.format(Locale.ROOT, "%s (%.0f replicas a broker) %.0f ms measured, %.0f ms simulated", t.run(),
                    t.replicasPerBroker(), t.measuredP99Ms(), t.simulatedP99Ms()));
        }
        return String.format(Locale.ROOT, "fit: indirect, on the tails of the calibration runs whose brokers hold %.0f or more replicas: of the "
                        + "exponents 0, %.2f, ..., %.1f, the one at which the simulated producer p99s come nearest the measured (least squares of "
                        + "their logs), each run simulated %d times from its own warm-up (--broker-warmup included) to its window's end with the "
                        + "probe's disk.index-create at %.0f replicas: %s. The probe's own medians grow as the power %.2f (FileWorkFit), "
                        + "timed in a process beside the brokers, not in them",
                MIN_REPLICA_RATIO * referenceReplicas, STEP, MAX, REPLICATIONS, referenceReplicas, runsText, probeExponent);
    }

    /** The report's section: the objective by exponent and each run's tail at the fitted one. */
    String report(double referenceReplicas) {
        StringBuilder r = new StringBuilder("## First appends' file work inside the brokers\n\n");
        r.append(String.format(Locale.ROOT, "The probe above times the file work beside the brokers; how it grows with the replicas a broker holds is "
                + "fitted here on the tails of the runs whose brokers hold %.0f or more replicas (IndexCreateGrowthFit): each simulated %d times "
                + "from the start of its real warm-up to the end of its window, with disk.index-create-replica-exponent at each value below and "
                + "the probe's values at %.0f replicas. Fitted: **%.2f** (the probe's medians alone: %.2f).%n%n", MIN_REPLICA_RATIO * referenceReplicas,
                REPLICATIONS, referenceReplicas, exponent, probeExponent));
        r.append("| exponent | sum of (ln simulated p99 - ln measured p99)^2 |\n|---|---|\n");
        for (int k = 0; k < grid.length; k++)
            r.append(String.format(Locale.ROOT, "| %.2f | %.3f%s |%n", grid[k], objective[k], grid[k] == exponent ? " (least)" : ""));
        r.append("\n| run | replicas per broker | measured p99 ms | simulated p99 ms at the fitted exponent |\n|---|---|---|---|\n");
        for (RunTail t : runs)
            r.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n", t.run(), t.replicasPerBroker(), t.measuredP99Ms(), t.simulatedP99Ms()));
        return r.append('\n').toString();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tailsim-growth-fit");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the simulated calibration runs", e);
        }
    }

    private static Path write(Path f, String text) {
        try {
            return Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
