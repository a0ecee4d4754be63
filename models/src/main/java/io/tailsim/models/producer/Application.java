package io.tailsim.models.producer;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.cpu.CpuJob;
import io.tailsim.models.cpu.HostCpu;

import java.util.function.LongSupplier;

/**
 * The application thread calling send(): one thread, so a send() blocked on buffer.memory delays
 * the calls behind it. Each call occupies the thread client.per-record ns. Open-loop arrivals
 * (constant, Poisson, on/off) that come while the thread is busy or blocked wait in a backlog (a
 * count: their latency starts when send() is actually called, as the Kafka client measures it);
 * a saturating application calls send() again as soon as the last call returns; Trogdor's throttle
 * sends a burst per period, flushes, and sleeps to the next period (periods follow the wall clock of
 * the producer's machine, so producers on one machine start their bursts together). On a host shared with brokers
 * the per-record work is a job on the host's cores. A call made at a time ahead of
 * the simulator clock (see {@link #proceed}) is exactly the call an event at that time would make.
 */
final class Application {
    private enum Kind { OPEN, SATURATING, TROGDOR }

    /** Sends per event when send() costs no time, so a saturating loop yields to other events. */
    private static final int MAX_SENDS_PER_EVENT = 4096;

    private final KafkaProducer producer;
    private final Simulator sim;
    private final ArrivalProcess process;
    private final RandomStream rng;
    private final long perRecordNanos;
    private final Kind kind;
    private final LongSupplier horizon;

    private long backlog;
    private boolean busy;
    private boolean blocked;
    private long blockedSince;
    private long pendingSendTime;
    private boolean started;

    // open-loop arrival state
    private double nextConstant;
    private long onUntil;

    // Trogdor throttle state
    private long periodNanos;
    private long clockOffset;
    private int perPeriod;
    private int burstRemaining;
    private long period;
    private boolean flushing;
    private long flushStart;
    private boolean flushDoneForPeriod = true;

    private final Event arrival = new Event() {
        @Override
        public void fire(Simulator s) {
            onArrival(s.now());
        }

        @Override
        public String label() {
            return producer.name() + "/arrival";
        }
    };

    private final Event free = new Event() {
        @Override
        public void fire(Simulator s) {
            busy = false;
            proceed(s.now());
        }

        @Override
        public String label() {
            return producer.name() + "/app";
        }
    };

    /** On a shared host the per-record work runs on its cores instead of as a delay. */
    private final HostCpu cpu;
    private final CpuJob cpuWork;

    /**
     * Aggregated bursts on a shared host (see {@link #proceed}): false selects one CPU job and one
     * completion per send() call, the per-record path.
     */
    private boolean aggregate = !Boolean.getBoolean(PER_RECORD_PROPERTY);
    /** System property that selects the per-record path for every producer ({@code -Dtailsim.producer.per-record=true}). */
    static final String PER_RECORD_PROPERTY = "tailsim.producer.per-record";
    /** A tracked CPU job covers {@code lazyTotal} send() calls after the one that started it; {@code lazyDone} are made. */
    private boolean lazy;
    /** The job on the cores is a call's work (per-record path, or the call in progress when a burst stopped being quiet). */
    private boolean callPending;
    private int lazyTotal;
    private int lazyDone;
    private long lazyLast;
    /** Makes the pending calls of an aggregated burst before a linger timer they would set could be due. */
    private final Event lazyCheck = new Event() {
        @Override
        public void fire(Simulator s) {
            catchUp(s.now());
        }

        @Override
        public String label() {
            return producer.name() + "/burst-check";
        }
    };

