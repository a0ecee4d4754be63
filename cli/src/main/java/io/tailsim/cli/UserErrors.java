package io.tailsim.cli;

import io.tailsim.models.config.ConfigException;
import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.runner.OverloadedClusterException;

/** Which exceptions are a user's mistake rather than a bug in tailsim. */
final class UserErrors {
    private UserErrors() {
    }

    static boolean isUserError(Throwable t) {
        return t instanceof UserInputException || t instanceof ScenarioException || t instanceof ConfigException
                || t instanceof OverloadedClusterException;
    }
}
