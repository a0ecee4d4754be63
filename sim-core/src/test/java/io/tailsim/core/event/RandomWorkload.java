package io.tailsim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.dist.Distributions;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A random simulation for property tests: events that, when they fire, schedule further events
 * through every scheduling call, reschedule themselves and others, and cancel pending ones. It keeps
 * its own model of what is pending and checks the engine against it at every firing.
 */
final class RandomWorkload {
    /** How delays are drawn: from all-ties to well spread. */
    enum Delays {
        ALL_ZERO(() -> Distributions.deterministic(0)),
        TIES(() -> Distributions.resampled(0, 0, 0, 1, 2, 5)),
        MIXED(() -> Distributions.mixture(0.5, Distributions.resampled(0, 1, 2), Distributions.exponential(1e6))),
        SPREAD(() -> Distributions.exponential(1e9)),
        /** A cluster model's mix: zero, nanoseconds, microseconds, milliseconds and 30 s timeouts. */
        SCALES(() -> Distributions.mixture(new double[] {0.3, 0.2, 0.2, 0.2, 0.1},
                Distributions.deterministic(0), Distributions.resampled(1, 2, 3, 50),
                Distributions.lognormal(2e4, 1.5), Distributions.exponential(3e6), Distributions.deterministic(30e9)));

        final Supplier<Distribution> distribution;

        Delays(Supplier<Distribution> distribution) {
            this.distribution = distribution;
        }
    }

    enum Lists {
        HEAP, LADDER, TREE;

        EventList create() {
            return switch (this) {
                case HEAP -> new HeapEventList(16);
                case LADDER -> new LadderEventList(16);
                case TREE -> new TreeEventList();
            };
        }
    }

    /** Ways to drive the same run; all must produce the same trace. */
    enum Driver {
        RUN, RUN_UNTIL_TIMES, RUN_UNTIL_CONDITIONS, STEPS, STOP_INSIDE_EVENTS
    }

    record Fire(long time, int id) {
    }

    private static final int STOP_EVERY = 7;

    private final Simulator sim;
    private final RandomStream rng;
    private final Distribution delays;
    private final Driver driver;
    private final int budget;

    final List<Fire> trace = new ArrayList<>();
    private final Map<Event, Long> pendingOrdinal = new IdentityHashMap<>();
    private final Map<Event, Long> expectedTime = new IdentityHashMap<>();
    private final Map<Event, Integer> ids = new IdentityHashMap<>();
    private final List<Event> pending = new ArrayList<>();
    private final Set<Long> fired = new HashSet<>();
    private final Set<Long> cancelled = new HashSet<>();
    private long nextOrdinal;
    private int nextId;
    private long lastTime = -1;
    private long lastOrdinal = -1;
    private long observed;

    RandomWorkload(long seed, Delays delays, Lists list, Driver driver, int budget) {
        this.sim = new Simulator(list.create());
        this.rng = new RandomStreams(seed).stream("workload");
        this.delays = delays.distribution.get();
        this.driver = driver;
        this.budget = budget;
        sim.setObserver((s, e) -> observed++);
    }

    /** Runs to completion, checking the invariants; returns the trace of (time, id). */
    List<Fire> run() {
        int initial = 1 + rng.nextInt(20);
        for (int i = 0; i < initial; i++) {
            scheduleSomehow(new Node(nextId++));
        }
        switch (driver) {
            case RUN -> sim.run();
            case RUN_UNTIL_TIMES -> {
                while (sim.pending() > 0) {
                    long end = sim.now() + 1 + (long) delays.sample(chunkRng); // + 1: always progress
                    sim.runUntil(end);
                    assertThat(sim.now()).as("clock after runUntil(%d)", end).isEqualTo(end);
                }
            }
            case RUN_UNTIL_CONDITIONS -> {
                while (sim.pending() > 0) {
                    int target = trace.size() + 1 + chunkRng.nextInt(5);
                    sim.runUntil(() -> trace.size() >= target);
                    assertThat(trace.size()).isLessThanOrEqualTo(target);
                    if (sim.pending() > 0) {
                        assertThat(trace).hasSize(target);
                    }
                }
            }
            case STEPS -> {
                int steps = 0;
                while (sim.step()) {
                    steps++;
                    assertThat(trace).hasSize(steps);
                }
                assertThat(sim.step()).isFalse();
            }
            case STOP_INSIDE_EVENTS -> {
                while (sim.pending() > 0) {
                    int before = trace.size();
                    sim.run();
                    // run() returns right after the first event that asks it to stop, and only then.
                    int firstStop = (before / STOP_EVERY + 1) * STOP_EVERY;
                    assertThat(trace.size()).as("events fired by one run()").isBetween(before + 1, firstStop);
                    if (sim.pending() > 0) {
                        assertThat(trace.size()).isEqualTo(firstStop);
                    }
                }
            }
        }
        assertThat(sim.pending()).isZero();
        assertThat(pendingOrdinal).as("events that never fired").isEmpty();
        assertThat(fired.size() + cancelled.size()).as("every scheduling either fired or was cancelled")
                .isEqualTo(nextOrdinal);
        assertThat(sim.eventsFired()).isEqualTo(trace.size()).isEqualTo(observed);
        return trace;
    }