    Application(KafkaProducer producer, Simulator sim, LongSupplier horizon, ArrivalProcess process,
                RandomStream rng, double perRecordNanos, HostCpu sharedCpu, int cpuGroup) {
        this.producer = producer;
        this.horizon = horizon;
        this.cpu = sharedCpu;
        this.cpuWork = sharedCpu == null ? null : new CpuJob(cpuGroup) {
            @Override
            protected void cpuDone(long now) {
                if (lazy) {
                    materialize(now, true);
                    lazy = false;
                    if (lazyCheck.isScheduled()) {
                        sim.cancel(lazyCheck);
                    }
                }
                busy = false;
                if (callPending) {
                    // the call's work is done: the record is appended now, at the end of send()
                    callPending = false;
                    if (!callSend(now, Math.max(lazyLast, now - Application.this.perRecordNanos))) {
                        return;
                    }
                    afterCall(now);
                    return;
                }
                proceed(now);
            }
        };
        if (cpuWork != null) {
            // it sleeps until its next send time (parkNanos in a real driver, Trogdor's throttle): a timed wait
            cpuWork.setWakesOnTimer(true);
        }
        this.sim = sim;
        this.process = process;
        this.rng = rng;
        this.perRecordNanos = Math.round(perRecordNanos);
        if (process instanceof ArrivalProcess.Saturating) {
            kind = Kind.SATURATING;
        } else if (process instanceof ArrivalProcess.TrogdorThrottle) {
            kind = Kind.TROGDOR;
        } else {
            kind = Kind.OPEN;
        }
    }

    /** Starts the application; returns the start offset used (for staggering metadata refreshes). */
    long start(long now) {
        started = true;
        if (process instanceof ArrivalProcess.Constant c) {
            double gap = 1e9 / c.recordsPerSecond();
            nextConstant = now + rng.nextDouble() * gap;
            sim.scheduleAt(arrival, (long) Math.ceil(nextConstant));
            return (long) (nextConstant - now);
        } else if (process instanceof ArrivalProcess.Poisson p) {
            sim.schedule(arrival, Math.round(rng.nextExponential(1e9 / p.recordsPerSecond())));
            return 0;
        } else if (process instanceof ArrivalProcess.OnOff o) {
            onUntil = now + Math.round(rng.nextExponential(o.meanOnNanos()));
            scheduleOnOff(now, o);
            return 0;
        } else if (process instanceof ArrivalProcess.TrogdorThrottle t) {
            periodNanos = t.periodNanos();
            perPeriod = t.recordsPerPeriod();
            // one clock per machine: producers sharing a client host (a Trogdor agent) share its offset
            clockOffset = t.maxClockSkewNanos() == 0 ? 0 : producer.host().clockOffset(t.maxClockSkewNanos(), rng);
            sim.schedule(free, clockOffset);
            busy = true;
            period = -1;
            return clockOffset;
        } else {
            proceed(now);
            return 0;
        }
    }

    private void scheduleOnOff(long now, ArrivalProcess.OnOff o) {
        long t = now + Math.round(rng.nextExponential(1e9 / o.onRecordsPerSecond()));
        while (t > onUntil) {
            long offEnd = onUntil + Math.round(rng.nextExponential(o.meanOffNanos()));
            onUntil = offEnd + Math.round(rng.nextExponential(o.meanOnNanos()));
            t = offEnd + Math.round(rng.nextExponential(1e9 / o.onRecordsPerSecond()));
        }
        sim.scheduleAt(arrival, t);
    }

    private void onArrival(long now) {
        if (process instanceof ArrivalProcess.Constant c) {
            nextConstant += 1e9 / c.recordsPerSecond();
            sim.scheduleAt(arrival, Math.max(now, (long) Math.ceil(nextConstant)));
        } else if (process instanceof ArrivalProcess.Poisson p) {
            sim.schedule(arrival, Math.round(rng.nextExponential(1e9 / p.recordsPerSecond())));
        } else if (process instanceof ArrivalProcess.OnOff o) {
            scheduleOnOff(now, o);
        }
        backlog++;
        arrivals++;
        if (!busy && !blocked) {
            proceed(now);
        }
    }

    /**
     * The thread is free at {@code now}: make the next send() calls. A call only changes this
     * producer's own state, and nothing from outside can change that state while the producer has
     * no request outstanding and none of its own timers is due ({@link KafkaProducer#inlineHorizon}).
     * So calls due before that horizon are made here in one go, each at its own time: exactly what
     * one event per call would do, without the events.
     */
    private void proceed(long now) {
        long t = now;
        for (int i = 0; i < MAX_SENDS_PER_EVENT; i++) {
            if (busy || blocked || flushing || !hasWork(t)) {
                return;
            }
            if (perRecordNanos > 0 && cpu != null) {
                // On the host's cores a call's work runs first and its record is appended when it ends (send()
                // serialises, partitions and appends on the calling thread): a thread that wakes for a burst and
                // waits for a core appends nothing, and wakes no Sender, until it runs.
                busy = true;
                lazyLast = t;
                callPending = true;
                cpu.submit(cpuWork, perRecordNanos);
                return;
            }
            if (!callSend(t, t)) {
                return;
            }
            if (perRecordNanos > 0) {
                long next = t + perRecordNanos;
                if (next >= horizon.getAsLong()) {
                    busy = true;
                    sim.scheduleAt(free, next);
                    return;
                }
                t = next;
            }
        }
        // yield to other events, then continue
        busy = true;
        sim.scheduleAt(free, t);
    }

