package io.tailsim.core.dist;

import static io.tailsim.core.dist.Distributions.deterministic;
import static io.tailsim.core.dist.Distributions.exponential;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad parameter fails at construction, and the message names what was wrong and the value given. */
class ArgumentValidationTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                bad("negative exponential mean", () -> exponential(-1), "exponential mean", "-1.0"),
                bad("zero exponential mean", () -> exponential(0), "exponential mean", "0.0"),
                bad("NaN exponential mean", () -> exponential(Double.NaN), "exponential mean", "NaN"),
                bad("infinite exponential mean", () -> exponential(Double.POSITIVE_INFINITY), "exponential mean", "Infinity"),
                bad("zero rate", () -> Distributions.exponentialRate(0), "exponential rate", "0.0"),
                bad("negative deterministic", () -> deterministic(-2), "deterministic value", "-2.0"),
                bad("negative uniform bound", () -> Distributions.uniform(-1, 2), "uniform lower bound", "-1.0"),
                bad("inverted uniform bounds", () -> Distributions.uniform(3, 2), "upper bound 2.0", "lower bound 3.0"),
                bad("NaN uniform bound", () -> Distributions.uniform(0, Double.NaN), "uniform upper bound", "NaN"),
                bad("zero erlang phases", () -> Distributions.erlang(0, 1), "phase count k", "was 0"),
                bad("negative erlang mean", () -> Distributions.erlang(2, -3), "erlang mean", "-3.0"),
                bad("zero gamma shape", () -> Distributions.gamma(0, 1), "gamma shape", "0.0"),
                bad("negative gamma scale", () -> Distributions.gamma(1, -0.5), "gamma scale", "-0.5"),
                bad("gamma with cv 0", () -> Distributions.gammaMeanCv(1, 0), "coefficient of variation", "0.0"),
                bad("gamma with negative mean", () -> Distributions.gammaMeanCv(-4, 1), "gamma mean", "-4.0"),
                bad("lognormal with zero mean", () -> Distributions.lognormal(0, 1), "lognormal mean", "0.0"),
                bad("lognormal with negative cv", () -> Distributions.lognormal(1, -0.5), "coefficient of variation", "-0.5"),
                bad("lognormal with NaN mu", () -> Distributions.lognormalMuSigma(Double.NaN, 1), "lognormal mu", "NaN"),
                bad("lognormal with negative sigma", () -> Distributions.lognormalMuSigma(0, -1), "lognormal sigma", "-1.0"),
                bad("lognormal beyond double range", () -> Distributions.lognormalMuSigma(800, 1), "mu=800.0", "range"),
                bad("no samples", () -> Distributions.empirical(), "at least one sample", "got 0"),
                bad("null samples", () -> Distributions.resampled((double[]) null), "at least one sample", "null"),
                bad("negative sample", () -> Distributions.empirical(1, -2, 3), "sample[1]", "-2.0"),
                bad("NaN sample", () -> Distributions.resampled(1, Double.NaN), "sample[1]", "NaN"),
                bad("weights not summing to 1", () -> Distributions.mixture(new double[] {0.5, 0.4}, exponential(1), exponential(2)),
                        "sum to 1", "0.9"),
                bad("negative weight", () -> Distributions.mixture(new double[] {1.5, -0.5}, exponential(1), exponential(2)),
                        "weight[1]", "-0.5"),
                bad("weights and components differ in number", () -> Distributions.mixture(new double[] {1}, exponential(1), exponential(2)),
                        "1 weights", "2 components"),
                bad("empty mixture", () -> new Mixture(new double[0], List.of()), "at least one component", "0"),
                bad("null component", () -> Distributions.mixture(0.5, exponential(1), null), "component[1]", "null"),
                bad("probability above 1", () -> Distributions.mixture(1.5, exponential(1), exponential(2)), "probability", "1.5"),
                bad("negative support", () -> Distributions.inverting(new NormalDistribution(5, 1)), "NormalDistribution", "-Infinity"));
    }

    private static Arguments bad(String what, ThrowingCallable construct, String... messageParts) {
        return Arguments.of(what, construct, messageParts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void isRejectedWithAMessageNamingTheValue(String what, ThrowingCallable construct, String[] messageParts) {
        assertThatThrownBy(construct).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(messageParts);
    }
}
