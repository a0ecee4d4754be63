package io.tailsim.cli;

/** Checks on option values that picocli's type conversion cannot express. */
final class Options {
    private Options() {
    }

    static void requirePositive(String option, long value) {
        if (value < 1) {
            throw new UserInputException(option + " must be at least 1, got " + value);
        }
    }
}
