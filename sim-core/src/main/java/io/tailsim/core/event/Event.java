package io.tailsim.core.event;

/**
 * Something that happens at an instant of simulated time. Subclass it and implement {@link #fire}.
 *
 * <p>An event object can be scheduled again once it has fired or been cancelled, so hot paths
 * reuse one instance per entity instead of allocating per occurrence. The scheduling fields are
 * package-private so event lists can keep them without indirection.
 */
public abstract class Event {
    long time;
    long seq;
    /** Position in the owning event list, or -1 when not scheduled. */
    int index = -1;
    /** Neighbours in a {@link LadderEventList} bucket: links in the event itself, so bucketing allocates nothing. */
    Event nextInBucket;
    Event prevInBucket;
    /** The ladder whose bucket holds it, so cancel can tell its own events from another list's. */
    LadderEventList ladder;

    /** What the event does when the clock reaches it. */
    public abstract void fire(Simulator sim);

    /** Time (ns) this event is scheduled for; meaningful only while {@link #isScheduled()}. */
    public final long time() {
        return time;
    }

    public final boolean isScheduled() {
        return index >= 0;
    }

    /** A short label for traces; override for something more telling than the class name. */
    public String label() {
        return getClass().getSimpleName();
    }
}
