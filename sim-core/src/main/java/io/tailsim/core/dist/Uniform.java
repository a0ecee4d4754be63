package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/** Uniform on [min, max): jitter, the hold benchmark's U(0, 2m). One uniform per draw. */
public final class Uniform implements Distribution {
    private final double min;
    private final double max;
    private final double width;

    public Uniform(double min, double max) {
        this.min = Check.nonNegative("uniform lower bound", min);
        this.max = Check.finite("uniform upper bound", max);
        if (max < min) {
            throw new IllegalArgumentException("uniform upper bound " + max + " is below lower bound " + min);
        }
        this.width = max - min;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    @Override
    public double sample(RandomStream rng) {
        return min + width * rng.nextDouble();
    }

    @Override
    public double mean() {
        return min + width / 2;
    }

    @Override
    public double variance() {
        return width * width / 12;
    }

    @Override
    public String describe() {
        return "uniform(" + Check.num(min) + ", " + Check.num(max) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
