package io.tailsim.core.event;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap of events keyed on (time, seq): {@link HeapEventList}'s whole store and
 * {@link LadderEventList}'s near heap. Keys live in primitive arrays beside the event references so
 * sift comparisons stay in cache and never unbox; each event's {@code index} is its slot, so cancel
 * is O(log n) without a search. The owning list reads the arrays directly on its hot paths.
 */
final class EventHeap {
    private static final int ARITY = 4;

    Event[] events;
    long[] times;
    long[] seqs;
    int size;

    EventHeap(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        events = new Event[cap];
        times = new long[cap];
        seqs = new long[cap];
    }

    void push(Event e) {
        if (size == events.length) {
            int cap = events.length * 2;
            events = Arrays.copyOf(events, cap);
            times = Arrays.copyOf(times, cap);
            seqs = Arrays.copyOf(seqs, cap);
        }
        siftUp(size++, e, e.time, e.seq);
    }

    /** True when {@code e} sits in this heap (its index names a slot that holds it). */
    boolean holds(Event e) {
        int i = e.index;
        return i >= 0 && i < size && events[i] == e;
    }

    /** Removes the event in slot {@code i}, marking it unscheduled. */
    void removeAt(int i) {
        Event removed = events[i];
        removed.index = -1;
        int last = --size;
        if (i != last) {
            Event moved = events[last];
            long t = times[last];
            long s = seqs[last];
            events[last] = null;
            siftDown(i, moved, t, s);
            if (moved.index == i) {
                siftUp(i, moved, t, s);
            }
        } else {
            events[last] = null;
        }
    }

    /** Empties the heap, marking every event unscheduled. */
    void clear() {
        for (int i = 0; i < size; i++) {
            events[i].index = -1;
            events[i] = null;
        }
        size = 0;
    }

    static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int i, Event e, long t, long s) {
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!less(t, s, times[parent], seqs[parent])) {
                break;
            }
            place(i, events[parent], times[parent], seqs[parent]);
            i = parent;
        }
        place(i, e, t, s);
    }

    private void siftDown(int i, Event e, long t, long s) {
        while (true) {
            int first = i * ARITY + 1;
            if (first >= size) {
                break;
            }
            int end = Math.min(first + ARITY, size);
            int best = first;
            long bt = times[first];
            long bs = seqs[first];
            for (int c = first + 1; c < end; c++) {
                long ct = times[c];
                if (ct < bt || (ct == bt && seqs[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = seqs[c];
                }
            }
            if (!less(bt, bs, t, s)) {
                break;
            }
            place(i, events[best], bt, bs);
            i = best;
        }
        place(i, e, t, s);
    }

    private void place(int i, Event e, long t, long s) {
        events[i] = e;
        times[i] = t;
        seqs[i] = s;
        e.index = i;
    }
}
