package io.tailsim.models.cpu;

import io.tailsim.core.dist.LogNormal;
import io.tailsim.core.rng.RandomStream;

/**
 * Turns a mean CPU cost into one job's cost: the mean times a lognormal factor of mean 1 and the
 * profile's coefficient of variation (measured service times vary; Kingman's cs^2 needs it).
 * A cv of 0 gives the mean exactly and draws nothing.
 */
public final class ServiceNoise {
    private final RandomStream rng;
    private final LogNormal factor;

    public ServiceNoise(RandomStream rng, double cv) {
        this.rng = rng;
        this.factor = cv > 0 ? LogNormal.ofMeanCv(1.0, cv) : null;
    }

    public double draw(double meanNanos) {
        if (factor == null || meanNanos <= 0) {
            return meanNanos;
        }
        return meanNanos * factor.sample(rng);
    }
}
