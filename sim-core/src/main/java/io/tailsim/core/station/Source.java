package io.tailsim.core.station;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A renewal arrival process: i.i.d. inter-arrival times from a distribution (a Poisson process when
 * they are exponential). The first arrival comes one inter-arrival time after {@link #start()},
 * which for Poisson arrivals is exactly the stationary process. One reusable event drives it.
 *
 * <pre>{@code
 * FifoStation<Void> mm1 = new FifoStation<>(sim, "mm1", 1, exponential(1 * MILLISECOND), streams.stream("service"));
 * Source.into(sim, exponential(1.25 * MILLISECOND), streams.stream("arrivals"), mm1).until(horizon).start();
 * }</pre>
 */
public final class Source {
    private final Simulator sim;
    private final Distribution interArrival;
    private final RandomStream rng;
    private final LongConsumer onArrival;
    private final Event next = new Event() {
        @Override
        public void fire(Simulator s) {
            arrive();
        }

        @Override
        public String label() {
            return "source.arrival";
        }
    };
    private long limit = Long.MAX_VALUE;
    private long endNanos = Long.MAX_VALUE;
    private long generated;
    private boolean stopped;

    /**
     * @param onArrival called at each arrival with its index (0, 1, 2, ...)
     */
    public Source(Simulator sim, Distribution interArrival, RandomStream rng, LongConsumer onArrival) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.interArrival = Objects.requireNonNull(interArrival, "interArrival");
        this.rng = Objects.requireNonNull(rng, "rng");
        this.onArrival = Objects.requireNonNull(onArrival, "onArrival");
    }

    /** A source whose arrivals are null-token jobs at {@code station}. */
    public static Source into(Simulator sim, Distribution interArrival, RandomStream rng, FifoStation<?> station) {
        return new Source(sim, interArrival, rng, n -> station.arrive(null));
    }

    /** Stops after {@code maxArrivals} arrivals in total. */
    public Source limit(long maxArrivals) {
        if (maxArrivals < 0) {
            throw new IllegalArgumentException("negative arrival limit " + maxArrivals);
        }
        this.limit = maxArrivals;
        return this;
    }

    /** Generates no arrival at or after {@code endNanos}. */
    public Source until(long endNanos) {
        this.endNanos = endNanos;
        return this;
    }

    /** Schedules the first arrival one inter-arrival time from now. */
    public Source start() {
        if (next.isScheduled()) {
            throw new IllegalStateException("source already started");
        }
        stopped = false;
        scheduleNext();
        return this;
    }

    /** Cancels the pending arrival (also from inside an arrival callback); {@link #start()} resumes. */
    public void stop() {
        stopped = true;
        sim.cancel(next);
    }

    /** Arrivals generated so far. */
    public long generated() {
        return generated;
    }

    private void arrive() {
        generated++;
        onArrival.accept(generated - 1);
        if (!stopped) {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        if (generated >= limit) {
            return;
        }
        double gap = interArrival.sample(rng);
        if (!(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalStateException("inter-arrival distribution " + interArrival.describe() + " drew " + gap + "ns");
        }
        long at = sim.now() + Math.round(gap);
        if (at >= endNanos) {
            return;
        }
        sim.scheduleAt(next, at);
    }
}
