package io.tailsim.core.rng;

import java.util.Objects;

/**
 * Adapts a {@link RandomStream} to commons-math3's {@code RandomGenerator}, for commons-math3
 * samplers and {@code RandomDataGenerator}. Every draw comes from (and advances) the stream.
 *
 * <p>Seeding is refused: a stream's seed is a function of the master seed and the entity's name,
 * and reseeding one entity would silently break common random numbers.
 */
public final class CommonsMathRandom implements org.apache.commons.math3.random.RandomGenerator {
    private final RandomStream stream;

    public CommonsMathRandom(RandomStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    public RandomStream stream() {
        return stream;
    }

    @Override
    public void setSeed(int seed) {
        throw reseed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        throw reseed(java.util.Arrays.toString(seed));
    }

    @Override
    public void setSeed(long seed) {
        throw reseed(seed);
    }

    private UnsupportedOperationException reseed(Object seed) {
        return new UnsupportedOperationException("cannot reseed " + stream + " with " + seed
                + ": its seed comes from RandomStreams (master seed and name)");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        stream.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return stream.nextInt();
    }

    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + n);
        }
        return stream.nextInt(n);
    }

    @Override
    public long nextLong() {
        return stream.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return stream.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return stream.nextFloat();
    }

    @Override
    public double nextDouble() {
        return stream.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return stream.nextGaussian();
    }
}
