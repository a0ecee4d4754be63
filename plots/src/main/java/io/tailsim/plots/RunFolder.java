package io.tailsim.plots;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.SeriesFile;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.SweepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's result folder as written by RunOutputs: summary.json (required), latency.hlog, and the
 * time series series.json and series.hlog (all optional here: figures that need a missing file
 * are skipped with a note).
 */
record RunFolder(Path dir, Summary summary, LatencyLog log, SeriesFile series, SeriesLog seriesLog) {

    static RunFolder read(Path dir) {
        Path summary = dir.resolve(RunOutputs.SUMMARY_JSON);
        if (!Files.isRegularFile(summary)) {
            throw new ResultFolderException(dir + " holds no " + RunOutputs.SUMMARY_JSON + " (is it a result folder of 'tailsim run'?)");
        }
        Path hlog = dir.resolve(RunOutputs.LATENCY_LOG);
        Path seriesJson = dir.resolve(SeriesFile.JSON);
        Path seriesHlog = dir.resolve(SeriesFile.HLOG);
        return new RunFolder(dir, readJson(summary, Summary.class),
                Files.isRegularFile(hlog) ? LatencyLog.read(hlog) : null,
                Files.isRegularFile(seriesJson) ? readJson(seriesJson, SeriesFile.class) : null,
                Files.isRegularFile(seriesHlog) ? SeriesLog.read(seriesHlog) : null);
    }

    static SweepResult readSweep(Path dir) {
        return readJson(dir.resolve(SweepResult.SWEEP_JSON), SweepResult.class);
    }

    // Fields added to the result files later must not stop older plots code from reading them.
    private static <T> T readJson(Path file, Class<T> type) {
        ObjectReader reader = ResultFiles.json().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return reader.readValue(file.toFile());
        } catch (IOException e) {
            throw new ResultFolderException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
