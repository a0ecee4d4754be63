package io.tailsim.scenarios.units;

/** A value that is not a valid quantity of the kind expected; the message says what was expected. */
public class UnitException extends IllegalArgumentException {
    public UnitException(String message) {
        super(message);
    }
}
