package io.tailsim.cli;

import io.tailsim.plots.Report;
import io.tailsim.scenarios.reproduce.Check;
import io.tailsim.scenarios.reproduce.Experiment;
import io.tailsim.scenarios.reproduce.Reproducer;
import io.tailsim.scenarios.reproduce.Reproduction;
import io.tailsim.scenarios.reproduce.ReproductionReport;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.runner.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

/** tailsim reproduce: every published experiment, re-run from the bundled catalog, against its bands. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Re-run the bundled scenarios of every published experiment and compare with the published bands.",
                "Writes DIR/reproduction.json, each run's results under DIR/<experiment>/, and docs/reproduction.md."})
public final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/reproduce).")
    Path out = Path.of("out", "reproduce");

    @Option(names = "--catalog", paramLabel = "DIR", description = "Catalog folder (default: scenarios/catalog).")
    Path catalog;

    @Option(names = "--experiment", paramLabel = "ID", split = ",", description = "Only these experiments (default: all).")
    List<String> only;

    @Mixin
    ParallelOptions parallel;

    @Option(names = "--report", paramLabel = "FILE", description = "Markdown report (default: docs/reproduction.md; 'none' to skip).")
    String report = "docs/reproduction.md";

    @Override
    public Integer call() {
        Path cat = catalog != null ? catalog : Reproducer.defaultCatalog();
        if (!Files.isDirectory(cat)) {
            throw new UserInputException("catalog folder " + cat + " not found; run from the repository root or pass --catalog");
        }
        List<Experiment> selected;
        try {
            selected = Reproducer.select(only);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        Integer replications = parallel.replications();
        int t = parallel.threads(Integer.MAX_VALUE);
        Reproduction r;
        try (Progress progress = new Progress("reproduce")) {
            r = new Reproducer().run(cat, selected, new ScenarioRunner.Options(replications, null, t, progress), out);
        }
        Map<String, Map<String, Path>> runs = new LinkedHashMap<>();
        for (Experiment e : selected) {
            Map<String, Path> m = new LinkedHashMap<>();
            e.files().forEach(f -> m.put(Reproducer.stem(f), out.resolve(e.id()).resolve(Reproducer.stem(f))));
            runs.put(e.id(), m);
        }
        Report.Written written = Report.writeReproduction(out, r, runs);
        System.out.print(render(r));
        System.out.println("report:  " + written.index());
        if (!"none".equals(report)) {
            String machine = String.format(Locale.ROOT, "%d cores, Java %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            String markdown = ReproductionReport.markdown(r, "./tailsim reproduce", machine);
            // Why each band is or is not met is written by people, beside the report; it travels with it.
            Path notes = Path.of(report).resolveSibling("reproduction-notes.md");
            if (Files.isRegularFile(notes)) {
                try {
                    markdown += "\n---\n\n" + Files.readString(notes);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read " + notes, e);
                }
            }
            ResultFiles.writeString(Path.of(report), markdown);
            System.out.println("summary: " + report);
        }
        System.out.println("results: " + out.resolve(Reproducer.REPRODUCTION_JSON));
        return 0;
    }

    static String render(Reproduction r) {
        StringBuilder sb = new StringBuilder();
        for (Reproduction.ExperimentResult e : r.experiments()) {
            sb.append(String.format(Locale.ROOT, "%s %s%n  published: %s%n", e.pass() ? "PASS" : "FAIL", e.id(), e.published()));
            for (Check c : e.checks()) {
                sb.append(String.format(Locale.ROOT, "  %-4s %-62s %12s  band %-14s %s%n", c.pass() ? "ok" : "MISS", c.name(),
                        c.value() == null ? "n/a" : String.format(Locale.ROOT, "%.3g", c.value()), c.band(),
                        c.detail() == null ? "" : c.detail()));
            }
        }
        long passed = r.experiments().stream().filter(Reproduction.ExperimentResult::pass).count();
        sb.append(String.format(Locale.ROOT, "%d of %d experiments inside their bands; %.0f s%n", passed,
                r.experiments().size(), r.wallSeconds()));
        return sb.toString();
    }
}
