package io.tailsim.validation.compare;

import io.tailsim.scenarios.result.ResultFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * tailsim validate --suite: every validation/suite/*.yaml through {@link Validation}, one folder each under the output folder,
 * then the bars and docs/validation.md. A scenario whose comparison.json and validation.json already exist is not run again
 * (unless fresh), so an interrupted suite resumes where it stopped; a scenario that fails is recorded in its folder's
 * failure.txt and the suite goes on.
 */
public final class Suite {
    public static final String FAILURE_TXT = "failure.txt";

    /** @param calibrationScenarios scenario names used to fit the profile: left out of the bars (calibrate uses its own runs, so none) */
    public record Options(Path suiteDir, Path outDir, Path report, boolean fresh, List<String> calibrationScenarios,
                          Validation.Options validation) {
    }

    private Suite() {
    }

    public static List<Path> scenarioFiles(Path suiteDir) {
        try (Stream<Path> s = Files.list(suiteDir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            if (files.isEmpty()) throw new IllegalArgumentException("no *.yaml scenario in " + suiteDir);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + suiteDir, e);
        }
    }

    public static Bars run(Options o) throws InterruptedException {
        List<Path> files = scenarioFiles(o.suiteDir());
        long t0 = System.nanoTime();
        int i = 0;
        for (Path f : files) {
            i++;
            String name = name(f);
            Path dir = o.outDir().resolve(name);
            String head = String.format(Locale.ROOT, "[suite %d/%d, %.0f s] %s", i, files.size(), (System.nanoTime() - t0) / 1e9, name);
            if (!o.fresh() && done(dir)) {
                o.validation().progress().accept(head + ": done earlier (" + dir.resolve(Validation.COMPARISON_JSON) + "), kept; --fresh runs it again");
                continue;
            }
            o.validation().progress().accept(head + ": starting");
            long s0 = System.nanoTime();
            try {
                Files.deleteIfExists(dir.resolve(FAILURE_TXT));
                Validation.run(f, dir, o.validation());
                o.validation().progress().accept(String.format(Locale.ROOT, "%s: finished in %.0f s", head, (System.nanoTime() - s0) / 1e9));
            } catch (RuntimeException | IOException e) {
                StringWriter w = new StringWriter();
                e.printStackTrace(new PrintWriter(w));
                ResultFiles.writeString(dir.resolve(FAILURE_TXT), e.getMessage() + "\n\n" + w);
                o.validation().progress().accept(String.format(Locale.ROOT, "%s: FAILED after %.0f s: %s (see %s)", head,
                        (System.nanoTime() - s0) / 1e9, e.getMessage(), dir.resolve(FAILURE_TXT)));
            }
        }
        Bars bars = report(o);
        o.validation().progress().accept(String.format(Locale.ROOT, "[suite %.0f s] wrote %s", (System.nanoTime() - t0) / 1e9, o.report()));
        return bars;
    }

    /** Writes the report from the results already in the output folder, running nothing; returns the bars. */
    public static Bars report(Options o) {
        List<Path> files = scenarioFiles(o.suiteDir());
        Map<String, SuiteReport.Entry> entries = collect(files, o.outDir());
        Map<String, Comparison> forBars = new LinkedHashMap<>();
        entries.forEach((n, e) -> {
            if (e.comparison() != null && !o.calibrationScenarios().contains(n)) forBars.put(n, e.comparison());
        });
        Bars bars = Bars.of(forBars, Pair.SUITE);
        SuiteReport.write(o.report(), o.outDir(), entries, bars, o);
        return bars;
    }

    static boolean done(Path dir) {
        return Files.isRegularFile(dir.resolve(Validation.COMPARISON_JSON)) && Files.isRegularFile(dir.resolve(ValidationRecord.FILE));
    }

    static Map<String, SuiteReport.Entry> collect(List<Path> files, Path outDir) {
        Map<String, SuiteReport.Entry> m = new LinkedHashMap<>();
        for (Path f : files) {
            Path dir = outDir.resolve(name(f));
            String failure = null;
            try {
                if (Files.isRegularFile(dir.resolve(FAILURE_TXT))) failure = Files.readString(dir.resolve(FAILURE_TXT)).lines().findFirst().orElse("");
            } catch (IOException e) {
                failure = e.toString();
            }
            boolean ok = done(dir);
            m.put(name(f), new SuiteReport.Entry(name(f), f, dir, ok ? Comparison.read(dir.resolve(Validation.COMPARISON_JSON)) : null,
                    ok ? ValidationRecord.read(dir) : null, failure));
        }
        return m;
    }

    static String name(Path f) {
        return f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }
}
