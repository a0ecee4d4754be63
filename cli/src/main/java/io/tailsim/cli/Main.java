package io.tailsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The tailsim command line: one picocli command with a subcommand per job. */
@Command(name = "tailsim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Discrete-event simulator of a replicated-log cluster built the way Apache Kafka is built.",
        subcommands = {
            RunCommand.class,
            SweepCommand.class,
            ReproduceCommand.class,
            ExplainCommand.class,
            PlotCommand.class,
            BenchCommand.class,
            ValidateCommand.class,
            CalibrateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::handleParameterException);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tailsim " + (v == null ? "development build" : v)};
        }
    }
}
