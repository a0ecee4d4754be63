package io.tailsim.cli.bench;

import io.tailsim.cli.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tailsim bench engine}: the hold benchmark of tailsim's event list against SSJ and a baseline. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {
            "Hold benchmark of the future event list: the pending set is held at each size while the"
                + " earliest event fires and schedules one more after a delay drawn U(0, 2 s) (mean 1 s).",
            "Engines, in one JVM: tailsim (Simulator + its default LadderEventList), ssj-splaytree, ssj-binarytree"
                + " (SSJ 3.3.2 Simulator + event list), java-priorityqueue (a bare loop).",
            "Prints median events/s per engine and size and writes DIR/engine-bench.json."})
public final class EngineBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Directory for engine-bench.json, created if missing (default: ${DEFAULT-VALUE},"
                + " relative to the current directory).")
    Path out;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "100,10000,1000000",
            description = "Pending-set sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs per engine and size; the median is"
            + " reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed warm-up runs per engine and size,"
            + " so the JIT compiles the loop first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Events fired per run"
            + " (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", defaultValue = "" + HoldModel.DEFAULT_SEED,
            description = "Seed of the delay stream, the same for every engine (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        EngineBench.Settings settings = new EngineBench.Settings(sizes, List.of(EngineKind.values()), warmup, runs,
                events, HoldModel.DEFAULT_MEAN_DELAY_NANOS, seed);
        err.printf("hold benchmark: %d warm-up + %d timed runs of %,d events per engine and size%n",
                warmup, runs, events);
        err.flush();
        List<EngineBench.Result> results = EngineBench.run(settings, line -> {
            err.println(line);
            err.flush();
        });
        stdout.print(EngineTable.format(results));
        Path written = BenchJson.write(out, results);
        stdout.println("wrote " + written);
        stdout.flush();
        return 0;
    }

    private void validate() {
        for (int n : sizes) {
            if (n < 1) {
                throw new UserInputException("--sizes: every size must be at least 1, got " + n);
            }
        }
        if (runs < 1) {
            throw new UserInputException("--runs must be at least 1, got " + runs);
        }
        if (warmup < 0) {
            throw new UserInputException("--warmup must be 0 or more, got " + warmup);
        }
        if (events < 1) {
            throw new UserInputException("--events must be at least 1, got " + events);
        }
        // Fail before minutes of measuring, not after.
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot create directory " + out + " (" + e + ")");
        }
        if (!Files.isWritable(out)) {
            throw new UserInputException("--out: directory " + out + " is not writable");
        }
    }
}
