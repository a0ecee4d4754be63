package io.tailsim.cli;

/** A problem with what the user asked for (a path, an option value), reported without a stack trace. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
