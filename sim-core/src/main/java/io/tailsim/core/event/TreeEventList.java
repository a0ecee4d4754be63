package io.tailsim.core.event;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * A reference event list on {@link TreeSet}: slower than {@link HeapEventList} and
 * {@link LadderEventList} but obviously correct, so property tests can check them against it.
 */
public final class TreeEventList implements EventList {
    private final TreeSet<Event> set = new TreeSet<>(
            Comparator.comparingLong((Event e) -> e.time).thenComparingLong(e -> e.seq));

    @Override
    public void add(Event e) {
        if (e.index >= 0) {
            throw new IllegalStateException("event " + e.label() + " is already scheduled at t=" + e.time + "ns");
        }
        if (!set.add(e)) {
            // TreeSet would silently drop it, and it would never fire.
            throw new IllegalStateException("event " + e.label() + " has the same (time=" + e.time + "ns, seq="
                    + e.seq + ") as a pending event");
        }
        e.index = 0;
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
        // The comparator only sees (time, seq): make sure the match is this very event, not another
        // list's event that happens to share its keys.
        if (e.index < 0 || set.ceiling(e) != e) {
            return false;
        }
        set.remove(e);
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