    /** Chunk sizes for the drivers, from a stream of their own so driving never shifts the workload's draws. */
    private final RandomStream chunkRng = new RandomStreams(0).stream("driver");

    private void onFire(Event e) {
        Long ordinal = pendingOrdinal.remove(e);
        assertThat(ordinal).as("%s fired but was not pending (cancelled, or fired twice)", e.label()).isNotNull();
        long now = sim.now();
        assertThat(now).as("firing time of %s", e.label()).isEqualTo(expectedTime.remove(e));
        assertThat(now > lastTime || (now == lastTime && ordinal > lastOrdinal))
                .as("%s (t=%d, scheduled #%d) fired after t=%d #%d", e.label(), now, ordinal, lastTime, lastOrdinal)
                .isTrue();
        assertThat(e.isScheduled()).isFalse();
        pending.remove(e);
        fired.add(ordinal);
        lastTime = now;
        lastOrdinal = ordinal;
        trace.add(new Fire(now, ids.get(e)));

        int children = nextOrdinal < budget ? rng.nextInt(4) : 0;
        for (int i = 0; i < children; i++) {
            scheduleSomehow(new Node(nextId++));
        }
        if (nextOrdinal < budget && e instanceof Node && rng.nextDouble() < 0.3) {
            scheduleSomehow(e); // reuse: the hot-path pattern
        }
        double u = rng.nextDouble();
        if (u < 0.3 && !pending.isEmpty()) {
            Event victim = pending.get(rng.nextInt(pending.size()));
            assertThat(sim.cancel(victim)).as("cancel of pending %s", victim.label()).isTrue();
            forget(victim);
        } else if (u < 0.45 && !pending.isEmpty() && nextOrdinal < budget) {
            Event moved = pending.get(rng.nextInt(pending.size()));
            long delay = delay();
            forget(moved);
            sim.reschedule(moved, delay);
            remember(moved, now + delay);
        } else if (u < 0.5 && !e.isScheduled()) {
            assertThat(sim.cancel(e)).as("cancel of an event that is not pending").isFalse();
        }
        if (driver == Driver.STOP_INSIDE_EVENTS && trace.size() % STOP_EVERY == 0) {
            sim.stop();
        }
    }

    private void scheduleSomehow(Event e) {
        long now = sim.now();
        switch (rng.nextInt(4)) {
            case 0 -> {
                long d = delay();
                sim.schedule(e, d);
                remember(e, now + d);
            }
            case 1 -> {
                double d = delays.sample(rng) + rng.nextDouble();
                sim.schedule(e, d);
                remember(e, now + Math.round(d));
            }
            case 2 -> {
                long t = now + delay();
                sim.scheduleAt(e, t);
                remember(e, t);
            }
            default -> {
                // The one-off action form returns its event; the action reports that same event.
                long d = delay();
                Event[] self = new Event[1];
                int id = nextId++;
                self[0] = sim.schedule(d, s -> onFire(self[0]));
                ids.put(self[0], id);
                remember(self[0], now + d);
                return;
            }
        }
    }

    private long delay() {
        return (long) delays.sample(rng);
    }

    private void remember(Event e, long time) {
        assertThat(e.isScheduled()).isTrue();
        assertThat(e.time()).isEqualTo(time);
        pendingOrdinal.put(e, nextOrdinal++);
        expectedTime.put(e, time);
        pending.add(e);
    }

    private void forget(Event e) {
        cancelled.add(pendingOrdinal.remove(e));
        expectedTime.remove(e);
        pending.remove(e);
    }

    private final class Node extends Event {
        Node(int id) {
            ids.put(this, id);
        }

        @Override
        public void fire(Simulator s) {
            onFire(this);
        }

        @Override
        public String label() {
            return "node-" + ids.get(this);
        }
    }
}
