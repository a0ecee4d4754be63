package io.tailsim.core.dist;

import java.util.Arrays;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * Readable constructors: {@code exponential(mean)}, {@code lognormal(mean, cv)},
 * {@code mixture(0.9, hit, miss)}. Parameters are in the caller's unit, nanoseconds for times by
 * convention.
 */
public final class Distributions {
    private Distributions() {
    }

    public static Deterministic deterministic(double value) {
        return new Deterministic(value);
    }

    public static Exponential exponential(double mean) {
        return new Exponential(mean);
    }

    /** Exponential with {@code rate} events per unit time (mean 1/rate): Poisson inter-arrival times. */
    public static Exponential exponentialRate(double rate) {
        return Exponential.ofRate(rate);
    }

    public static Uniform uniform(double min, double max) {
        return new Uniform(min, max);
    }

    public static Erlang erlang(int k, double mean) {
        return new Erlang(k, mean);
    }

    public static Gamma gamma(double shape, double scale) {
        return new Gamma(shape, scale);
    }

    /** Gamma with this mean and coefficient of variation (stddev/mean). */
    public static Gamma gammaMeanCv(double mean, double cv) {
        return Gamma.ofMeanCv(mean, cv);
    }

    /** Lognormal with this mean and coefficient of variation (stddev/mean); cv^2 is Kingman's c^2. */
    public static LogNormal lognormal(double mean, double cv) {
        return LogNormal.ofMeanCv(mean, cv);
    }

    /** Lognormal whose logarithm is normal(mu, sigma). */
    public static LogNormal lognormalMuSigma(double mu, double sigma) {
        return LogNormal.ofMuSigma(mu, sigma);
    }

    /** Continuous draws between measured samples (inverse of the interpolated empirical CDF). */
    public static Empirical empirical(double... samples) {
        return Empirical.interpolated(samples);
    }

    /** Draws that repeat the measured samples, each with probability 1/n. */
    public static Empirical resampled(double... samples) {
        return Empirical.resampled(samples);
    }

    /** Component i with probability weights[i]; the weights must sum to 1. */
    public static Mixture mixture(double[] weights, Distribution... components) {
        return new Mixture(weights, components == null ? null : Arrays.asList(components));
    }

    /** {@code first} with probability p, otherwise {@code second}. */
    public static Mixture mixture(double p, Distribution first, Distribution second) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("mixture probability must be in [0, 1], was " + p);
        }
        return new Mixture(new double[] {p, 1 - p}, Arrays.asList(first, second));
    }

    /**
     * Any commons-math3 distribution with non-negative support, sampled by inversion from the
     * caller's stream; slower than this package's own classes and allocates, see {@link InverseCdf}.
     */
    public static InverseCdf inverting(RealDistribution distribution) {
        return new InverseCdf(distribution);
    }
}
