package io.tailsim.core.event;

import java.util.Arrays;

/**
 * The "now lane" of {@link HeapEventList} and {@link LadderEventList}: a FIFO of events scheduled for
 * the instant of the last removed event (zero-delay hand-offs between threads, queues and CPUs, most
 * of a cluster model's events). Such events arrive in increasing seq, so the lane stays sorted and
 * costs O(1) instead of a sift; the owning list takes the smaller of the lane's head and its own
 * next event by (time, seq), so the order is exactly its own. Cancelled entries are dropped
 * lazily, recognised by their seq.
 */
final class NowLane {
    /** {@code Event.index} of an event waiting in the lane. */
    static final int LANE = Integer.MAX_VALUE;

    private Event[] lane = new Event[64];
    private long[] laneSeqs = new long[64];
    private int head;
    private int tail;
    /** Events in the lane not cancelled. */
    int live;
    /** The one time every event in the lane has. */
    long time;
    private long lastSeq = Long.MIN_VALUE;

    /** Whether an event at {@code t} with {@code seq} may join, the last removed event being at {@code lastRemovedTime}. */
    boolean accepts(long t, long seq, long lastRemovedTime) {
        return t == lastRemovedTime && seq > lastSeq && (live == 0 || t == time);
    }

    void append(Event e) {
        if (live == 0) {
            reset();
            time = e.time;
        }
        if (tail == lane.length) {
            if (head > lane.length / 2) {
                int n = tail - head;
                System.arraycopy(lane, head, lane, 0, n);
                System.arraycopy(laneSeqs, head, laneSeqs, 0, n);
                Arrays.fill(lane, n, tail, null);
                head = 0;
                tail = n;
            } else {
                lane = Arrays.copyOf(lane, lane.length * 2);
                laneSeqs = Arrays.copyOf(laneSeqs, laneSeqs.length * 2);
            }
        }
        lane[tail] = e;
        laneSeqs[tail++] = e.seq;
        lastSeq = e.seq;
        live++;
        e.index = LANE;
    }

    /** The seq of the first live event, after dropping cancelled entries at the head; the lane must have one. */
    long headSeq() {
        while (!isLive(head)) {
            lane[head++] = null;
        }
        return laneSeqs[head];
    }

    /** The first live event (after {@link #headSeq}). */
    Event peek() {
        return lane[head];
    }

    /** Takes the first live event (after {@link #headSeq}). */
    Event poll() {
        Event first = lane[head];
        lane[head++] = null;
        live--;
        first.index = -1;
        return first;
    }

    /** Cancels {@code e}, which must be in the lane ({@code e.index == LANE}). */
    void remove(Event e) {
        e.index = -1;
        if (--live == 0) {
            reset();
        }
    }

    /** Empties the lane, marking every live event unscheduled. */
    void clear() {
        for (int i = head; i < tail; i++) {
            if (isLive(i)) {
                lane[i].index = -1;
            }
        }
        live = 0;
        reset();
    }

    private boolean isLive(int i) {
        Event e = lane[i];
        return e.index == LANE && e.seq == laneSeqs[i];
    }

    private void reset() {
        Arrays.fill(lane, head, tail, null);
        head = 0;
        tail = 0;
    }
}
