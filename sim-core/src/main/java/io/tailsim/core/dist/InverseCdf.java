package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;
import java.util.Objects;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * Any commons-math3 {@link RealDistribution} (Weibull, Pareto, triangular...) sampled by inversion
 * with one uniform from the caller's stream, so it keeps per-entity common random numbers; the
 * commons-math3 object's own generator is never used.
 *
 * <p>For what is off the hot path (rare pauses, one-off delays): each draw costs a commons-math3
 * {@code inverseCumulativeProbability}, which allocates even in closed form (FastMath.pow makes
 * scratch arrays) and for most families (Pareto, gamma, lognormal...) runs a root finder. Hot paths
 * use this package's own classes, which never allocate.
 */
public final class InverseCdf implements Distribution {
    private final RealDistribution distribution;
    private final double mean;
    private final double variance;

    public InverseCdf(RealDistribution distribution) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        double lower = distribution.getSupportLowerBound();
        if (!(lower >= 0)) {
            throw new IllegalArgumentException(distribution.getClass().getSimpleName()
                    + " can take negative values (support starts at " + lower + "); durations and sizes cannot");
        }
        this.mean = distribution.getNumericalMean();
        this.variance = distribution.getNumericalVariance();
    }

    public RealDistribution distribution() {
        return distribution;
    }

    @Override
    public double sample(RandomStream rng) {
        return distribution.inverseCumulativeProbability(rng.nextDouble());
    }

    /** The mean commons-math3 reports; NaN or infinite where it does not exist (a Pareto with shape &lt;= 1). */
    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public String describe() {
        return "inverse-cdf(" + distribution.getClass().getSimpleName() + ", mean=" + Check.num(mean)
                + ", variance=" + Check.num(variance) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
