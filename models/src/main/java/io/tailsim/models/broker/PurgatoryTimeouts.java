package io.tailsim.models.broker;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;

import java.util.Arrays;

/**
 * The produce purgatory's timeouts (request.timeout.ms) without an event per parked request. Every
 * acks=all produce used to schedule its own timeout event, tens of seconds out, only to cancel it
 * a few milliseconds later when the high watermark passed it: an insert and a remove on the
 * simulator's event list per request for nothing. Requests parked with the same timeout expire in
 * the order they were parked, so one FIFO per distinct timeout value (a broker sees one or two)
 * holds them in deadline order, completed ones are dropped lazily from its head, and one event per
 * FIFO fires at the earliest deadline still held. Requests expire at exactly the same instants and
 * in the same order as with one event each; only the tie order against other events at the very
 * nanosecond of an expiry (30 s after a request that never completed) can differ.
 */
final class PurgatoryTimeouts {
    private final Simulator sim;
    private Fifo[] fifos = new Fifo[0];

    PurgatoryTimeouts(Simulator sim) {
        this.sim = sim;
    }

    /** A parked operation: done once completed (dropped lazily), expired if not done by its deadline. */
    interface Expirable {
        boolean isDone();

        /** The timeout passed while not done. */
        void expire();
    }

    /** Parks {@code op}: unless it is done first, its {@link Expirable#expire} runs {@code timeoutNanos} from now. */
    void add(Expirable op, long timeoutNanos) {
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("negative purgatory timeout " + timeoutNanos + "ns");
        }
        Fifo f = null;
        for (Fifo x : fifos) {
            if (x.timeoutNanos == timeoutNanos) {
                f = x;
                break;
            }
        }
        if (f == null) {
            f = new Fifo(timeoutNanos);
            fifos = Arrays.copyOf(fifos, fifos.length + 1);
            fifos[fifos.length - 1] = f;
        }
        f.add(op, sim.now() + timeoutNanos);
    }

    /** Operations held (completed ones not yet dropped included). */
    int held() {
        int n = 0;
        for (Fifo f : fifos) {
            n += f.size;
        }
        return n;
    }

    private final class Fifo extends Event {
        final long timeoutNanos;
        private Expirable[] ops = new Expirable[16];
        private long[] deadlines = new long[16];
        private int head;
        private int size;

        Fifo(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        void add(Expirable op, long deadline) {
            dropCompleted();
            if (size == ops.length) {
                int n = ops.length * 2;
                Expirable[] no = new Expirable[n];
                long[] nd = new long[n];
                for (int i = 0; i < size; i++) {
                    int s = (head + i) & (ops.length - 1);
                    no[i] = ops[s];
                    nd[i] = deadlines[s];
                }
                ops = no;
                deadlines = nd;
                head = 0;
            }
            int s = (head + size) & (ops.length - 1);
            ops[s] = op;
            deadlines[s] = deadline;
            size++;
            if (!isScheduled()) {
                sim.scheduleAt(this, deadlines[head]);
            }
        }

        private void dropCompleted() {
            while (size > 0 && ops[head].isDone()) {
                pop();
            }
        }

        private Expirable pop() {
            Expirable op = ops[head];
            ops[head] = null;
            head = (head + 1) & (ops.length - 1);
            size--;
            return op;
        }

        @Override
        public void fire(Simulator s) {
            long now = s.now();
            dropCompleted();
            while (size > 0 && deadlines[head] <= now) {
                Expirable op = pop();
                if (!op.isDone()) {
                    op.expire();
                }
                dropCompleted();
            }
            if (size > 0) {
                s.scheduleAt(this, deadlines[head]);
            }
        }

        @Override
        public String label() {
            return "produce-purgatory-timeouts(" + timeoutNanos + "ns)";
        }
    }
}
