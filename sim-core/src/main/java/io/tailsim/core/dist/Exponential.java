package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/** Memoryless times: Poisson inter-arrivals, M/M/c service. Parameterised by the mean (1/rate). */
public final class Exponential implements Distribution {
    private final double mean;

    public Exponential(double mean) {
        this.mean = Check.positive("exponential mean", mean);
    }

    /** The exponential with the given rate (events per unit time), i.e. mean 1/rate. */
    public static Exponential ofRate(double rate) {
        return new Exponential(1 / Check.positive("exponential rate", rate));
    }

    public double rate() {
        return 1 / mean;
    }

    @Override
    public double sample(RandomStream rng) {
        return rng.nextExponential(mean);
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return mean * mean;
    }

    @Override
    public double scv() {
        return 1;
    }

    @Override
    public String describe() {
        return "exponential(mean=" + Check.num(mean) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
