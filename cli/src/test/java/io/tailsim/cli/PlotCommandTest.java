package io.tailsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlotCommandTest {
    @Test
    void drawsFromResultFilesIntoTheFolderOrOutAndComparesLabelledRuns(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        assertThat(RunCommandTest.run("run", RunCommandTest.TINY.toString(), "--replications", "2", "--threads", "2",
                "--out", run.toString()).exit()).isZero();
        byte[] summary = Files.readAllBytes(run.resolve("summary.json"));

        assertThat(RunCommandTest.run("plot", run.toString()).exit()).isZero();
        assertThat(run.resolve("index.html")).isRegularFile();
        assertThat(run.resolve("figures/components.svg")).isRegularFile();
        assertThat(run.resolve("figures/components.png")).isRegularFile();
        // Plotting reads results; it never re-runs or rewrites them.
        assertThat(Files.readAllBytes(run.resolve("summary.json"))).isEqualTo(summary);

        Path elsewhere = tmp.resolve("elsewhere");
        assertThat(RunCommandTest.run("plot", run.toString(), "--out", elsewhere.toString()).exit()).isZero();
        assertThat(Files.readString(elsewhere.resolve("index.html")))
                .isEqualTo(Files.readString(run.resolve("index.html")));

        Path cmp = tmp.resolve("cmp");
        assertThat(RunCommandTest.run("plot", "first=" + run, "second=" + run, "--out", cmp.toString()).exit()).isZero();
        assertThat(Files.readString(cmp.resolve("index.html"))).contains("first vs second");
        assertThat(cmp.resolve("figures/bars-producer.svg")).isRegularFile();
    }

    @Test
    void missingFoldersAndAmbiguousRequestsAreUserErrors(@TempDir Path tmp) {
        RunCommandTest.Outcome missing = RunCommandTest.run("plot", tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope").contains("no such folder").doesNotContain("\tat ");

        RunCommandTest.Outcome notResults = RunCommandTest.run("plot", tmp.toString());
        assertThat(notResults.exit()).isEqualTo(2);
        assertThat(notResults.err()).contains("summary.json").contains("sweep.json").doesNotContain("\tat ");

        RunCommandTest.Outcome noOut = RunCommandTest.run("plot", tmp.toString(), tmp.toString());
        assertThat(noOut.exit()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }
}
