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

    /** A non-negative, finite number of seconds as a Duration. */
    static java.time.Duration seconds(String option, double value) {
        if (!(value >= 0) || value > 86_400) {
            throw new UserInputException(option + " must be a number of seconds from 0 to 86400, got " + value);
        }
        return java.time.Duration.ofNanos(Math.round(value * 1e9));
    }
}
