package io.tailsim.core.event;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The clock and the future event list. Time is a long in nanoseconds; events at equal times fire
 * in the order they were scheduled. Mistakes that would silently corrupt a run (scheduling in the
 * past, a negative or NaN delay, scheduling on a finished simulation) fail at once, naming the value.
 */
public final class Simulator {
    /** Called after every fired event: invariant checks and traces hang here. */
    @FunctionalInterface
    public interface Observer {
        void afterEvent(Simulator sim, Event fired);
    }

    private final EventList events;
    private long now;
    private long nextSeq;
    private long fired;
    private boolean stopRequested;
    private boolean finished;
    private Observer observer;

    /** Over a {@link LadderEventList}: O(1) amortised per event, where a heap pays log n. */
    public Simulator() {
        this(new LadderEventList());
    }

    public Simulator(EventList events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Number of events fired so far. */
    public long eventsFired() {
        return fired;
    }

    /** Number of events waiting in the future event list. */
    public int pending() {
        return events.size();
    }

    public boolean isFinished() {
        return finished;
    }

    public void setObserver(Observer observer) {
        this.observer = observer;
    }

    /** Schedules {@code e} to fire {@code delayNanos} from now. */
    public void schedule(Event e, long delayNanos) {
        insert(e, timeAfter(e, delayNanos));
    }

    /** Schedules with a fractional delay, rounded to the nearest nanosecond. */
    public void schedule(Event e, double delayNanos) {
        insert(e, timeAfter(e, delayNanos));
    }

    /** Schedules {@code e} to fire at absolute time {@code timeNanos}, which must not be in the past. */
    public void scheduleAt(Event e, long timeNanos) {
        if (timeNanos < now) {
            throw new IllegalArgumentException("time " + timeNanos + "ns is in the past (now " + now
                    + "ns) for event " + e.label());
        }
        insert(e, timeNanos);
    }

    /** Convenience for one-off actions; hot paths should reuse {@link Event} instances instead. */
    public Event schedule(long delayNanos, Action action) {
        Event e = new ActionEvent(action);
        schedule(e, delayNanos);
        return e;
    }

    /** Moves a scheduled (or unscheduled) event to a new delay from now. */
    public void reschedule(Event e, long delayNanos) {
        // Validate first: a rejected delay must leave the event where it was.
        long time = timeAfter(e, delayNanos);
        checkNotFinished(e, time);
        if (e.isScheduled()) {
            events.remove(e);
        }
        insert(e, time);
    }

    /** Cancels a scheduled event; it will not fire. Returns false when it was not scheduled. */
    public boolean cancel(Event e) {
        return events.remove(e);
    }

    private long timeAfter(Event e, long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos + "ns for event " + e.label()
                    + " at t=" + now + "ns");
        }
        if (delayNanos > Long.MAX_VALUE - now) {
            throw new IllegalArgumentException("delay " + delayNanos + "ns for event " + e.label()
                    + " overflows the clock at t=" + now + "ns");
        }
        return now + delayNanos;
    }

    private long timeAfter(Event e, double delayNanos) {
        if (Double.isNaN(delayNanos) || delayNanos < 0 || Double.isInfinite(delayNanos)) {
            throw new IllegalArgumentException("invalid delay " + delayNanos + "ns for event " + e.label()
                    + " at t=" + now + "ns");
        }
        if (delayNanos >= 0x1p63 || Math.round(delayNanos) > Long.MAX_VALUE - now) {
            throw new IllegalArgumentException("delay " + delayNanos + "ns for event " + e.label()
                    + " overflows the clock at t=" + now + "ns");
        }
        return now + Math.round(delayNanos);
    }

    private void checkNotFinished(Event e, long time) {
        if (finished) {
            throw new IllegalStateException("simulation finished at t=" + now + "ns; cannot schedule "
                    + e.label() + " at t=" + time + "ns");
        }
    }

    private void insert(Event e, long time) {
        checkNotFinished(e, time);
        // Checked here, not only in the list: the fields below are the list's keys, and overwriting
        // them on a pending event would corrupt an ordered list such as TreeEventList.
        if (e.isScheduled()) {
            throw new IllegalStateException("event " + e.label() + " is already scheduled at t=" + e.time
                    + "ns; cannot schedule it again at t=" + time + "ns (cancel or reschedule it)");
        }
        e.time = time;
        e.seq = nextSeq++;
        events.add(e);
    }

    /** Asks the running loop to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Marks the simulation finished: nothing may be scheduled afterwards, pending events are dropped,
     * and a running loop returns after the current event with the clock where it is.
     */
    public void finish() {
        finished = true;
        stopRequested = true;
        events.clear();
    }

    /** Runs until the event list is empty or {@link #stop()} is called. */
    public void run() {
        runUntil(Long.MAX_VALUE);
    }

    /**
     * Fires every event with time &lt;= {@code endNanos}, then advances the clock to {@code endNanos}
     * (unless stopped or finished early, or {@code endNanos} is Long.MAX_VALUE).
     */
    public void runUntil(long endNanos) {
        if (endNanos < now) {
            throw new IllegalArgumentException("end time " + endNanos + "ns is before now " + now + "ns");
        }
        if (finished) {
            return;
        }
        stopRequested = false;
        while (!stopRequested) {
            Event next = events.peekFirst();
            if (next == null || next.time > endNanos) {
                if (endNanos != Long.MAX_VALUE) {
                    now = endNanos;
                }
                return;
            }
            fireNext();
        }
    }

    /** Fires events until {@code condition} holds (checked after each event), the list empties, or stop. */
    public void runUntil(BooleanSupplier condition) {
        stopRequested = false;
        while (!stopRequested && !condition.getAsBoolean()) {
            if (events.isEmpty()) {
                return;
            }
            fireNext();
        }
    }

    /** Fires exactly one event; returns false when none was pending. */
    public boolean step() {
        if (events.isEmpty()) {
            return false;
        }
        fireNext();
        return true;
    }

    private void fireNext() {
        Event e = events.removeFirst();
        now = e.time;
        fired++;
        e.fire(this);
        if (observer != null) {
            observer.afterEvent(this, e);
        }
    }

    /** A lambda-friendly action. */
    @FunctionalInterface
    public interface Action {
        void run(Simulator sim);
    }

    private static final class ActionEvent extends Event {
        private final Action action;

        ActionEvent(Action action) {
            this.action = action;
        }

        @Override
        public void fire(Simulator sim) {
            action.run(sim);
        }

        @Override
        public String label() {
            return "action";
        }
    }
}
