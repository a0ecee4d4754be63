package io.tailsim.cli;

/** Which exceptions are a user's mistake rather than a bug in tailsim. */
final class UserErrors {
    private UserErrors() {
    }

    static boolean isUserError(Throwable t) {
        return t instanceof UserInputException;
    }
}
