package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/**
 * A non-negative random quantity (a service time, an inter-arrival time, a size). Distributions are
 * immutable and draw from the caller's stream, so one distribution can serve many entities while
 * each keeps its own common-random-number stream.
 */
public interface Distribution {
    /** One draw, in the distribution's unit (nanoseconds for times by convention). */
    double sample(RandomStream rng);

    /** The mean, or NaN when it does not exist. */
    double mean();

    /** The variance, or NaN when unknown. */
    double variance();

    /** Squared coefficient of variation, variance / mean^2 (Kingman's c^2). */
    default double scv() {
        double m = mean();
        return variance() / (m * m);
    }

    /** A human-readable description, e.g. "lognormal(mean=2.0, cv=1.41)". */
    String describe();
}
