package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/**
 * Gamma(shape k, scale theta): mean k*theta, variance k*theta^2, squared coefficient of variation
 * 1/k. The two-moment workhorse: any mean and any cv &gt; 0 with a light tail (compare
 * {@link LogNormal} for a heavy one). Sampled by Marsaglia–Tsang, a variable number of draws.
 */
public final class Gamma implements Distribution {
    private final double shape;
    private final double scale;
    private final StandardGamma standard;

    public Gamma(double shape, double scale) {
        this.shape = Check.positive("gamma shape", shape);
        this.scale = Check.positive("gamma scale", scale);
        this.standard = new StandardGamma(shape);
    }

    /** The gamma with this mean and coefficient of variation (stddev/mean): shape 1/cv^2, scale mean*cv^2. */
    public static Gamma ofMeanCv(double mean, double cv) {
        Check.positive("gamma mean", mean);
        Check.positive("gamma coefficient of variation", cv);
        return new Gamma(1 / (cv * cv), mean * cv * cv);
    }

    public double shape() {
        return shape;
    }

    public double scale() {
        return scale;
    }

    @Override
    public double sample(RandomStream rng) {
        return scale * standard.sample(rng);
    }

    @Override
    public double mean() {
        return shape * scale;
    }

    @Override
    public double variance() {
        return shape * scale * scale;
    }

    @Override
    public double scv() {
        return 1 / shape;
    }

    @Override
    public String describe() {
        return "gamma(shape=" + Check.num(shape) + ", scale=" + Check.num(scale) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
