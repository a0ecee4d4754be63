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
 * then the bars and docs/validation.md. With {@code --repeat N} the real runs are interleaved in rounds: all scenarios are
 * simulated first, then round 1 runs every scenario's real cluster once, round 2 again, and so on, so that a drift of this
 * shared machine's speed hits all scenarios alike; run K of every scenario ran in round K, and the pairs' ratios are also
 * taken round by round. A scenario whose comparison.json and validation.json already exist with at least N real runs is not
 * run again (unless fresh); one short of runs keeps the runs it has and gets only the missing ones, so an interrupted suite
 * resumes where it stopped and a larger N adds runs. Fresh removes the kept runs first, except with reuseMeasured, which
 * keeps them and simulates and compares again (after a new profile). A scenario that fails is recorded in its folder's
 * failure.txt, takes no further rounds, and the suite goes on; its finished runs stay for the next invocation.
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
        Validation.Options v = o.validation();
        int rounds = v.repeat();
        List<Path> files = scenarioFiles(o.suiteDir());
        long t0 = System.nanoTime();
        Map<String, Validation.Prepared> pending = new LinkedHashMap<>();
        int i = 0;
        for (Path f : files) {
            i++;
            String name = name(f);
            Path dir = o.outDir().resolve(name);
            String head = String.format(Locale.ROOT, "[suite %d/%d, %.0f s] %s", i, files.size(), (System.nanoTime() - t0) / 1e9, name);
            if (!o.fresh() && done(dir, rounds)) {
                v.progress().accept(head + ": done earlier with " + ValidationRecord.read(dir).runCount() + " real runs ("
                        + dir.resolve(Validation.COMPARISON_JSON) + "), kept; --fresh runs it again");
                continue;
            }
            v.progress().accept(head + ": preparing and simulating");
            long s0 = System.nanoTime();
            try {
                Files.deleteIfExists(dir.resolve(FAILURE_TXT));
                Validation.Prepared p = Validation.prepare(f, dir, v);
                if (o.fresh() && !v.reuseMeasured()) MeasuredRuns.deleteAll(dir);
                Validation.requirePoolable(p, v);
                Validation.simulate(p, v);
                int kept = MeasuredRuns.count(dir);
                if (kept > 0) v.progress().accept(head + ": keeps " + kept + " real run" + (kept == 1 ? "" : "s") + " measured earlier");
                pending.put(name, p);
            } catch (Validation.MixedKeptRunsException e) {
                throw e; // the folder, not this scenario, is wrong: the whole suite would refuse alike
            } catch (RuntimeException | IOException e) {
                fail(dir, head, s0, e, v);
            }
        }
        for (int r = 1; r <= rounds; r++) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Path dir = e.getValue().dir();
                if (MeasuredRuns.count(dir) >= r) continue;
                String head = String.format(Locale.ROOT, "[suite round %d/%d, %.0f s] %s", r, rounds, (System.nanoTime() - t0) / 1e9, e.getKey());
                v.progress().accept(head + ": real run");
                long s0 = System.nanoTime();
                try {
                    Validation.measure(e.getValue(), v, String.format(Locale.ROOT, "round %d of %d", r, rounds));
                    v.progress().accept(String.format(Locale.ROOT, "%s: finished in %.0f s", head, (System.nanoTime() - s0) / 1e9));
                } catch (RuntimeException ex) {
                    fail(dir, head, s0, ex, v);
                    it.remove();
                }
            }
        }
        for (var e : pending.entrySet()) {
            long s0 = System.nanoTime();
            String head = String.format(Locale.ROOT, "[suite %.0f s] %s", (System.nanoTime() - t0) / 1e9, e.getKey());
            try {
                Validation.compare(e.getValue(), v);
            } catch (RuntimeException ex) {
                fail(e.getValue().dir(), head, s0, ex, v);
            }
        }
        Bars bars = report(o);
        v.progress().accept(String.format(Locale.ROOT, "[suite %.0f s] wrote %s", (System.nanoTime() - t0) / 1e9, o.report()));
        return bars;
    }

    private static void fail(Path dir, String head, long s0, Exception e, Validation.Options v) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        ResultFiles.writeString(dir.resolve(FAILURE_TXT), e.getMessage() + "\n\n" + w);
        v.progress().accept(String.format(Locale.ROOT, "%s: FAILED after %.0f s: %s (see %s)", head,
                (System.nanoTime() - s0) / 1e9, e.getMessage(), dir.resolve(FAILURE_TXT)));
    }

    /** Writes the report from the results already in the output folder, running nothing; returns the bars. */
    public static Bars report(Options o) {
        List<Path> files = scenarioFiles(o.suiteDir());
        Map<String, SuiteReport.Entry> entries = collect(files, o.outDir());
        Map<String, Comparison> forBars = new LinkedHashMap<>();
        Map<String, MeasuredReference> references = new LinkedHashMap<>();
        List<String> without = new java.util.ArrayList<>();
        entries.forEach((n, e) -> {
            if (o.calibrationScenarios().contains(n)) return;
            if (e.comparison() != null) {
                forBars.put(n, e.comparison());
                if (e.reference() != null) references.put(n, e.reference());
            } else {
                without.add(n);
            }
        });
        Bars bars = Bars.of(forBars, Pair.SUITE, Pair.BESIDE_THE_BAR, references, without);
        SuiteReport.write(o.report(), o.outDir(), entries, bars, o);
        return bars;
    }

    static boolean done(Path dir) {
        return Files.isRegularFile(dir.resolve(Validation.COMPARISON_JSON)) && Files.isRegularFile(dir.resolve(ValidationRecord.FILE));
    }

    /** Complete, and compared with at least {@code runs} real runs. */
    static boolean done(Path dir, int runs) {
        return done(dir) && ValidationRecord.read(dir).runCount() >= runs;
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
            // a scenario that failed this time shows no figures, not those an earlier invocation left in its folder
            boolean ok = failure == null && done(dir);
            m.put(name(f), new SuiteReport.Entry(name(f), f, dir, ok ? Comparison.read(dir.resolve(Validation.COMPARISON_JSON)) : null,
                    ok ? ValidationRecord.read(dir) : null, ok ? reference(dir) : null, failure));
        }
        return m;
    }

    /** DIR/measured.json, or null if absent or unreadable (the report then shows no per-round figures for it). */
    private static MeasuredReference reference(Path dir) {
        try {
            return MeasuredRuns.readReference(dir);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String name(Path f) {
        return f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }
}
