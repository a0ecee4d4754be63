package io.tailsim.cli;

import io.tailsim.plots.Report;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** tailsim run: simulate one scenario, print the summary, write the result files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a scenario's replications and report latency percentiles with 95%% confidence intervals.",
                "Writes DIR/summary.json, DIR/summary.csv, DIR/latency.hlog (HdrHistogram log), the time series "
                        + "DIR/series.hlog and DIR/series.json, figures and DIR/index.html."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file (see docs/scenarios.md).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (default: the scenario's).")
    Long seed;

    @Mixin
    ParallelOptions parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>).")
    Path out;

    @Override
    public Integer call() {
        Scenario scenario = Scenario.load(file);
        Integer override = parallel.replications();
        int reps = override != null ? override : scenario.replications();
        int t = parallel.threads(reps);
        Path dir = out != null ? out : Path.of("out", scenario.name());
        ScenarioRunner.Outcome outcome;
        try (Progress progress = new Progress(scenario.name())) {
            outcome = new ScenarioRunner().run(scenario, new ScenarioRunner.Options(reps, seed, t, progress));
        }
        RunOutputs.write(dir, outcome.summary(), outcome.replications());
        Report.Written report = Report.write(dir);
        System.out.print(SummaryTable.render(outcome.summary()));
        System.out.println("results: " + dir.resolve(RunOutputs.SUMMARY_JSON));
        System.out.println("report:  " + report.index());
        return 0;
    }
}
