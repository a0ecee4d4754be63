package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/** Always the same value (a fixed service time, as in M/D/1). Draws nothing from the stream. */
public final class Deterministic implements Distribution {
    private final double value;

    public Deterministic(double value) {
        this.value = Check.nonNegative("deterministic value", value);
    }

    public double value() {
        return value;
    }

    @Override
    public double sample(RandomStream rng) {
        return value;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public String describe() {
        return "deterministic(" + Check.num(value) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
