package io.tailsim.core.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sampling is on every hot path of a model, so it must not allocate: measured, not promised.
 * ({@link InverseCdf} is the documented exception: commons-math3 allocates inside its inverses.)
 */
class NoAllocationTest {
    private static final int DRAWS = 100_000;

    static Stream<Distribution> distributions() {
        return Stream.of(
                Distributions.deterministic(1),
                Distributions.exponential(2),
                Distributions.uniform(1, 2),
                Distributions.erlang(2, 1),
                Distributions.erlang(30, 1),
                Distributions.gamma(0.5, 1),
                Distributions.gamma(3, 1),
                Distributions.lognormal(2, 1.4),
                Distributions.empirical(1, 2, 3, 10),
                Distributions.resampled(1, 2, 3, 10),
                Distributions.mixture(0.5, Distributions.exponential(1), Distributions.lognormal(3, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void sampleAllocatesNothing(Distribution d) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        RandomStream rng = new RandomStreams(1).stream("alloc");
        double sink = drain(d, rng, 10_000); // class initialisation and lazy tables allocate once
        long before = threads.getThreadAllocatedBytes(thread);
        sink += drain(d, rng, DRAWS);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(sink).isNotNaN();
        // One boxed double per draw would be 1.6 MB; allow for the counter call itself.
        assertThat(allocated).as("bytes allocated by %d draws of %s", DRAWS, d).isLessThan(1024);
    }

    private static double drain(Distribution d, RandomStream rng, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += d.sample(rng);
        }
        return sum;
    }
}
