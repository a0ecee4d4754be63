package io.tailsim.cli;

import io.tailsim.plots.Curve;
import io.tailsim.plots.PercentileDistributionChart;
import io.tailsim.plots.ReplicatedCurves;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.cluster.ClusterOptions;
import io.tailsim.validation.metrics.SchedTrace;
import io.tailsim.validation.compare.Bars;
import io.tailsim.validation.compare.ComparisonTable;
import io.tailsim.validation.compare.OverlayFigure;
import io.tailsim.validation.compare.Suite;
import io.tailsim.validation.compare.Validation;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/** tailsim validate: a scenario on this machine's real Kafka cluster and in the simulator, side by side. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run a scenario on a real Apache Kafka 4.4 cluster on this machine (3 nodes on",
                "127.0.0.1) and in the simulator with this machine's hardware profile; print both",
                "side by side with relative errors. Writes DIR/comparison.json, validation.json,",
                "measured.json, simulated/ and distribution.{png,svg}.",
                "--suite runs validation/suite/*.yaml one after another (finished scenarios are",
                "kept, so an interrupted suite resumes) and writes docs/validation.md.",
                "--repeat N runs the real side N times (the suite in rounds: every scenario once,",
                "then again, ...), keeps each run as DIR/measured-K.json and compares with their",
                "median (DIR/measured.json), showing the runs' min..max."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Scenario YAML file (any; see docs/scenarios.md).")
    Path file;

    @Option(names = "--suite", description = "Run every scenario of --suite-dir and write the report (--report).")
    boolean suite;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/validate/<scenario>, or out/validation-suite with --suite).")
    Path out;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "Divide every group's rate by F and its client count by F (nearest, at least 1), on both sides (default: 1).")
    double scale;

    @Option(names = "--profile", paramLabel = "FILE", defaultValue = "profiles/local.yaml",
            description = "This machine's hardware profile for the simulated side (default: ${DEFAULT-VALUE}).")
    Path profile;

    @Option(names = "--replications", paramLabel = "N", description = "Simulated replications (default: the scenario's).")
    Integer replications;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Real runs per scenario, compared through their median with min..max (default: ${DEFAULT-VALUE}). With --suite the "
                    + "runs go in rounds over all scenarios. With --suite, or --reuse-measured, runs kept from earlier count: a larger N adds runs.")
    int repeat;

    @Option(names = "--reuse-measured", description = "Keep the real runs already in DIR (measured-K.json, or an earlier measured.json) and run "
            + "only as many more as --repeat asks. With --suite --fresh: simulate and compare every scenario again but keep its runs.")
    boolean reuseMeasured;

    @Option(names = "--fresh", description = "With --suite: run every scenario again, also those finished earlier, and measure it anew "
            + "(its kept real runs are removed, unless --reuse-measured).")
    boolean fresh;

    @Option(names = "--report-only", description = "With --suite: write the report from the results already in the output folder; run nothing.")
    boolean reportOnly;

    @Option(names = "--suite-dir", paramLabel = "DIR", defaultValue = "validation/suite", description = "Suite scenarios (default: ${DEFAULT-VALUE}).")
    Path suiteDir;

    @Option(names = "--broker-warmup", paramLabel = "S", defaultValue = "90",
            description = "Seconds the real brokers carry the scenario's load before its own warm-up starts, so that their JIT "
                    + "compilers have settled when the window opens (default: ${DEFAULT-VALUE}; 0 measures brokers in their first minute, "
                    + "as the suite did before 2026-12-06 17:30 UTC). Kept runs measured after another warm-up are not pooled.")
    double brokerWarmup;

    @Option(names = "--sched-trace", paramLabel = "S",
            description = "With FILE: trace Linux's scheduler on every CPU (perf record of sched_switch, sched_waking, sched_wakeup) for the "
                    + "first S seconds of the measured window and write DIR/sched-trace.json: per thread class its wake-ups, preemptions and "
                    + "who preempted it, the wait from waking to running, the CPU per wake-up, and where woken threads were put. Needs perf "
                    + "allowed to trace every CPU; with --repeat, the last run's. The trace itself costs some CPU, so a traced run is for diagnosis, not for the bars.")
    Double schedTrace;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "docs/validation.md", description = "Suite report (default: ${DEFAULT-VALUE}).")
    Path report;

    @Override
    public Integer call() throws InterruptedException {
        // Charts are drawn off-screen.
        System.setProperty("java.awt.headless", "true");
        if (!(scale >= 1) || Double.isInfinite(scale)) throw new UserInputException("--scale must be a number >= 1, got " + scale);
        if (replications != null) Options.requirePositive("--replications", replications);
        Options.requirePositive("--repeat", repeat);
        if (!Files.isRegularFile(profile)) throw new UserInputException("hardware profile not found: " + profile + " (--profile)");
        Validation.Options options = new Validation.Options(profile, scale, replications,
                ClusterOptions.defaults().withBrokerWarmup(Options.seconds("--broker-warmup", brokerWarmup)), new PlotsOverlay(),
                reuseMeasured, ValidateCommand::log).withRepeat(repeat);
        try {
            if (suite) {
                if (file != null) throw new UserInputException("give either FILE or --suite, not both");
                if (schedTrace != null) throw new UserInputException("--sched-trace goes with FILE, not --suite: a traced run is for diagnosis");
                return runSuite(options);
            }
            if (reportOnly) throw new UserInputException("--report-only goes with --suite");
            if (file == null) throw new UserInputException("give a scenario FILE, or --suite");
            if (!Files.isRegularFile(file)) throw new UserInputException("scenario file not found: " + file);
            Path dir = out != null ? out : Path.of("out", "validate", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
            if (schedTrace != null) {
                if (!(schedTrace > 0)) throw new UserInputException("--sched-trace must be a positive number of seconds, got " + schedTrace);
                String why = SchedTrace.unavailable();
                if (why != null) throw new UserInputException("--sched-trace: " + why);
                options = options.withCluster(options.cluster().withSchedTrace(
                        new ClusterOptions.SchedTraceRequest(Options.seconds("--sched-trace", schedTrace), dir.resolve("sched-trace.json"))));
            }
            Validation.Result r = Validation.run(file, dir, options);
            System.out.print(ComparisonTable.render(r.comparison()));
            if (r.record().otherCpuFlagged())
                System.out.printf(Locale.ROOT, "WARNING: %.2f cores of CPU went to other processes during the measured window%s: the measured latencies are spoiled%n",
                        r.record().otherCpuCores(), r.record().runCount() > 1 ? " of at least one run" : "");
            System.out.println("comparison: " + dir.resolve(Validation.COMPARISON_JSON));
            return 0;
        } catch (RefusedRunException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private int runSuite(Validation.Options options) throws InterruptedException {
        if (!Files.isDirectory(suiteDir)) throw new UserInputException("suite folder not found: " + suiteDir);
        Path dir = out != null ? out : Path.of("out", "validation-suite");
        Suite.Options suiteOptions = new Suite.Options(suiteDir, dir, report, fresh, List.of(), options);
        Bars bars = reportOnly ? Suite.report(suiteOptions) : Suite.run(suiteOptions);
        System.out.printf(Locale.ROOT, "latency rows within 30%%: %d of %d (%.0f%%, bar 80%%: %s); paired comparisons within 30%%: %d of %d (%s)%n",
                bars.rowsWithin(), bars.latencyRows().size(), 100 * bars.shareWithin(), bars.rowsPass() ? "met" : "not met",
                bars.pairs().stream().filter(p -> p.withinTolerance()).count(), bars.pairs().size(), bars.pairsPass() ? "met" : "not met");
        System.out.printf(Locale.ROOT, "simulated inside the real runs' min..max widened by 30%%: %d of %d rows%n", bars.rowsInRange(), bars.latencyRows().size());
        System.out.println("report: " + report);
        return 0;
    }

    private static void log(String msg) {
        System.out.println("[" + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + msg);
    }

    /** The overlay with plots' percentile-distribution chart (validation cannot depend on plots; the command line can). */
    static final class PlotsOverlay implements OverlayFigure {
        static final int WIDTH = 900;
        static final int HEIGHT = 540;

        @Override
        public List<Path> draw(Path dir, String stem, String title, List<Series> series) {
            List<Curve> curves = new ArrayList<>();
            for (Series s : series) curves.add(ReplicatedCurves.percentiles(s.name(), s.nanos()));
            curves.removeIf(Objects::isNull);
            if (curves.isEmpty()) return List.of();
            JFreeChart chart = PercentileDistributionChart.chart(title, "bands: 95% interval over simulated replications", "latency", curves);
            Path png = dir.resolve(stem + ".png");
            Path svg = dir.resolve(stem + ".svg");
            ResultFiles.writeBytes(png, png(chart));
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            g.setDefsKeyPrefix(stem + "-");
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            g.dispose();
            ResultFiles.writeString(svg, g.getSVGDocument());
            return List.of(png, svg);
        }

        private static byte[] png(JFreeChart chart) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode the figure", e);
            }
        }
    }
}
