package io.tailsim.core.event;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap keyed on (time, seq). Keys live in primitive arrays beside the event
 * references so sift comparisons stay in cache and never unbox; each event remembers its slot so
 * cancel is O(log n) without a search.
 *
 * <p>Beside the heap sits a "now lane": a FIFO of events scheduled for the instant of the last
 * removed event (zero-delay hand-offs between threads, queues and CPUs, which are most of a
 * cluster model's events). Such events arrive in increasing seq, so the lane stays sorted and
 * costs O(1) instead of a sift through a deep heap; the next event is the smaller of the heap's top
 * and the lane's head by (time, seq), so the order is exactly the heap's. Cancelled lane events are
 * dropped lazily, recognised by their seq.
 */
public final class HeapEventList implements EventList {
    private static final int ARITY = 4;
    /** {@code Event.index} of an event waiting in the now lane. */
    private static final int LANE = Integer.MAX_VALUE;

    private Event[] events;
    private long[] times;
    private long[] seqs;
    private int size;

    private Event[] lane = new Event[64];
    private long[] laneSeqs = new long[64];
    private int laneHead;
    private int laneTail;
    private int laneLive;
    private long laneTime;
    private long laneLastSeq = Long.MIN_VALUE;
    private long lastRemovedTime = Long.MIN_VALUE;

    public HeapEventList() {
        this(1024);
    }

    public HeapEventList(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        events = new Event[cap];
        times = new long[cap];
        seqs = new long[cap];
    }

    @Override
    public void add(Event e) {
        if (e.index >= 0) {
            throw new IllegalStateException("event " + e.label() + " is already scheduled at t=" + e.time + "ns");
        }
        if (e.time == lastRemovedTime && e.seq > laneLastSeq && (laneLive == 0 || e.time == laneTime)) {
            appendToLane(e);
            return;
        }
        if (size == events.length) {
            grow();
        }
        siftUp(size++, e, e.time, e.seq);
    }

    @Override
    public Event removeFirst() {
        Event first;
        if (laneFirst()) {
            first = lane[laneHead];
            lane[laneHead++] = null;
            laneLive--;
            first.index = -1;
        } else if (size > 0) {
            first = events[0];
            removeAt(0);
        } else {
            return null;
        }
        lastRemovedTime = first.time;
        return first;
    }

    @Override
    public Event peekFirst() {
        if (laneFirst()) {
            return lane[laneHead];
        }
        return size == 0 ? null : events[0];
    }

    @Override
    public boolean remove(Event e) {
        int i = e.index;
        if (i == LANE) {
            e.index = -1;
            if (--laneLive == 0) {
                resetLane();
            }
            return true;
        }
        if (i < 0 || i >= size || events[i] != e) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public int size() {
        return size + laneLive;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            events[i].index = -1;
            events[i] = null;
        }
        size = 0;
        for (int i = laneHead; i < laneTail; i++) {
            if (isLive(i)) {
                lane[i].index = -1;
            }
        }
        laneLive = 0;
        resetLane();
    }

    /** True when the lane's head is the next event (after dropping cancelled entries at its head). */
    private boolean laneFirst() {
        if (laneLive == 0) {
            return false;
        }
        while (!isLive(laneHead)) {
            lane[laneHead++] = null;
        }
        return size == 0 || less(laneTime, laneSeqs[laneHead], times[0], seqs[0]);
    }

    private boolean isLive(int i) {
        Event e = lane[i];
        return e.index == LANE && e.seq == laneSeqs[i];
    }

    private void appendToLane(Event e) {
        if (laneLive == 0) {
            resetLane();
            laneTime = e.time;
        }
        if (laneTail == lane.length) {
            if (laneHead > lane.length / 2) {
                int n = laneTail - laneHead;
                System.arraycopy(lane, laneHead, lane, 0, n);
                System.arraycopy(laneSeqs, laneHead, laneSeqs, 0, n);
                Arrays.fill(lane, n, laneTail, null);
                laneHead = 0;
                laneTail = n;
            } else {
                lane = Arrays.copyOf(lane, lane.length * 2);
                laneSeqs = Arrays.copyOf(laneSeqs, laneSeqs.length * 2);
            }
        }
        lane[laneTail] = e;
        laneSeqs[laneTail++] = e.seq;
        laneLastSeq = e.seq;
        laneLive++;
        e.index = LANE;
    }

    private void resetLane() {
        Arrays.fill(lane, laneHead, laneTail, null);
        laneHead = 0;
        laneTail = 0;
    }

    private void removeAt(int i) {
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

    private static boolean less(long t1, long s1, long t2, long s2) {
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

    private void grow() {
        int cap = events.length * 2;
        events = Arrays.copyOf(events, cap);
        times = Arrays.copyOf(times, cap);
        seqs = Arrays.copyOf(seqs, cap);
    }
}
