package io.tailsim.core.event;

/**
 * An indexed 4-ary min-heap keyed on (time, seq) ({@link EventHeap}): cancel is O(log n) without a
 * search. Beside the heap sits a {@link NowLane} for events scheduled at the instant of the last
 * removed event; the next event is the smaller of the heap's top and the lane's head by (time, seq),
 * so the order is exactly the heap's.
 */
public final class HeapEventList implements EventList {
    private final EventHeap heap;
    private final NowLane lane = new NowLane();
    private long lastRemovedTime = Long.MIN_VALUE;

    public HeapEventList() {
        this(1024);
    }

    public HeapEventList(int initialCapacity) {
        heap = new EventHeap(initialCapacity);
    }

    @Override
    public void add(Event e) {
        if (e.index >= 0) {
            throw new IllegalStateException("event " + e.label() + " is already scheduled at t=" + e.time + "ns");
        }
        if (lane.accepts(e.time, e.seq, lastRemovedTime)) {
            lane.append(e);
            return;
        }
        heap.push(e);
    }

    @Override
    public Event removeFirst() {
        Event first;
        if (laneFirst()) {
            first = lane.poll();
        } else if (heap.size > 0) {
            first = heap.events[0];
            heap.removeAt(0);
        } else {
            return null;
        }
        lastRemovedTime = first.time;
        return first;
    }

    @Override
    public Event peekFirst() {
        if (laneFirst()) {
            return lane.peek();
        }
        return heap.size == 0 ? null : heap.events[0];
    }

    @Override
    public boolean remove(Event e) {
        if (e.index == NowLane.LANE) {
            lane.remove(e);
            return true;
        }
        if (!heap.holds(e)) {
            return false;
        }
        heap.removeAt(e.index);
        return true;
    }

    @Override
    public int size() {
        return heap.size + lane.live;
    }

    @Override
    public void clear() {
        heap.clear();
        lane.clear();
    }

    /** True when the lane's head is the next event. */
    private boolean laneFirst() {
        if (lane.live == 0) {
            return false;
        }
        long s = lane.headSeq();
        return heap.size == 0 || EventHeap.less(lane.time, s, heap.times[0], heap.seqs[0]);
    }
}
