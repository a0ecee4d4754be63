package io.tailsim.cli.bench;

/** One event-list implementation running the {@link HoldModel}, already filled to its pending count. */
public interface HoldEngine {
    /** Fires exactly {@code events} (at least 1) events, each scheduling its successor. */
    void fire(long events);

    /** Events fired so far, counted by the engine itself. */
    long eventsFired();

    /** Events waiting now (stays at the model's pending count). */
    int pending();

    /** Simulated time of the last fired event, in nanoseconds. */
    long clockNanos();
}
