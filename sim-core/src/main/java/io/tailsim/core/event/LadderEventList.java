package io.tailsim.core.event;

import java.util.Arrays;

/**
 * A ladder queue (Tang, Goh and Thng 2005) with a small heap at its foot: O(1) amortised hold
 * operations however many events are pending, where a heap pays a sift through log n levels.
 *
 * <p>Time is cut into disjoint, contiguous ranges, earliest first:
 * <ul>
 *   <li>the <em>near heap</em>, a 4-ary heap on (time, seq) holding the events before the deepest
 *   rung's first unconsumed bucket (usually a handful, so its sifts stay in L1);</li>
 *   <li><em>rungs</em>: arrays of buckets of width 2^shift (bucket index is a shift, not a division),
 *   each bucket an unsorted doubly linked list through {@link Event#nextInBucket}, so insert and cancel
 *   are O(1); a deeper rung refines one bucket of the rung above it;</li>
 *   <li><em>top</em>: an unsorted array of everything later than rung 0.</li>
 * </ul>
 * When the near heap runs dry the deepest rung's next non-empty bucket goes into it, or, when that
 * bucket is crowded, is spread over a new finer rung sized to its events; when the rungs run out,
 * top becomes a new rung 0 sized to its events and its actual time span. A time maps to exactly one
 * range at any moment, so events with equal times always sit together and the near heap's seq order
 * keeps them FIFO. Because every rung is sized to the events it receives, the structure adapts to
 * non-stationary and skewed delays (nanoseconds beside 30 s timeouts); when it cannot split any
 * further (all times equal, or {@link #MAX_RUNGS} deep) events pile into the near heap and cost a
 * heap's O(log n), never O(n).
 *
 * <p>The now lane of {@link HeapEventList} is kept: events scheduled for the instant of the last removed
 * event go to a FIFO, O(1), compared with the near heap's top by (time, seq). Times must be
 * non-negative, as {@link Simulator} guarantees.
 */
public final class LadderEventList implements EventList {
    /** Rung depth cap: each level divides the bucket width by about {@link #SPAWN_THRESHOLD}. */
    static final int MAX_RUNGS = 16;
    /** A bucket with more events than this becomes a finer rung instead of going into the near heap. */
    static final int SPAWN_THRESHOLD = 48;
    /** A near heap larger than this is spread over a new rung (its width was too coarse for the traffic). */
    static final int NEAR_LIMIT = 256;
    /** Caps one rung's bucket array (4 bytes a bucket with compressed references). */
    private static final int MAX_BUCKETS = 1 << 24;

    // Event.index ranges: [0, TOP_BASE) near heap slot; [TOP_BASE, RUNG_BASE) top slot + TOP_BASE;
    // [RUNG_BASE, RUNG_BASE + MAX_RUNGS) rung number + RUNG_BASE; LANE in the now lane.
    private static final int TOP_BASE = 1 << 30;
    private static final int RUNG_BASE = Integer.MAX_VALUE - 1 - MAX_RUNGS;
    private static final int LANE = NowLane.LANE;

    private final EventHeap near;
    private int nearLimit = NEAR_LIMIT;

    private final Event[][] heads = new Event[MAX_RUNGS][];
    private final long[] rungStart = new long[MAX_RUNGS];
    private final int[] rungShift = new int[MAX_RUNGS];
    private final int[] rungCur = new int[MAX_RUNGS];
    private final int[] rungBuckets = new int[MAX_RUNGS];
    /** Last time covered by the rung's consumed buckets: later times belong to this rung (or above). */
    private final long[] rungFloor = new long[MAX_RUNGS];
    private int rungs;
    private int inRungs;

    private Event[] top = new Event[64];
    private int topSize;
    private long topMin = Long.MAX_VALUE;
    private long topMax = Long.MIN_VALUE;
    /** Last time covered by rung 0: later times go to top. */
    private long topFloor = Long.MIN_VALUE;

    private final NowLane lane = new NowLane();
    private long lastRemovedTime = Long.MIN_VALUE;

    // Diagnostics for tests of the resizing, bumped only on the bulk paths.
    /** Events moved between ranges (top to rung, bucket to rung or heap, heap to rung): the amortised work. */
    long moves;
    /** Rungs opened from top, from crowded buckets and from an overgrown near heap. */
    long transfers;
    long spawns;
    long spreads;

    public LadderEventList() {
        this(64);
    }

    public LadderEventList(int initialNearCapacity) {
        near = new EventHeap(initialNearCapacity);
    }

    @Override
    public void add(Event e) {
        if (e.index >= 0) {
            throw new IllegalStateException("event " + e.label() + " is already scheduled at t=" + e.time + "ns");
        }
        long t = e.time;
        if (t < 0) {
            throw new IllegalArgumentException("negative time " + t + "ns for event " + e.label());
        }
        if (lane.accepts(t, e.seq, lastRemovedTime)) {
            lane.append(e);
            return;
        }
        if (t > topFloor) {
            addTop(e, t);
            return;
        }
        for (int r = 0; r < rungs; r++) {
            if (t > rungFloor[r]) {
                link(r, e, t);
                inRungs++;
                return;
            }
        }
        near.push(e);
        if (near.size > nearLimit) {
            spreadNear();
        }
    }

