package io.tailsim.plots;

import io.tailsim.scenarios.reproduce.Reproduction;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.SweepResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entry points: draw every figure a result folder's data allows (PNG and SVG under
 * figures/) and an index.html with the summary tables and the figures, working offline. Figures
 * the data does not allow are named on the page with the reason, never drawn from invented data.
 * Nothing is re-run: only result files are read.
 *
 * <p>A result folder is either a run's (summary.json, latency.hlog) or a sweep's (sweep.json with
 * each point's run folder under points/). Same result files, same output bytes.
 */
public final class Report {
    public static final String INDEX = "index.html";

    /** What was written: the page, every figure file, and the notes on figures not drawn. */
    public record Written(Path index, List<Path> figures, List<String> notes) {
    }

    private Report() {
    }

    /** Draws the report of a run or sweep folder into that folder. */
    public static Written write(Path resultDir) {
        return write(resultDir, resultDir);
    }

    /** Draws the report of a run or sweep folder into {@code outDir}. */
    public static Written write(Path resultDir, Path outDir) {
        if (Files.isRegularFile(resultDir.resolve(RunOutputs.SUMMARY_JSON))) {
            return RunReport.build(RunFolder.read(resultDir)).write(outDir);
        }
        if (Files.isRegularFile(resultDir.resolve(SweepResult.SWEEP_JSON))) {
            return SweepReport.build(resultDir, RunFolder.readSweep(resultDir)).write(outDir);
        }
        if (!Files.isDirectory(resultDir)) {
            throw new ResultFolderException(resultDir + " is not a folder");
        }
        throw new ResultFolderException(resultDir + " holds neither " + RunOutputs.SUMMARY_JSON + " nor "
                + SweepResult.SWEEP_JSON + ": not a result folder of 'tailsim run' or 'tailsim sweep'");
    }

    /**
     * Compares several runs side by side (the blog's linger.ms / batch.size and 90 vs 900 producer
     * figures): {@code labelledResultDirs} maps each run's label to its result folder, in the order
     * the runs are drawn.
     */
    public static Written writeComparison(Path outDir, Map<String, Path> labelledResultDirs) {
        if (labelledResultDirs.isEmpty()) {
            throw new ResultFolderException("nothing to compare: no result folders given");
        }
        Map<String, RunFolder> runs = new LinkedHashMap<>();
        labelledResultDirs.forEach((label, dir) -> runs.put(label, RunFolder.read(dir)));
        return ComparisonReport.build(runs).write(outDir);
    }

    /**
     * The report of 'tailsim reproduce': each experiment's runs compared side by side (or its sweep
     * drawn) under outDir/&lt;id&gt;/, and outDir/index.html with every check and a link to each.
     * {@code experimentRuns} maps experiment id to its runs' labels and result folders.
     */
    public static Written writeReproduction(Path outDir, Reproduction reproduction,
                                            Map<String, Map<String, Path>> experimentRuns) {
        Map<String, String> links = new LinkedHashMap<>();
        List<Path> figures = new java.util.ArrayList<>();
        List<String> notes = new java.util.ArrayList<>();
        experimentRuns.forEach((id, runs) -> {
            Path dir = outDir.resolve(id);
            Written w = runs.size() == 1 ? write(runs.values().iterator().next(), dir) : writeComparison(dir, runs);
            figures.addAll(w.figures());
            w.notes().forEach(n -> notes.add(id + ": " + n));
            links.put(id, id + "/" + INDEX);
        });
        return new Written(ReproductionPage.write(outDir, reproduction, links), figures, notes);
    }

    /** Three significant figures, no exponent for ordinary values; "n/a" for NaN. */
    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String fmtPercent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
