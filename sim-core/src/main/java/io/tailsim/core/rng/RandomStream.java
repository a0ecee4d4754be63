package io.tailsim.core.rng;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One entity's source of randomness: a JDK L64X128MixRandom (JEP 356: small state, fast, good
 * statistical quality, independent streams from distinct seeds) behind a name for traces.
 *
 * <p>Not thread-safe: a stream belongs to one entity in one replication, and replications run on
 * their own {@link RandomStreams}.
 */
public final class RandomStream implements RandomGenerator {
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    private final String name;
    private final RandomGenerator gen;

    RandomStream(String name, long seed) {
        this.name = name;
        this.gen = FACTORY.create(seed);
    }

    public String name() {
        return name;
    }

    @Override
    public long nextLong() {
        return gen.nextLong();
    }

    @Override
    public double nextDouble() {
        return gen.nextDouble();
    }

    /** A uniform in the open interval (0, 1): safe for log and inverse CDFs. */
    public double nextOpenDouble() {
        double u;
        do {
            u = gen.nextDouble();
        } while (u == 0.0);
        return u;
    }

    // The JDK's ziggurat samplers (McFarland 2016) are exact and several times faster than
    // inversion through Math.log; delegating lets them call the generator without our indirection.
    // The draws are the same as the inherited defaults'.

    /** A standard normal draw (mean 0, variance 1). */
    @Override
    public double nextGaussian() {
        return gen.nextGaussian();
    }

    /** A standard exponential draw (mean 1). */
    @Override
    public double nextExponential() {
        return gen.nextExponential();
    }

    /** An exponential draw with the given mean: the hot path for Poisson arrivals. */
    public double nextExponential(double mean) {
        return mean * gen.nextExponential();
    }

    /**
     * A view of this stream as a commons-math3 generator, so a commons-math3 sampler (say a
     * PoissonDistribution for batch counts) can be bound to one entity's stream. Draws through the
     * view advance this stream; reseeding through it is refused.
     */
    public CommonsMathRandom asCommonsMath() {
        return new CommonsMathRandom(this);
    }

    @Override
    public String toString() {
        return "RandomStream[" + name + "]";
    }
}
