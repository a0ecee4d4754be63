package io.tailsim.core.event;

/**
 * The future event list: events ordered by time, ties broken by scheduling order ({@code seq}).
 * Implementations are pluggable, as in SSJ: {@link LadderEventList} is {@link Simulator}'s default,
 * {@link HeapEventList} the indexed heap it replaced, {@link TreeEventList} the reference.
 */
public interface EventList {
    /** Inserts an event whose {@code time} and {@code seq} are already set and which is not scheduled. */
    void add(Event e);

    /** Removes and returns the earliest event, or null when empty. */
    Event removeFirst();

    /** The earliest event without removing it, or null when empty. */
    Event peekFirst();

    /** Removes a scheduled event; returns false when it was not in this list. */
    boolean remove(Event e);

    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Removes every event (they become unscheduled). */
    void clear();
}
