package io.tailsim.validation;

/** A run this machine cannot carry faithfully, or one that would collide with another live run; the message names the figure. */
public final class RefusedRunException extends RuntimeException {
    public RefusedRunException(String message) {
        super(message);
    }
}
