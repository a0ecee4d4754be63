package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/**
 * exp(mu + sigma * Z) for a standard normal Z: the usual shape of measured service times, with a
 * heavier tail than a gamma of the same mean and cv. Specify it by the mean and coefficient of
 * variation people measure ({@link #ofMeanCv}), or by mu and sigma of the underlying normal.
 */
public final class LogNormal implements Distribution {
    private final double mu;
    private final double sigma;
    private final double mean;
    private final double variance;

    private LogNormal(double mu, double sigma, double mean, double variance) {
        this.mu = mu;
        this.sigma = sigma;
        this.mean = mean;
        this.variance = variance;
    }

    /** sigma^2 = ln(1 + cv^2) and mu = ln(mean) - sigma^2/2, so the mean and cv are exactly those given. */
    public static LogNormal ofMeanCv(double mean, double cv) {
        Check.positive("lognormal mean", mean);
        Check.nonNegative("lognormal coefficient of variation", cv);
        double s2 = Math.log1p(cv * cv);
        double sd = cv * mean;
        return new LogNormal(Math.log(mean) - s2 / 2, Math.sqrt(s2), mean, sd * sd);
    }

    /** The lognormal whose logarithm is normal with mean {@code mu} and standard deviation {@code sigma}. */
    public static LogNormal ofMuSigma(double mu, double sigma) {
        Check.finite("lognormal mu", mu);
        Check.nonNegative("lognormal sigma", sigma);
        double s2 = sigma * sigma;
        double mean = Math.exp(mu + s2 / 2);
        double variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
        if (!Double.isFinite(mean) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("lognormal(mu=" + mu + ", sigma=" + sigma
                    + ") has a mean or variance beyond double range");
        }
        return new LogNormal(mu, sigma, mean, variance);
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    /** Coefficient of variation, stddev/mean = sqrt(exp(sigma^2) - 1). */
    public double cv() {
        return Math.sqrt(variance) / mean;
    }

    @Override
    public double sample(RandomStream rng) {
        return Math.exp(mu + sigma * rng.nextGaussian());
    }

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
        return "lognormal(mean=" + Check.num(mean) + ", cv=" + Check.num(cv()) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