    @Override
    public Event removeFirst() {
        boolean rest = near.size > 0 || fillNear();
        Event first;
        if (lane.live > 0 && laneFirst(rest)) {
            first = lane.poll();
        } else if (rest) {
            first = near.events[0];
            near.removeAt(0);
        } else {
            return null;
        }
        lastRemovedTime = first.time;
        return first;
    }

    @Override
    public Event peekFirst() {
        boolean rest = near.size > 0 || fillNear();
        if (lane.live > 0 && laneFirst(rest)) {
            return lane.peek();
        }
        return rest ? near.events[0] : null;
    }

    @Override
    public boolean remove(Event e) {
        int i = e.index;
        if (i < 0) {
            return false;
        }
        if (i == LANE) {
            lane.remove(e);
            return true;
        }
        if (i < TOP_BASE) {
            if (i >= near.size || near.events[i] != e) {
                return false;
            }
            near.removeAt(i);
            return true;
        }
        if (i < RUNG_BASE) {
            return removeFromTop(e, i - TOP_BASE);
        }
        return unlink(e, i - RUNG_BASE);
    }

    @Override
    public int size() {
        return near.size + inRungs + topSize + lane.live;
    }

    @Override
    public void clear() {
        near.clear();
        nearLimit = NEAR_LIMIT;
        for (int r = 0; r < rungs; r++) {
            Event[] h = heads[r];
            for (int b = rungCur[r]; b < rungBuckets[r]; b++) {
                for (Event x = h[b]; x != null; ) {
                    Event next = x.nextInBucket;
                    x.index = -1;
                    x.nextInBucket = null;
                    x.prevInBucket = null;
                    x = next;
                }
                h[b] = null;
            }
        }
        rungs = 0;
        inRungs = 0;
        for (int i = 0; i < topSize; i++) {
            top[i].index = -1;
            top[i] = null;
        }
        topSize = 0;
        topMin = Long.MAX_VALUE;
        topMax = Long.MIN_VALUE;
        topFloor = Long.MIN_VALUE;
        lane.clear();
    }

    /** Number of rungs in use (for tests of the resizing). */
    int rungCount() {
        return rungs;
    }

    /** Events in the near heap (for tests of the resizing). */
    int nearSize() {
        return near.size;
    }

    // ---- top ----

    private void addTop(Event e, long t) {
        if (topSize == top.length) {
            top = Arrays.copyOf(top, topSize * 2);
        }
        top[topSize] = e;
        e.index = TOP_BASE + topSize++;
        if (t < topMin) {
            topMin = t;
        }
        if (t > topMax) {
            topMax = t;
        }
    }

    private boolean removeFromTop(Event e, int pos) {
        if (pos >= topSize || top[pos] != e) {
            return false;
        }
        int last = --topSize;
        if (pos != last) {
            Event moved = top[last];
            top[pos] = moved;
            moved.index = TOP_BASE + pos;
        }
        top[last] = null;
        e.index = -1;
        if (topSize == 0) {
            topMin = Long.MAX_VALUE;
            topMax = Long.MIN_VALUE;
        }
        // topMin and topMax stay bounds, not exact: a rung a little wider than needed is harmless.
        return true;
    }

    /** Top becomes rung 0, one bucket per event over the span its events actually cover. */
    private void transferTop() {
        int n = topSize;
        topFloor = newRung(topMin, topMax, n);
        for (int i = 0; i < n; i++) {
            Event e = top[i];
            top[i] = null;
            link(0, e, e.time);
        }
        inRungs += n;
        moves += n;
        transfers++;
        topSize = 0;
        topMin = Long.MAX_VALUE;
        topMax = Long.MIN_VALUE;
    }

    // ---- rungs ----

    /**
     * Opens rung {@code rungs} over [min, last] with about {@code events} buckets; returns the last time
     * it covers (at least {@code last}).
     */
    private long newRung(long min, long last, int events) {
        int r = rungs++;
        long span = last - min;
        int target = Math.max(1, Math.min(events, MAX_BUCKETS));
        // Smallest power-of-two width with span / width < target: between target / 2 and target buckets.
        int shift = 64 - Long.numberOfLeadingZeros(span / target);
        int n = (int) (span >>> shift) + 1;
        if (heads[r] == null || heads[r].length < n) {
            heads[r] = new Event[Math.max(n, heads[r] == null ? 16 : Math.min(MAX_BUCKETS, 2 * heads[r].length))];
        }
        rungStart[r] = min;
        rungShift[r] = shift;
        rungCur[r] = 0;
        rungBuckets[r] = n;
        rungFloor[r] = min - 1;
        return lastCovered(min, n, shift);
    }