    /**
     * A call was just made at the end of its work on the host's cores: the calls after it that are quiet run as one
     * tracked job, made when something observes the producer; otherwise the next call's work starts as a job of its own.
     */
    private void afterCall(long now) {
        if (busy || blocked || flushing || !hasWork(now)) {
            return;
        }
        int q = aggregate && kind == Kind.TROGDOR && !stopped ? producer.quietSendsAhead(burstRemaining) : 0;
        if (q == 0) {
            proceed(now);
            return;
        }
        busy = true;
        lazy = true;
        lazyTotal = q;
        lazyDone = 0;
        lazyLast = now;
        cpu.submitTracked(cpuWork, (double) perRecordNanos * q);
        ensureObserved(now);
    }

    // ---- aggregated bursts on a shared host ----

    /**
     * Selects the per-record path (one CPU job and completion per send() call) or the aggregated one
     * (one tracked CPU job for a run of "quiet" calls, made when something observes the producer).
     */
    void setAggregate(boolean on) {
        this.aggregate = on;
    }

    /**
     * Makes the calls of the aggregated burst whose CPU work was done by {@code now}, each at the
     * instant its predecessor's work was done (when the job's attained service crossed k x
     * client.per-record), as one CPU job per call would; with {@code all}, every pending call (the
     * job is done).
     */
    private void materialize(long now, boolean all) {
        while (lazyDone < lazyTotal) {
            long t = cpu.attainedAt(cpuWork, (double) perRecordNanos * (lazyDone + 1));
            if (t > now) {
                if (!all) {
                    return;
                }
                t = now;
            }
            if (t < lazyLast) {
                t = lazyLast;
            }
            // the call began when its work began, at full speed perRecordNanos before it ended (as the per-record path)
            long began = Math.max(lazyLast, t - perRecordNanos);
            lazyLast = t;
            lazyDone++;
            if (!callSend(t, began)) {
                throw new IllegalStateException(producer.name() + ": an aggregated send() blocked");
            }
        }
    }

    /** Something observes the producer at {@code now}: make the calls due by then. */
    void materialize(long now) {
        if (lazy) {
            materialize(now, false);
        }
    }

    /** As {@link #materialize(long)}, then keep the pending calls observed in time. */
    void catchUp(long now) {
        if (lazy) {
            materialize(now, false);
            ensureObserved(now);
        }
    }

    /**
     * The accumulator changed from outside (a drain, new metadata): recount the quiet calls ahead
     * and move the end of the tracked job to the first call that is not quiet.
     */
    void replan(long now) {
        if (!lazy) {
            return;
        }
        materialize(now, false);
        if (!cpuWork.onCpu()) {
            return;     // done at this instant; its cpuDone (pending in the same completion) ends the run
        }
        int q = stopped ? 0 : producer.quietSendsAhead(burstRemaining);
        int total = lazyDone + q;
        if (total != lazyTotal) {
            lazyTotal = total;
            if (q == 0) {
                // the call in progress is no longer quiet: it finishes its work and is made at the job's end
                callPending = true;
                cpu.setWork(cpuWork, (double) perRecordNanos * (total + 1));
            } else {
                cpu.setWork(cpuWork, (double) perRecordNanos * total);
            }
        }
        ensureObserved(now);
    }

