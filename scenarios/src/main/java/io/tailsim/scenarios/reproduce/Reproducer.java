package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.SweepPoint;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.scenarios.runner.SweepResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-runs the bundled catalog for every published experiment — all runs and sweep points of all
 * experiments on one pool — then checks each prediction against its published band.
 */
public final class Reproducer {
    public static final String REPRODUCTION_JSON = "reproduction.json";

    /** The experiments of published-results.yaml, in its order. */
    public static List<Experiment> experiments() {
        return List.of(new LingerAndBatchSize(), new ProducerCount(), new AcksThroughput(), new PartitionScaling(),
                new KingmanBusyIdle(), new OmbKafka());
    }

    private record Job(Experiment experiment, String file, Scenario scenario, SweepPoint point) {
    }

    /**
     * Runs {@code selected} experiments from {@code catalog} and writes DIR/reproduction.json, each run's
     * result folder under DIR/&lt;id&gt;/&lt;file&gt;/, and the report to {@code report} (null: none).
     */
    public Reproduction run(Path catalog, List<Experiment> selected, ScenarioRunner.Options options, Path dir) {
        long start = System.nanoTime();
        List<Job> jobs = new ArrayList<>();
        for (Experiment e : selected) {
            for (String f : e.files()) {
                Scenario sc = Scenario.load(catalog.resolve(e.id()).resolve(f));
                if (sc.sweepAxes().isEmpty()) {
                    jobs.add(new Job(e, f, sc, null));
                } else {
                    for (SweepPoint p : sc.sweepPoints()) {
                        jobs.add(new Job(e, f, sc.at(p), p));
                    }
                }
            }
        }
        List<ScenarioRunner.Outcome> outcomes = new ScenarioRunner()
                .runAll(jobs.stream().map(Job::scenario).toList(), options);

        Map<Experiment, Map<String, Summary>> runs = new LinkedHashMap<>();
        Map<Experiment, Map<String, List<SweepResult.Point>>> sweeps = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            ScenarioRunner.Outcome o = outcomes.get(i);
            Path runDir = dir.resolve(j.experiment().id()).resolve(stem(j.file()));
            if (j.point() == null) {
                RunOutputs.write(runDir, o.summary(), o.replications());
                runs.computeIfAbsent(j.experiment(), k -> new LinkedHashMap<>()).put(j.file(), o.summary());
            } else {
                String folder = String.format(java.util.Locale.ROOT, "points/%02d", j.point().index());
                RunOutputs.write(runDir.resolve(folder), o.summary(), o.replications());
                Map<String, String> values = new LinkedHashMap<>();
                j.point().assignments().forEach(a -> values.put(a.key(), a.valueText()));
                sweeps.computeIfAbsent(j.experiment(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(j.file(), k -> new ArrayList<>())
                        .add(new SweepResult.Point(j.point().index(), j.point().label(), values, folder, o.summary()));
            }
        }

        List<Reproduction.ExperimentResult> results = new ArrayList<>();
        for (Experiment e : selected) {
            Map<String, SweepResult> sw = new LinkedHashMap<>();
            sweeps.getOrDefault(e, Map.of()).forEach((file, points) -> {
                SweepResult r = new SweepResult(stem(file), List.copyOf(points.get(0).values().keySet()), points);
                Path sweepDir = dir.resolve(e.id()).resolve(stem(file));
                ResultFiles.writeJson(sweepDir.resolve(SweepResult.SWEEP_JSON), r);
                ResultFiles.writeString(sweepDir.resolve(SweepResult.SWEEP_CSV), r.csv());
                sw.put(file, r);
            });
            RunSet set = new RunSet(runs.getOrDefault(e, Map.of()), sw);
            results.add(Reproduction.ExperimentResult.of(e, e.evaluate(set)));
        }
        Reproduction rep = new Reproduction(results, results.stream().allMatch(Reproduction.ExperimentResult::pass),
                (System.nanoTime() - start) / 1e9);
        ResultFiles.writeJson(dir.resolve(REPRODUCTION_JSON), rep);
        return rep;
    }

    /** The experiments named in {@code ids} (all when empty); an unknown id is the caller's error. */
    public static List<Experiment> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return experiments();
        }
        List<Experiment> out = new ArrayList<>();
        for (String id : ids) {
            out.add(experiments().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no experiment '" + id + "'; experiments: "
                            + experiments().stream().map(Experiment::id).toList())));
        }
        return out;
    }

    public static String stem(String file) {
        return file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    }

    /** The catalog folder: {@code scenarios/catalog} under the working directory or the given one. */
    public static Path defaultCatalog() {
        Path p = Path.of("scenarios", "catalog");
        return Files.isDirectory(p) ? p : Path.of("catalog");
    }
}