    /** {@code start + buckets * 2^shift - 1}, saturating at Long.MAX_VALUE (the product is unsigned). */
    private static long lastCovered(long start, int buckets, int shift) {
        long offset = ((long) buckets << shift) - 1;
        return Long.compareUnsigned(offset, Long.MAX_VALUE - start) > 0 ? Long.MAX_VALUE : start + offset;
    }

    private void link(int r, Event e, long t) {
        Event[] h = heads[r];
        int b = (int) ((t - rungStart[r]) >>> rungShift[r]);
        Event first = h[b];
        e.nextInBucket = first;
        e.prevInBucket = null;
        if (first != null) {
            first.prevInBucket = e;
        }
        h[b] = e;
        e.index = RUNG_BASE + r;
        if (e.ladder != this) {
            e.ladder = this; // events are reused: skip the GC write barrier after the first time
        }
    }

    private boolean unlink(Event e, int r) {
        if (e.ladder != this || r >= rungs) {
            return false;
        }
        long b = (e.time - rungStart[r]) >>> rungShift[r];
        if (b < rungCur[r] || b >= rungBuckets[r]) {
            return false;
        }
        Event prev = e.prevInBucket;
        Event next = e.nextInBucket;
        if (prev == null) {
            if (heads[r][(int) b] != e) {
                return false;
            }
            heads[r][(int) b] = next;
        } else {
            if (prev.nextInBucket != e) {
                return false;
            }
            prev.nextInBucket = next;
        }
        if (next != null) {
            next.prevInBucket = prev;
        }
        e.nextInBucket = null;
        e.prevInBucket = null;
        e.index = -1;
        inRungs--;
        return true;
    }

    /** Makes the near heap non-empty if any event outside the lane is pending; false when none is. */
    private boolean fillNear() {
        while (near.size == 0) {
            if (rungs == 0) {
                if (topSize == 0) {
                    return false;
                }
                transferTop();
                continue;
            }
            int r = rungs - 1;
            Event[] h = heads[r];
            int b = rungCur[r];
            int n = rungBuckets[r];
            while (b < n && h[b] == null) {
                b++;
            }
            if (b == n) {
                rungs--;
                continue;
            }
            Event list = h[b];
            h[b] = null;
            rungCur[r] = b + 1;
            long last = lastCovered(rungStart[r], b + 1, rungShift[r]);
            rungFloor[r] = last;
            int count = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Event x = list; x != null; x = x.nextInBucket) {
                count++;
                long t = x.time;
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            inRungs -= count;
            moves += count;
            if (count > SPAWN_THRESHOLD && min < max && rungs < MAX_RUNGS) {
                // Crowded: refine it. The new rung must cover the whole bucket, [min, last], since
                // later inserts may land anywhere in it.
                newRung(min, last, count);
                int child = rungs - 1;
                for (Event x = list; x != null; ) {
                    Event next = x.nextInBucket;
                    link(child, x, x.time);
                    x = next;
                }
                inRungs += count;
                spawns++;
            } else {
                for (Event x = list; x != null; ) {
                    Event next = x.nextInBucket;
                    x.nextInBucket = null;
                    x.prevInBucket = null;
                    near.push(x);
                    x = next;
                }
            }
        }
        // A bucket that could not be split (ties, or the rung cap) may arrive big: spread only once
        // the heap has doubled since, so spreading stays O(1) amortised.
        nearLimit = Math.max(NEAR_LIMIT, 2 * near.size);
        return true;
    }

    /**
     * The near heap outgrew {@link #nearLimit}: events keep landing before the deepest rung's current
     * bucket, so that bucket was too wide for them. Spread the heap over a new, finer rung. When it
     * cannot be split (one time, or the rungs are at their cap), let the heap grow to twice its size
     * before trying again, so the attempts cost O(1) amortised.
     */
    private void spreadNear() {
        long min = near.times[0];
        long max = min;
        for (int i = 1; i < near.size; i++) {
            max = Math.max(max, near.times[i]);
        }
        if (min == max || rungs == MAX_RUNGS) {
            nearLimit = 2 * near.size;
            return;
        }
        long last = rungs > 0 ? rungFloor[rungs - 1] : topFloor;
        newRung(min, last, near.size);
        int r = rungs - 1;
        for (int i = 0; i < near.size; i++) {
            Event e = near.events[i];
            near.events[i] = null;
            link(r, e, near.times[i]);
        }
        inRungs += near.size;
        moves += near.size;
        spreads++;
        near.size = 0;
        nearLimit = NEAR_LIMIT;
    }

    /** True when the lane's head is the next event; {@code rest}: the near heap holds the earliest other. */
    private boolean laneFirst(boolean rest) {
        long seq = lane.headSeq();
        return !rest || EventHeap.less(lane.time, seq, near.times[0], near.seqs[0]);
    }
}
