package io.tailsim.validation.driver;

/** The arrival process of one producer's records. */
public enum Arrival {
    /** Evenly spaced sends at the producer's rate. */
    CONSTANT,
    /** Exponential gaps at the producer's rate. */
    POISSON
}
