package io.tailsim.validation;

/**
 * A run this machine cannot carry faithfully, one that would collide with another live run, or kept runs that cannot be pooled
 * with it; the message names the figure.
 */
public class RefusedRunException extends RuntimeException {
    public RefusedRunException(String message) {
        super(message);
    }
}
