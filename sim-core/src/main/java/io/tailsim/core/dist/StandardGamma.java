package io.tailsim.core.dist;

import io.tailsim.core.rng.RandomStream;

/**
 * Gamma(shape, 1) by Marsaglia and Tsang, "A simple method for generating gamma variables" (ACM
 * TOMS 26(3), 2000): one normal and one uniform per try, accepted over 95% of the time for every
 * shape; shapes below 1 sample shape + 1 and multiply by U^(1/shape) (their section 6). Constant
 * cost whatever the shape, and no allocation.
 */
final class StandardGamma {
    private final double d;
    private final double c;
    private final double inverseShape;
    private final boolean boosted;

    StandardGamma(double shape) {
        boosted = shape < 1;
        double a = boosted ? shape + 1 : shape;
        d = a - 1.0 / 3;
        c = 1 / Math.sqrt(9 * d);
        inverseShape = 1 / shape;
    }

    double sample(RandomStream rng) {
        double g;
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            // The squeeze avoids both logarithms on most tries.
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                g = d * v;
                break;
            }
        }
        return boosted ? g * Math.pow(rng.nextOpenDouble(), inverseShape) : g;
    }
}
