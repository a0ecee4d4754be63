package io.tailsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that back the figures in docs/performance.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and record its figures (see docs/performance.md).",
        subcommands = {io.tailsim.cli.bench.EngineBenchCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
