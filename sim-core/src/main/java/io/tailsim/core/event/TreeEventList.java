package io.tailsim.core.event;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * A reference event list on {@link TreeSet}: slower than {@link HeapEventList} but obviously
 * correct, so property tests can check the heap against it.
 */
public final class TreeEventList implements EventList {
    private final TreeSet<Event> set = new TreeSet<>(
            Comparator.comparingLong((Event e) -> e.time).thenComparingLong(e -> e.seq));

    @Override
    public void add(Event e) {
        if (e.index >= 0) {
            throw new IllegalStateException("event " + e.label() + " is already scheduled at t=" + e.time + "ns");
        }
        e.index = 0;
        set.add(e);
    }

    @Override
    public Event removeFirst() {
        Event e = set.pollFirst();
        if (e != null) {
            e.index = -1;
        }
        return e;
    }

    @Override
    public Event peekFirst() {
        return set.isEmpty() ? null : set.first();
    }

    @Override
    public boolean remove(Event e) {
        if (e.index < 0 || !set.remove(e)) {
            return false;
        }
        e.index = -1;
        return true;
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public void clear() {
        set.forEach(e -> e.index = -1);
        set.clear();
    }
}
