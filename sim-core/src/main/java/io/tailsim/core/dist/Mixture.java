package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * With probability w(i), a draw from component i: page-cache hit or miss, a hyperexponential, a
 * bimodal service time with rare slow requests. One uniform picks the component, then the
 * component draws from the same stream.
 */
public final class Mixture implements Distribution {
    /** How far the weights may sum from 1: rounding in weights written as decimals, not a real mistake. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    private final double[] weights;
    private final Distribution[] components;
    /** cumulative[i] = P(component &lt;= i); the last positive-weight entry and all after it are exactly 1. */
    private final double[] cumulative;
    private final double mean;
    private final double variance;

    public Mixture(double[] weights, List<? extends Distribution> components) {
        Objects.requireNonNull(weights, "mixture weights");
        Objects.requireNonNull(components, "mixture components");
        int k = weights.length;
        if (k == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component, got 0");
        }
        if (components.size() != k) {
            throw new IllegalArgumentException("mixture has " + k + " weights but " + components.size() + " components");
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            double w = weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("mixture weight[" + i + "] must be non-negative and finite, was " + w);
            }
            if (components.get(i) == null) {
                throw new IllegalArgumentException("mixture component[" + i + "] is null");
            }
            total += w;
        }
        if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("mixture weights must sum to 1, got " + total + " from "
                    + Arrays.toString(weights));
        }
        this.weights = new double[k];
        this.components = components.toArray(new Distribution[0]);
        this.cumulative = new double[k];
        double acc = 0;
        int lastPositive = 0;
        for (int i = 0; i < k; i++) {
            this.weights[i] = weights[i] / total;
            acc += this.weights[i];
            cumulative[i] = acc;
            if (weights[i] > 0) {
                lastPositive = i;
            }
        }
        // A uniform just below 1 must land on a real component, never on a zero-weight tail.
        Arrays.fill(cumulative, lastPositive, k, 1.0);

        double m = 0;
        for (int i = 0; i < k; i++) {
            if (this.weights[i] > 0) {
                m += this.weights[i] * this.components[i].mean();
            }
        }
        double v = 0;
        for (int i = 0; i < k; i++) {
            if (this.weights[i] > 0) {
                double d = this.components[i].mean() - m;
                v += this.weights[i] * (this.components[i].variance() + d * d);
            }
        }
        this.mean = m;
        this.variance = v;
    }

    public int size() {
        return components.length;
    }

    public double weight(int i) {
        return weights[i];
    }

    public Distribution component(int i) {
        return components[i];
    }

    @Override
    public double sample(RandomStream rng) {
        return components[select(rng.nextDouble())].sample(rng);
    }

    /** The first component whose cumulative weight exceeds u; zero-weight components are never chosen. */
    int select(double u) {
        double[] c = cumulative;
        int lo = 0;
        int hi = c.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < c[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
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
        StringBuilder sb = new StringBuilder("mixture(");
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Check.num(weights[i])).append(": ").append(components[i].describe());
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
