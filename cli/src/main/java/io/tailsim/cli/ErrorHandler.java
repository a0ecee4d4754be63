package io.tailsim.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Maps failures to exit codes: a user's mistake (bad arguments, bad input files) is a one-paragraph
 * message and exit code 2, never a stack trace; anything else is a bug and keeps its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (UserErrors.isUserError(ex)) {
            err.println("tailsim: " + ex.getMessage());
            err.flush();
            return USER_ERROR;
        }
        ex.printStackTrace(err);
        err.flush();
        return 1;
    }

    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("tailsim: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USER_ERROR;
    }
}