    /**
     * The calls not yet made have send() times after {@code now}; a batch one of them opens sets a
     * linger timer after now + linger.ms. An observation by then (the Sender's next run, or a check
     * of our own) makes them before any such timer is due.
     */
    private void ensureObserved(long now) {
        if (lazyDone >= lazyTotal) {
            return;
        }
        long by = now + producer.lingerNanos();
        if (producer.nextSenderRun() <= by) {
            return;
        }
        if (lazyCheck.isScheduled()) {
            if (lazyCheck.time() <= by) {
                return;
            }
            sim.cancel(lazyCheck);
        }
        sim.scheduleAt(lazyCheck, by);
    }

    /** The application stops sending: no more arrivals or bursts (a blocked send() still completes). */
    void stop() {
        if (lazy) {
            materialize(sim.now(), false);
            if (lazyTotal > lazyDone) {
                // the call in progress finishes its work and is made; the rest are never made
                lazyTotal = lazyDone;
                if (cpuWork.onCpu()) {
                    callPending = true;
                    cpu.setWork(cpuWork, (double) perRecordNanos * (lazyDone + 1));
                }
            }
        }
        stopped = true;
        if (arrival.isScheduled()) {
            sim.cancel(arrival);
        }
        backlog = 0;
    }

    private boolean stopped;
    private long arrivals;

    /** Records the application wanted to send so far (open loop: arrivals; closed loop: calls made). */
    long arrivals() {
        return kind == Kind.OPEN ? arrivals : producer.recordsSent();
    }

    private boolean hasWork(long now) {
        if (stopped) {
            return false;
        }
        switch (kind) {
            case OPEN:
                return backlog > 0;
            case SATURATING:
                return true;
            default:
                if (burstRemaining > 0) {
                    return true;
                }
                return startNextBurstOrWait(now);
        }
    }

    /** Trogdor: the burst is over (or not begun): flush, sleep to the next period, or start one now. */
    private boolean startNextBurstOrWait(long now) {
        if (period >= 0 && !flushDoneForPeriod) {
            flushDoneForPeriod = true;
            if (((ArrivalProcess.TrogdorThrottle) process).flush() && !producer.beginFlush(now)) {
                flushing = true;
                flushStart = now;
                return false;
            }
        }
        long current = Math.floorDiv(now - clockOffset, periodNanos);
        if (period >= 0 && current <= period) {
            busy = true;
            sim.scheduleAt(free, clockOffset + (period + 1) * periodNanos);
            return false;
        }
        period = current;
        burstRemaining = perPeriod;
        flushDoneForPeriod = false;
        return true;
    }

    /** flush() returned. */
    void flushDone(long now) {
        if (!flushing) {
            return;
        }
        flushing = false;
        producer.groupStats().flushNanos += now - flushStart;
        proceed(now);
    }

    /** Calls send() for a record whose call began at {@code sendTime}; false when the thread is now blocked. */
    private boolean callSend(long now, long sendTime) {
        if (!producer.send(now, sendTime)) {
            blocked = true;
            blockedSince = now;
            pendingSendTime = sendTime;
            return false;
        }
        if (kind == Kind.OPEN) {
            if (backlog > 0) {
                backlog--;
            }
        } else if (kind == Kind.TROGDOR) {
            burstRemaining--;
        }
        return true;
    }

    /** buffer.memory freed enough for the blocked send() to proceed. */
    void memoryAvailable(long now) {
        if (!blocked) {
            return;
        }
        blocked = false;
        producer.groupStats().bufferBlockedNanos += now - blockedSince;
        if (!callSend(now, pendingSendTime)) {
            return;
        }
        if (perRecordNanos > 0 && cpu == null) {
            busy = true;
            sim.scheduleAt(free, now + perRecordNanos);
        } else {
            // on a shared host the call's work was done before it blocked
            proceed(now);
        }
    }

    /** When the next arrival event is due (open-loop processes), else Long.MAX_VALUE. */
    long nextArrivalTime() {
        return arrival.isScheduled() ? arrival.time() : Long.MAX_VALUE;
    }

    boolean isBlocked() {
        return blocked;
    }

    /** Arrivals waiting for the application thread (open-loop processes). */
    long backlog() {
        return backlog;
    }

    /** Restarts open statistics intervals at warm-up end. */
    void restartStats(long now) {
        if (blocked) {
            blockedSince = now;
        }
        if (flushing) {
            flushStart = now;
        }
    }

    boolean started() {
        return started;
    }
}
