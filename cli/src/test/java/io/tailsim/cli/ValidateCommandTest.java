package io.tailsim.cli;

import io.tailsim.validation.compare.OverlayFigure;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The validate and calibrate commands' handling of input, and the overlay figure; the real-cluster path is validation's smoke test. */
class ValidateCommandTest {
    static final String PROFILE = "../profiles/local.yaml";
    static final String BIG = "../validation/src/test/resources/scenarios/big.yaml";

    @Test
    void aScenarioTooBigForThisMachineIsRefusedWithTheFigureBeforeAnythingStarts(@TempDir Path tmp) {
        RunCommandTest.Outcome o = RunCommandTest.run("validate", BIG, "--profile", PROFILE, "--out", tmp.toString());
        assertThat(o.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(o.err()).contains("offered load 50.0 MB/s exceeds 25.0 MB/s").contains("--scale 2 or more");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void badArgumentsAreUserErrors(@TempDir Path tmp) {
        assertThat(RunCommandTest.run("validate", "--profile", PROFILE).err()).contains("give a scenario FILE, or --suite");
        assertThat(RunCommandTest.run("validate", tmp.resolve("missing.yaml").toString(), "--profile", PROFILE).err()).contains("scenario file not found");
        assertThat(RunCommandTest.run("validate", BIG, "--scale", "0.5", "--profile", PROFILE).err()).contains("--scale must be a number >= 1");
        assertThat(RunCommandTest.run("validate", BIG, "--profile", tmp.resolve("none.yaml").toString()).exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(RunCommandTest.run("validate", BIG, "--suite", "--profile", PROFILE).err()).contains("not both");
        RunCommandTest.Outcome repeat = RunCommandTest.run("validate", BIG, "--repeat", "0", "--profile", PROFILE);
        assertThat(repeat.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(repeat.err()).contains("--repeat must be at least 1, got 0").doesNotContain("Exception");
        assertThat(RunCommandTest.run("validate", "--suite", "--repeat", "-3", "--profile", PROFILE).err()).contains("--repeat must be at least 1");
        RunCommandTest.Outcome trace = RunCommandTest.run("validate", BIG, "--sched-trace", "0", "--profile", PROFILE, "--out", tmp.resolve("t").toString());
        assertThat(trace.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(trace.err()).contains("--sched-trace must be a positive number of seconds, got 0.0").doesNotContain("Exception");
        assertThat(RunCommandTest.run("validate", "--suite", "--sched-trace", "5", "--profile", PROFILE).err()).contains("--sched-trace goes with FILE");
        assertThat(tmp.resolve("t")).doesNotExist();
        for (String cmd : List.of("validate", "calibrate")) {
            RunCommandTest.Outcome warm = cmd.equals("validate")
                    ? RunCommandTest.run(cmd, BIG, "--broker-warmup", "-5", "--profile", PROFILE)
                    : RunCommandTest.run(cmd, "--broker-warmup", "NaN", "--out", tmp.resolve("p.yaml").toString(), "--work", tmp.resolve("w").toString());
            assertThat(warm.exit()).as(cmd).isEqualTo(ErrorHandler.USER_ERROR);
            assertThat(warm.err()).as(cmd).contains("--broker-warmup must be a number of seconds from 0 to 86400").doesNotContain("Exception");
        }
        assertThat(tmp.resolve("w")).doesNotExist();
        RunCommandTest.Outcome pool = RunCommandTest.run("calibrate", "--pool", tmp.resolve("nowhere").toString(), "--out",
                tmp.resolve("p.yaml").toString(), "--work", tmp.resolve("w").toString());
        assertThat(pool.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(pool.err()).contains("--pool").contains("no such folder").doesNotContain("Exception");
        assertThat(tmp.resolve("w")).doesNotExist();
        assertThat(RunCommandTest.run("validate", "--help").exit()).isZero();
        assertThat(RunCommandTest.run("calibrate", "--help").exit()).isZero();
    }

    @Test
    void theOverlayDrawsSimulatedAndMeasuredPercentileCurvesAsPngAndSvg(@TempDir Path tmp) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Random r = new Random(1);
        Histogram a = new Histogram(3), b = new Histogram(3), c = new Histogram(3);
        for (int i = 0; i < 5000; i++) {
            a.recordValue((long) (2e6 + 1e6 * Math.abs(r.nextGaussian() * r.nextGaussian())));
            b.recordValue((long) (2.2e6 + 1e6 * Math.abs(r.nextGaussian())));
            c.recordValue((long) (3e6 + 2e6 * Math.abs(r.nextGaussian())));
        }
        List<Path> files = new ValidateCommand.PlotsOverlay().draw(tmp, "distribution", "t",
                List.of(new OverlayFigure.Series("producer, simulated", List.of(a, b)), new OverlayFigure.Series("producer, measured", List.of(c))));
        assertThat(files).containsExactly(tmp.resolve("distribution.png"), tmp.resolve("distribution.svg"));
        assertThat(Files.size(tmp.resolve("distribution.png"))).isGreaterThan(5_000);
        assertThat(Files.readString(tmp.resolve("distribution.svg"))).contains("producer, measured").contains("99.9%");
        assertThat(new ValidateCommand.PlotsOverlay().draw(tmp, "empty", "t", List.of())).isEmpty();
    }
}
