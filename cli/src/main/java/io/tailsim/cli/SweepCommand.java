package io.tailsim.cli;

import io.tailsim.plots.Report;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.scenarios.runner.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** tailsim sweep: every point of a scenario's sweep axes, in parallel, one row per point. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every point of the scenario's sweep axes in parallel.",
                "Writes DIR/sweep.json and DIR/sweep.csv (one row per point) and each point's results under DIR/points/."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file with a sweep: section.")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (default: the scenario's); shared by all points.")
    Long seed;

    @Mixin
    ParallelOptions parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>-sweep).")
    Path out;

    @Override
    public Integer call() {
        Scenario scenario = Scenario.load(file);
        if (scenario.sweepAxes().isEmpty()) {
            throw new UserInputException(file + ": has no sweep: section; use 'tailsim run' for a single scenario");
        }
        Integer replications = parallel.replications();
        int t = parallel.threads(Integer.MAX_VALUE);
        Path dir = out != null ? out : Path.of("out", scenario.name() + "-sweep");
        SweepResult result;
        try (Progress progress = new Progress(scenario.name() + " sweep")) {
            result = SweepResult.run(scenario, new ScenarioRunner.Options(replications, seed, t, progress), dir);
        }
        Report.Written report = Report.write(dir);
        System.out.print(render(result));
        System.out.println("results: " + dir.resolve(SweepResult.SWEEP_JSON));
        System.out.println("report:  " + report.index());
        return 0;
    }

    static String render(SweepResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-48s %10s %10s %10s %12s %10s%n", "point", "p50 ms", "p99 ms",
                "p99.9 ms", "MB/s", "max CPU"));
        for (SweepResult.Point p : r.points()) {
            var s = p.summary();
            double maxCpu = s.brokers().stream().mapToDouble(b -> b.cpuUtilization()).max().orElse(Double.NaN);
            sb.append(String.format(Locale.ROOT, "%-48s %10.2f %10.2f %10.2f %12.2f %9.0f%%%n", p.label(),
                    s.producerLatencyMs().get("p50"), s.producerLatencyMs().get("p99"),
                    s.producerLatencyMs().get("p99.9"), s.throughputMBps(), 100 * maxCpu));
        }
        return sb.toString();
    }
}
