package io.tailsim.models.cpu;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A host's cores as a time-sliced scheduler ({@link HostCpu#setTimeSlice}), by default round robin with quantum q, RR(q):
 * a job that joins takes a free core or waits in a FIFO ready queue; a job on a core runs at the core's speed; when it has
 * held the core for q and others are waiting it goes to the tail of the queue with its remaining work, otherwise it keeps
 * going with a fresh slice. A thread handed new work at the instant its previous job finished (its owner resubmits from cpuDone) keeps its
 * core and the rest of its slice: it never left the core.
 *
 * <p>With {@link SchedulerPolicy#EEVDF} the queue is not FIFO: a free core takes the eligible waiting thread (vruntime at or
 * below the runnable average) with the earliest virtual deadline, a thread that used up its slice keeps its core only if
 * no waiting eligible thread has an earlier deadline, and a thread woken from sleep is placed by the lag it went to sleep
 * with (Linux's kernel/sched/fair.c since 6.6; docs/model.md, "Host effects").
 *
 * <p>Fractional capacity (vCPUs less a fixed background load): ceil(capacity) cores, each at speed capacity /
 * ceil(capacity), so that c busy cores deliver exactly capacity cores of work, as processor sharing does; the load that
 * capacity leaves out slows every core a little instead of taking a core away.
 *
 * <p>Cost: one reusable event per core, set at the earlier of its job's finish and its slice's end (a slice end with no
 * one waiting just renews the slice); a job that joins, finishes or is preempted costs O(1) plus that event's
 * (re)scheduling, O(log n) in the event list.
 */
final class TimeSlicedCores {
    /** Work left at or below this (ns of one core) is done: completion times are rounded up to whole ns. */
    static final double TOLERANCE = 1e-3;

    private final Simulator sim;
    private final String name;
    private final long slice;
    private final SchedulerPolicy policy;
    /** EEVDF: sum of the waiting threads' vruntimes (the running ones' are added when needed). */
    private long waitSum;
    /** EEVDF: the average vruntime last seen with threads runnable; where a thread waking on an empty host is placed. */
    private long lastAvg;
    /**
     * Per-core queues: each core keeps its own eligibility average over the thread on it and the threads in its queue, as
     * Linux keeps one per CPU's cfs_rq; a thread that moves between queues keeps its lag. Indexed by core.
     */
    private long[] waitSumOn = new long[0];
    private int[] queuedOn = new int[0];
    private long[] lastAvgOn = new long[0];
    private Core[] cores = new Core[0];
    private int active;
    private double speed;
    /** Free active cores, not held for a job that just finished on them. */
    private int[] free = new int[0];
    private int freeTop;
    private final ArrayDeque<CpuJob> ready = new ArrayDeque<>();
    private int running;
    private long last;
    private double busy;
    private long stalled;

    /** The host whose cores these are: deferred wakes go back through its wake-up latency. */
    HostCpu host;
    /** The thread whose cpuDone is running: threads it wakes are woken in its context. */
    private CpuJob doneRunning;
    /** Threads woken under a waker's lock whose wake is deferred (to the end of the waker's callback) or blocked. */
    private final java.util.ArrayList<CpuJob> deferred = new java.util.ArrayList<>();
    /**
     * What a waker still runs inside the lock after the wake when it has nothing else to do (the write's return and the
     * monitor exit of Selector.wakeup: about a microsecond), ns of one core.
     */
    static final double LOCK_TAIL_NANOS = 1_000;

    /** Linux's tick at HZ=250: the floor of the lag a sleeping thread keeps (entity_lag's limit). */
    static final long TICK = 4_000_000L;

    TimeSlicedCores(Simulator sim, String name, double capacity, long slice) {
        this(sim, name, capacity, slice, SchedulerPolicy.ROUND_ROBIN);
    }

    TimeSlicedCores(Simulator sim, String name, double capacity, long slice, SchedulerPolicy policy) {
        this(sim, name, capacity, slice, policy, 0);
    }

    /**
     * @param balanceNanos 0: one run queue for all cores (a freed core takes the pick of every waiting thread); > 0: a run
     *                     queue per core, as Linux keeps one per CPU. A woken thread that finds no idle core waits in the
     *                     queue of the core it last ran on (select_task_rq: no idle sibling, so prev_cpu); a core whose
     *                     thread yields or ends its slice picks from its own queue; a core left with nothing to run takes
     *                     from the other queues (newidle balance), so no core idles while a thread waits; and every
     *                     {@code balanceNanos} the longest queue gives half its excess over the shortest, longest waiting
     *                     first (the periodic balance of a busy CPU, at its sched-domain interval times busy_factor).
     */
    TimeSlicedCores(Simulator sim, String name, double capacity, long slice, SchedulerPolicy policy, long balanceNanos) {
        if (slice <= 0) {
            throw new IllegalArgumentException(name + ": time slice must be positive, got " + slice);
        }
        this.sim = sim;
        this.name = name;
        this.slice = slice;
        this.policy = policy;
        this.balanceNanos = balanceNanos;
        this.last = sim.now();
        resize(capacity);
        this.balanceEvent = balanceNanos > 0 ? new Balance() : null;
    }

    /** 0: one run queue; else the periodic load-balance interval of per-core queues. */
    private final long balanceNanos;
    private final Balance balanceEvent;

    /** Balancing is due at the next multiple of the interval while any thread waits (nothing to balance otherwise). */
    private void balanceDue() {
        if (balanceEvent != null && !balanceEvent.isScheduled()) {
            sim.scheduleAt(balanceEvent, (sim.now() / balanceNanos + 1) * balanceNanos);
        }
    }

    private final class Balance extends io.tailsim.core.event.Event {
        @Override
        public void fire(Simulator s) {
            balance();
            if (!ready.isEmpty()) {
                balanceDue();
            }
        }

        @Override
        public String label() {
            return name + "/load-balance";
        }
    }

    /** Periodic load balancing: the longest per-core queue gives half its excess over the shortest, longest waiting first. */
    private void balance() {
        if (active < 2 || ready.isEmpty()) {
            return;
        }
        int[] count = queueLengths();
        int hi = 0;
        int lo = 0;
        for (int i = 1; i < active; i++) {
            if (count[i] > count[hi]) {
                hi = i;
            }
            if (count[i] < count[lo]) {
                lo = i;
            }
        }
        int move = (count[hi] - count[lo]) / 2;
        long now = sim.now();
        for (CpuJob w : ready) {
            if (move <= 0) {
                break;
            }
            if (w.queueCore == hi) {
                migrate(w, lo, now);
                move--;
            }
        }
    }

    /** Threads waiting in each core's own queue. */
    private int[] queueLengths() {
        return Arrays.copyOf(queuedOn, active);
    }

    /** The core whose queue a woken thread joins when no core is idle: the one it last ran on, else the shortest. */
    private int wakeQueue(CpuJob job) {
        int k = job.lastCore;
        if (k >= 0 && k < active) {
            return k;
        }
        int[] count = queueLengths();
        int best = 0;
        for (int i = 1; i < active; i++) {
            if (count[i] < count[best]) {
                best = i;
            }
        }
        return best;
    }

    long slice() {
        return slice;
    }

    private boolean eevdf() {
        return policy == SchedulerPolicy.EEVDF;
    }

    /** Jobs on a core or waiting for one. */
    int runnable() {
        return running + ready.size();
    }

    /** Cores with a job on them. */
    int busyCores() {
        return running;
    }

    int waiting() {
        return ready.size();
    }

    int cores() {
        return active;
    }

    double speed() {
        return speed;
    }

    /** Work delivered (ns of one core) since the previous call. */
    double takeBusy() {
        advance();
        double b = busy;
        busy = 0;
        return b;
    }

    /** {@code job} leaves the ready queue: its wait there counts toward its run-queue wait. */
    private void leftQueue(CpuJob job) {
        job.queuedNanos += sim.now() - job.queuedSince;
    }

    /** Time with a runnable job waiting for a core (Linux's CPU pressure "some") since the previous call. */
    long takeStalled() {
        advance();
        long t = stalled;
        stalled = 0;
        return t;
    }

    private void advance() {
        long now = sim.now();
        if (now > last) {
            busy += running * speed * (now - last);
            if (!ready.isEmpty()) {
                stalled += now - last;
            }
            last = now;
        }
    }

    /** The job starts competing for the cores with {@code work} to do. */
    void join(CpuJob job, double work) {
        advance();
        long now = sim.now();
        job.rem = work;
        if (job.tracked) {
            job.total = work;
            job.segN = 0;
        }
        int k = job.lastCore;
        if (job.lastDoneAt == now && k >= 0 && k < active && cores[k].heldFor == job) {
            // the thread never slept: it keeps its core and the rest of its slice
            Core c = cores[k];
            c.heldFor = null;
            if (eevdf()) {
                keepOrYield(c, job);
                return;
            }
            if (now - c.sliceStart >= slice && !ready.isEmpty()) {
                // its slice is used up and others wait: to the tail, and the head takes the core
                job.queueCore = k;
                enqueue(job);
                release(c);
            } else {
                place(c, job, c.sliceStart);
            }
            return;
        }
        if (perCore()) {
            joinPerCore(job, now);
            return;
        }
        if (eevdf()) {
            placeWoken(job, now, -1);
        }
        if (freeTop > 0) {
            place(cores[free[--freeTop]], job, now);
        } else {
            enqueue(job);
            if (eevdf()) {
                wakeupPreempt(job, now);
            }
        }
    }

    private boolean perCore() {
        return balanceNanos > 0;
    }

    /**
     * A woken thread with a run queue per core (select_task_rq_fair, then try_to_wake_up): an idle core if there is one,
     * the one it last ran on first (select_idle_sibling); else the queue of the core it last ran on. A thread that went to
     * sleep behind its share and is still behind on that core never left its queue there (DELAY_DEQUEUE: ttwu_runnable
     * requeues it in place, without a placement); an idle core would pull it at once, so then it is placed there.
     */
    private void joinPerCore(CpuJob job, long now) {
        int k = job.lastCore;
        boolean hasPrev = k >= 0 && k < active;
        if (eevdf() && job.delayed) {
            job.delayed = false;
            if (freeTop == 0 && hasPrev && job.vruntime * nOn(k) > sumOn(k, now)) {
                job.queueCore = k;
                enqueue(job);
                wakeupPreempt(job, now);
                return;
            }
            // it became eligible while asleep (dequeued then, its positive lag dropped: DELAY_ZERO), or an idle core pulls it
            job.vlag = 0;
        }
        int core = freeTop == 0 ? -1 : hasPrev && takeFree(k) ? k : free[--freeTop];
        int target = core >= 0 ? core : wakeQueue(job);
        if (eevdf()) {
            placeWoken(job, now, target);
        }
        if (core >= 0) {
            place(cores[core], job, now);
        } else {
            job.queueCore = target;
            enqueue(job);
            if (eevdf()) {
                wakeupPreempt(job, now);
            }
        }
    }

    /** Takes core {@code k} off the free list if it is there. */
    private boolean takeFree(int k) {
        for (int i = 0; i < freeTop; i++) {
            if (free[i] == k) {
                free[i] = free[--freeTop];
                return true;
            }
        }
        return false;
    }

    /**
     * check_preempt_wakeup_fair: the woken thread takes the core it was queued for at once if the thread on it no longer
     * holds a protected slice and pick_eevdf would choose the woken one. A running thread is protected while it is eligible
     * (vruntime at or below the runnable average) and short of its deadline (RUN_TO_PARITY with equal slices: vprot is the
     * deadline), so only a thread that has run past its fair share gives way: the JIT compiler or a long handler job does,
     * a thread that just woke does not. With one run queue the core is the one whose thread is furthest past its share.
     */
    private void wakeupPreempt(CpuJob job, long now) {
        int q = perCore() ? job.queueCore : -1;
        long sum = sumOn(q, now);
        int n = nOn(q);
        Core target = pastShare(q, sum, n, now);
        // the running thread is ineligible, so it is not among pick_eevdf's candidates
        if (target == null || pickOn(target.index, null, sum, n) != job) {
            return;
        }
        preemptOff(target);
        takeFromQueue(target, job);
    }

    /**
     * The core whose running thread a woken thread may take at once: with per-core queues core {@code q}, if its thread is
     * past its share (vruntime above the average {@code sum / n}); with one queue the core whose thread is furthest past it.
     * Null for none.
     */
    private Core pastShare(int q, long sum, int n, long now) {
        if (perCore()) {
            Core c = cores[q];
            return c.job != null && (c.job.vruntime + (now - c.since)) * n > sum ? c : null;
        }
        Core target = null;
        long worst = Long.MIN_VALUE;
        for (int k = 0; k < active; k++) {
            Core c = cores[k];
            if (c.job != null) {
                long v = c.job.vruntime + (now - c.since);
                if ((v * (long) n > sum) && v > worst) {
                    worst = v;
                    target = c;
                }
            }
        }
        return target;
    }

    /** Takes {@code c}'s thread off with its work left (a nonvoluntary switch) and queues it on that core. */
    private void preemptOff(Core c) {
        CpuJob out = unplace(c);
        out.preemptions++;
        out.queueCore = c.index;
        enqueue(out);
    }

    // ---- wakes under the waker's lock ----

    /**
     * {@code job}, a thread that takes its waker's lock first on waking (see {@link CpuJob#setWakesUnderWakerLock}), is
     * woken with {@code work} by the thread whose cpuDone runs now. Its wake is held until that callback ends, so that the
     * waker is back on its core (with its next work, or the rest of the lock) when the wake is judged. False (wake it as any
     * other) when no thread's callback runs, under round robin (no wake-up preemption) or when the waker is a tracked job.
     */
    boolean deferWake(CpuJob job, double work) {
        CpuJob waker = doneRunning;
        if (waker == null || waker == job || waker.tracked || !eevdf()) {
            return false;
        }
        job.deferredBy = waker;
        job.deferredWork = work;
        job.heapIndex = HostCpu.WAKING;
        waker.deferredWakes++;
        deferred.add(job);
        return true;
    }

    /**
     * The wakes {@code waker} made under its lock, in order. A woken thread that would preempt the waker on the waker's core
     * (check_preempt_wakeup_fair) takes the core, finds the lock held by the thread it just preempted and sleeps again: the
     * waker waits in the queue with the lock, the core goes to the next pick, and the woken thread, with the waker's later
     * wakes, goes on when the waker next runs. Any other woken thread wakes as usual (the waker leaves the lock at once).
     */
    private void wakeDeferred(CpuJob waker, long now) {
        for (int i = 0; i < deferred.size(); ) {
            CpuJob w = deferred.get(i);
            if (w.deferredBy != waker || w.blockedOnWaker) {
                i++;
                continue;
            }
            if (waker.heapIndex >= 0 && wouldPreempt(w, cores[waker.heapIndex], now)) {
                Core c = cores[waker.heapIndex];
                preemptOff(c);
                release(c);
                w.blockedOnWaker = true;
                w.heapIndex = HostCpu.BLOCKED;
                // it woke, found the lock taken and slept again: one more voluntary switch
                w.wakeups++;
                waker.holdsWakeLock = true;
                if (waker.heapIndex >= 0) {
                    // the core's next pick was the waker itself: it leaves the lock now
                    scheduleLockRelease(waker);
                }
                return;
            }
            wakeAsUsual(i);
        }
    }

    /** The {@code i}-th deferred wake goes ahead as any other: the wake-up latency, then the cores. */
    private void wakeAsUsual(int i) {
        CpuJob w = deferred.remove(i);
        w.deferredBy.deferredWakes--;
        w.deferredBy = null;
        w.blockedOnWaker = false;
        host.wakeDeferred(w, w.deferredWork);
    }

    /**
     * Whether {@code job}, woken now, would take {@code c} from the thread on it at once: no core idle, {@code c} the core
     * whose queue it joins (the one it last ran on; with one queue, the core furthest past its share), the thread on
     * {@code c} past its share and {@code job} pick_eevdf's choice there. Judged without moving anything: the woken
     * thread's placement is undone.
     */
    private boolean wouldPreempt(CpuJob job, Core c, long now) {
        if (freeTop > 0 || c.job == null) {
            return false;
        }
        int q = perCore() ? wakeQueue(job) : -1;
        if (perCore() && q != c.index) {
            return false;
        }
        long vruntime = job.vruntime;
        long deadline = job.deadline;
        long vlag = job.vlag;
        boolean delayed = job.delayed;
        long avgBefore = lastAvgOf(perCore() ? q : 0);
        try {
            if (!(delayed && perCore() && job.vruntime * nOn(q) > sumOn(q, now))) {
                if (delayed && perCore()) {
                    job.delayed = false;
                    job.vlag = 0;
                }
                placeWoken(job, now, q);
            }
            long sum = sumOn(q, now) + job.vruntime;
            int n = nOn(q) + 1;
            return pastShare(q, sum, n, now) == c && pickOn(c.index, job, sum, n) == job;
        } finally {
            job.vruntime = vruntime;
            job.deadline = deadline;
            job.vlag = vlag;
            job.delayed = delayed;
            setLastAvg(perCore() ? q : 0, avgBefore);
        }
    }

    /** {@code holder} runs again: at once (an event at this instant, outside the scheduler's own step) it leaves the lock. */
    private void scheduleLockRelease(CpuJob holder) {
        holder.holdsWakeLock = false;
        if (holder.lockRelease == null) {
            holder.lockRelease = new LockRelease(holder);
        }
        if (!holder.lockRelease.isScheduled()) {
            sim.schedule(holder.lockRelease, 0);
        }
    }

    /** The holder leaves the lock: the thread blocked on it wakes (in the holder's context), then its later wakes go on. */
    private final class LockRelease extends Event {
        private final CpuJob holder;

        LockRelease(CpuJob holder) {
            this.holder = holder;
        }

        @Override
        public void fire(Simulator s) {
            // (two are blocked when the holder ran a zero-work job and woke again at the same instant)
            for (int i = 0; i < deferred.size(); ) {
                CpuJob w = deferred.get(i);
                if (w.deferredBy == holder && w.blockedOnWaker) {
                    wakeAsUsual(i);
                } else {
                    i++;
                }
            }
            if (holder.deferredWakes > 0) {
                wakeDeferred(holder, s.now());
            }
        }

        @Override
        public String label() {
            return name + "/lock-release";
        }
    }

    /** New work for {@code job} while it runs the rest of a lock: it follows on the same core (or in its place in the queue). */
    void extendTail(CpuJob job, double work) {
        job.tailOnly = false;
        if (job.heapIndex >= 0) {
            Core c = cores[job.heapIndex];
            charge(c, sim.now());
            job.rem += work;
            c.reschedule();
            HostCpu.markStarted(job, sim.now());
        } else if (job.heapIndex == HostCpu.PAUSED) {
            job.pausedWork += work;
        } else {
            job.rem += work;
        }
    }

    // ---- EEVDF ----

    /** Sum of the runnable threads' vruntimes at now (waiting, and on cores up to now). */
    private long vruntimeSum(long now) {
        long sum = waitSum;
        for (int k = 0; k < active; k++) {
            Core c = cores[k];
            if (c.job != null) {
                sum += c.job.vruntime + (now - c.since);
            }
        }
        return sum;
    }

    /** Sum of the vruntimes of the threads runnable on {@code core} (on it and in its queue); every runnable one with one queue. */
    private long sumOn(int core, long now) {
        if (!perCore()) {
            return vruntimeSum(now);
        }
        long sum = waitSumOn[core];
        Core c = cores[core];
        if (c.job != null) {
            sum += c.job.vruntime + (now - c.since);
        }
        return sum;
    }

    /** Threads runnable on {@code core} (on it and in its queue); every runnable one with one queue. */
    private int nOn(int core) {
        return perCore() ? queuedOn[core] + (cores[core].job != null ? 1 : 0) : runnable();
    }

    private long lastAvgOf(int core) {
        return perCore() ? lastAvgOn[core] : lastAvg;
    }

    private void setLastAvg(int core, long avg) {
        if (perCore()) {
            lastAvgOn[core] = avg;
        } else {
            lastAvg = avg;
        }
    }

    /**
     * place_entity on wake-up onto {@code core} (any, with one queue): vruntime = average - lag, the lag it slept with scaled
     * by (n + 1) / n as Linux does so that adding it does not move the average, and dropped where nothing is runnable
     * (PLACE_LAG needs a queued entity); deadline one slice later. A thread that slept behind its share (delayed) and is still
     * not eligible comes back where it left.
     */
    private void placeWoken(CpuJob job, long now, int core) {
        int n = nOn(core);
        long sum = sumOn(core, now);
        long avg = n == 0 ? lastAvgOf(core) : Math.floorDiv(sum, n);
        if (n > 0) {
            setLastAvg(core, avg);
        }
        if (job.delayed) {
            job.delayed = false;
            if (job.vruntime > avg) {
                return;
            }
            job.vlag = 0;
        }
        long lag = n == 0 ? 0 : job.vlag * (n + 1) / n;
        job.vruntime = avg - lag;
        job.deadline = job.vruntime + slice;
    }

    /**
     * Moves waiting thread {@code j} to core {@code to}'s queue (load balancing): it leaves with its lag on its old core
     * (update_entity_lag) and is placed by it on the new one, its deadline as far ahead of its vruntime as before.
     */
    private void migrate(CpuJob j, int to, long now) {
        if (!eevdf()) {
            removeWait(j);
            j.queueCore = to;
            addWait(j);
            return;
        }
        int from = j.queueCore;
        long limit = Math.max(2 * slice, TICK);
        long lag = Math.max(-limit, Math.min(limit, Math.floorDiv(sumOn(from, now), nOn(from)) - j.vruntime));
        long rel = j.deadline - j.vruntime;
        removeWait(j);
        j.queueCore = to;
        int n = nOn(to);
        long avg = n == 0 ? lastAvgOn[to] : Math.floorDiv(sumOn(to, now), n);
        j.vruntime = avg - (n == 0 ? 0 : lag * (n + 1) / n);
        j.deadline = j.vruntime + rel;
        addWait(j);
    }

    /** The lag a thread leaving the runnable set of {@code core} keeps (update_entity_lag), {@code sum} and {@code n} counting it. */
    private void keepLag(CpuJob job, int core, long sum, int n) {
        long avg = Math.floorDiv(sum, n);
        setLastAvg(core, avg);
        long limit = Math.max(2 * slice, TICK);
        long lag = avg - job.vruntime;
        job.vlag = Math.max(-limit, Math.min(limit, lag));
        job.delayed = lag < 0;
    }

    /**
     * pick_eevdf over the waiting threads and {@code extra} (the thread on the core being given away, or one about to take
     * it; null for none): the eligible one (vruntime at or below the runnable average) with the earliest deadline, ties to
     * the longest waiting, {@code extra} only if strictly earlier (entity_before); when none is eligible, the lowest
     * vruntime. {@code sum} and {@code n} count every runnable thread, {@code extra} too.
     */
    private CpuJob pick(CpuJob extra, long sum, int n) {
        return pick(-1, extra, sum, n);
    }

    /** {@link #pick(CpuJob, long, int)} for core {@code core}: with per-core queues, among the threads in its queue (and {@code extra}). */
    private CpuJob pickOn(int core, CpuJob extra, long sum, int n) {
        return pick(perCore() ? core : -1, extra, sum, n);
    }

    private CpuJob pick(int core, CpuJob extra, long sum, int n) {
        CpuJob best = null;
        CpuJob lowest = null;
        for (CpuJob j : ready) {
            if (core >= 0 && j.queueCore >= 0 && j.queueCore != core) {
                continue;
            }
            if (j.vruntime * n <= sum && (best == null || j.deadline < best.deadline)) {
                best = j;
            }
            if (lowest == null || j.vruntime < lowest.vruntime) {
                lowest = j;
            }
        }
        if (extra != null) {
            if (extra.vruntime * n <= sum && (best == null || extra.deadline < best.deadline)) {
                best = extra;
            }
            if (lowest == null || extra.vruntime < lowest.vruntime) {
                lowest = extra;
            }
        }
        return best != null ? best : lowest;
    }

    /** A thread handed work the instant it finished: it keeps its core until its slice (deadline) is used up. */
    private void keepOrYield(Core c, CpuJob job) {
        job.delayed = false;
        if (job.vruntime >= job.deadline) {
            job.deadline = job.vruntime + slice;
            if (!ready.isEmpty()) {
                long now = sim.now();
                CpuJob best = pickOn(c.index, job, sumOn(c.index, now) + job.vruntime, nOn(c.index) + 1);
                if (best != job) {
                    job.queueCore = c.index;
                    job.preemptions++;
                    enqueue(job);
                    takeFromQueue(c, best);
                    return;
                }
            }
        }
        place(c, job, sim.now());
    }

    private void takeFromQueue(Core c, CpuJob job) {
        advance();
        ready.remove(job);
        leftQueue(job);
        removeWait(job);
        place(c, job, sim.now());
    }

    /** A thread joins the waiting sums (its core's too, with per-core queues). */
    private void addWait(CpuJob job) {
        waitSum += job.vruntime;
        if (perCore()) {
            waitSumOn[job.queueCore] += job.vruntime;
            queuedOn[job.queueCore]++;
        }
    }

    private void removeWait(CpuJob job) {
        waitSum -= job.vruntime;
        if (perCore()) {
            waitSumOn[job.queueCore] -= job.vruntime;
            queuedOn[job.queueCore]--;
        }
    }

    private void enqueue(CpuJob job) {
        advance();
        job.heapIndex = HostCpu.QUEUED;
        job.queuedSince = sim.now();
        ready.addLast(job);
        balanceDue();
        addWait(job);
        if (job.tracked) {
            segment(job, sim.now(), job.total - job.rem, 0);
        }
    }

    private void place(Core c, CpuJob job, long sliceStart) {
        long now = sim.now();
        c.job = job;
        c.since = now;
        c.sliceStart = sliceStart;
        job.heapIndex = c.index;
        running++;
        if (job.tracked) {
            segment(job, now, job.total - job.rem, speed);
        }
        c.reschedule();
        HostCpu.markStarted(job, now);
        if (job.holdsWakeLock) {
            scheduleLockRelease(job);
        }
    }

    /** Core {@code c} has no job: the head of the queue takes it with a fresh slice, or it goes free. */
    private void release(Core c) {
        if (c.index >= active) {
            return;
        }
        if (eevdf() && !ready.isEmpty()) {
            long now = sim.now();
            if (perCore() && queuedOn[c.index] == 0) {
                steal(c.index, now);
            }
            takeFromQueue(c, pickOn(c.index, null, sumOn(c.index, now), nOn(c.index)));
            return;
        }
        advance();
        CpuJob next = ready.pollFirst();
        if (next != null) {
            leftQueue(next);
            removeWait(next);
            place(c, next, sim.now());
        } else {
            free[freeTop++] = c.index;
        }
    }

    /**
     * Newidle balance: core {@code to}, left with nothing to run, pulls the thread that has waited longest in the longest
     * other queue (detach_tasks takes from the tail of the busiest CPU's task list, the one that ran longest ago).
     */
    private void steal(int to, long now) {
        int from = -1;
        for (int k = 0; k < active; k++) {
            if (k != to && queuedOn[k] > 0 && (from < 0 || queuedOn[k] > queuedOn[from])) {
                from = k;
            }
        }
        for (CpuJob w : ready) {
            if (w.queueCore == from) {
                migrate(w, to, now);
                return;
            }
        }
    }

    /** Takes {@code c}'s job off the core, its remaining work brought up to now; returns it. */
    private CpuJob unplace(Core c) {
        CpuJob j = c.job;
        long now = sim.now();
        charge(c, now);
        c.job = null;
        running--;
        if (j.tracked) {
            segment(j, now, j.total - j.rem, 0);
        }
        if (c.isScheduled()) {
            sim.cancel(c);
        }
        return j;
    }

    /** Brings {@code c}'s job's remaining work and vruntime up to now. */
    private void charge(Core c, long now) {
        long dt = now - c.since;
        c.job.rem -= speed * dt;
        c.job.vruntime += dt;
        c.since = now;
    }

    /** Takes every job of {@code group} off the cores and the queue into {@code out}, each with its work left. */
    void takeOff(int group, List<CpuJob> out) {
        advance();
        if (eevdf()) {
            // they leave the runnable set as sleepers do, keeping their lag for when they come back
            long now = sim.now();
            for (int k = 0; k < active; k++) {
                if (cores[k].job != null) {
                    charge(cores[k], now);
                }
            }
            for (int k = 0; k < active; k++) {
                Core c = cores[k];
                if (c.job != null && c.job.group == group) {
                    keepLag(c.job, k, sumOn(k, now), nOn(k));
                }
            }
            for (CpuJob j : ready) {
                if (j.group == group) {
                    int q = perCore() ? j.queueCore : -1;
                    keepLag(j, q, sumOn(q, now), nOn(q));
                }
            }
        }
        for (int k = 0; k < active; k++) {
            Core c = cores[k];
            if (c.job != null && c.job.group == group) {
                requirePausable(c.job);
                park(unplace(c), out);
            }
        }
        for (Iterator<CpuJob> it = ready.iterator(); it.hasNext(); ) {
            CpuJob j = it.next();
            if (j.group == group) {
                requirePausable(j);
                it.remove();
                leftQueue(j);
                removeWait(j);
                park(j, out);
            }
        }
        for (int k = 0; k < active; k++) {
            Core c = cores[k];
            if (c.job == null && c.heldFor == null && !isFree(k)) {
                release(c);
            }
        }
    }

    private void requirePausable(CpuJob j) {
        if (j.tracked) {
            throw new IllegalStateException(name + ": tracked job " + j + " cannot be paused");
        }
    }

    private static void park(CpuJob j, List<CpuJob> out) {
        j.pausedWork = Math.max(0, j.rem);
        j.heapIndex = HostCpu.PAUSED;
        out.add(j);
    }

    private boolean isFree(int k) {
        for (int i = 0; i < freeTop; i++) {
            if (free[i] == k) {
                return true;
            }
        }
        return false;
    }

    /** New capacity: ceil(capacity) cores at capacity / ceil(capacity) each. */
    void setCapacity(double capacity) {
        advance();
        long now = sim.now();
        for (int k = 0; k < active; k++) {
            Core c = cores[k];
            if (c.job != null) {
                charge(c, now);
            }
        }
        int oldActive = active;
        resize(capacity);
        // jobs on cores that went away wait at the head of the queue, in core order
        for (int k = oldActive - 1; k >= active; k--) {
            Core c = cores[k];
            if (c.job != null) {
                CpuJob j = unplace(c);
                j.heapIndex = HostCpu.QUEUED;
                j.queuedSince = now;
                j.queueCore = perCore() ? k % active : -1;
                ready.addFirst(j);
                addWait(j);
            }
        }
        freeTop = 0;
        for (int k = 0; k < active; k++) {
            Core c = cores[k];
            if (c.job != null) {
                if (c.job.tracked) {
                    segment(c.job, now, c.job.total - c.job.rem, speed);
                }
                c.reschedule();
            } else if (c.heldFor == null) {
                release(c);
            }
        }
    }

    private void resize(double capacity) {
        int n = (int) Math.ceil(capacity - 1e-9);
        n = Math.max(1, n);
        if (n > cores.length) {
            int old = cores.length;
            cores = Arrays.copyOf(cores, n);
            for (int k = old; k < n; k++) {
                cores[k] = new Core(k);
            }
            free = Arrays.copyOf(free, n);
            waitSumOn = Arrays.copyOf(waitSumOn, n);
            queuedOn = Arrays.copyOf(queuedOn, n);
            lastAvgOn = Arrays.copyOf(lastAvgOn, n);
        }
        if (active == 0) {
            // first sizing: every core is free (the highest index on top, so core 0 is taken first)
            for (int k = n - 1; k >= 0; k--) {
                free[freeTop++] = k;
            }
        }
        active = n;
        speed = capacity / n;
    }

    /**
     * Changes a tracked job's total work; returns the change. The job is on a core or waiting for one, and the new
     * total is not below the work it has received (its finish may be now).
     */
    double setWork(CpuJob job, double totalWork) {
        advance();
        double delta = totalWork - job.total;
        if (job.heapIndex >= 0) {
            Core c = cores[job.heapIndex];
            charge(c, sim.now());
            job.rem += delta;
            job.total = totalWork;
            c.reschedule();
        } else {
            // waiting: a queued job is never left with no work (it would have finished on its core), so it keeps its place
            job.rem += delta;
            job.total = totalWork;
        }
        return delta;
    }

    /** When tracked {@code job} had received {@code work} (see {@link HostCpu#attainedAt}). */
    long attainedAt(CpuJob job, double work) {
        long now = sim.now();
        double attained;
        if (job.heapIndex >= 0) {
            Core c = cores[job.heapIndex];
            attained = job.total - (job.rem - speed * (now - c.since));
        } else if (job.heapIndex == HostCpu.QUEUED) {
            attained = job.total - job.rem;
        } else {
            attained = job.total;       // done at this instant (its cpuDone may ask)
        }
        if (work > attained + TOLERANCE) {
            return Long.MAX_VALUE;
        }
        if (job.segN == 0 || work <= job.segA[0]) {
            return job.segN == 0 ? now : job.segT[0];
        }
        // the crossing is in the last segment that starts with less than `work` attained
        int lo = 0;
        int hi = job.segN - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (job.segA[mid] < work) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long end = lo + 1 < job.segN ? job.segT[lo + 1] : now;
        if (job.segRate[lo] == 0) {
            return end;     // within the tolerance of a segment with no progress: its end
        }
        long t = job.segT[lo] + (long) Math.ceil((work - job.segA[lo]) / job.segRate[lo]);
        return Math.min(t, end);
    }

    private static void segment(CpuJob j, long t, double attained, double rate) {
        if (j.segT == null) {
            j.segT = new long[8];
            j.segA = new double[8];
            j.segRate = new double[8];
        } else if (j.segN > 0 && j.segT[j.segN - 1] == t) {
            // a later change at the same instant replaces the segment that lasted no time
            j.segN--;
        }
        if (j.segN == j.segT.length) {
            j.segT = Arrays.copyOf(j.segT, j.segN * 2);
            j.segA = Arrays.copyOf(j.segA, j.segN * 2);
            j.segRate = Arrays.copyOf(j.segRate, j.segN * 2);
        }
        j.segT[j.segN] = t;
        j.segA[j.segN] = j.segN > 0 ? Math.max(attained, j.segA[j.segN - 1]) : attained;
        j.segRate[j.segN] = rate;
        j.segN++;
    }

    /** Checks the scheduler's bookkeeping (tests call it after every event). */
    void checkInvariants() {
        int onCores = 0;
        for (int k = 0; k < cores.length; k++) {
            Core c = cores[k];
            if (c.job != null) {
                if (k >= active) {
                    throw new AssertionError(name + ": a job on retired core " + k);
                }
                onCores++;
                if (c.job.heapIndex != k) {
                    throw new AssertionError(name + ": core " + k + "'s job has index " + c.job.heapIndex);
                }
                if (c.job.rem - speed * (sim.now() - c.since) < -TOLERANCE - 1) {
                    throw new AssertionError(name + ": core " + k + "'s job ran past its work");
                }
                if (!c.isScheduled()) {
                    throw new AssertionError(name + ": core " + k + " has a job and no event");
                }
            }
            if (c.heldFor != null) {
                throw new AssertionError(name + ": core " + k + " still held after its completion");
            }
        }
        if (onCores != running) {
            throw new AssertionError(name + ": " + onCores + " jobs on cores, counted " + running);
        }
        for (int i = 0; i < freeTop; i++) {
            if (cores[free[i]].job != null || free[i] >= active) {
                throw new AssertionError(name + ": core " + free[i] + " listed free");
            }
        }
        if (running + freeTop != active) {
            throw new AssertionError(name + ": " + running + " busy and " + freeTop + " free of " + active + " cores");
        }
        if (!ready.isEmpty() && freeTop > 0) {
            throw new AssertionError(name + ": a job waits while a core is free");
        }
        for (CpuJob w : deferred) {
            if (w.deferredBy == null || (w.heapIndex != (w.blockedOnWaker ? HostCpu.BLOCKED : HostCpu.WAKING))) {
                throw new AssertionError(name + ": a deferred wake in state " + w.heapIndex);
            }
            boolean convoy = false;
            int count = 0;
            for (CpuJob o : deferred) {
                if (o.deferredBy == w.deferredBy) {
                    count++;
                    convoy |= o.blockedOnWaker;
                }
            }
            if (!convoy || count != w.deferredBy.deferredWakes) {
                throw new AssertionError(name + ": " + count + " wakes deferred by a waker that counts " + w.deferredBy.deferredWakes
                        + (convoy ? "" : ", none blocked on it"));
            }
        }
        long sum = 0;
        for (CpuJob j : ready) {
            if (j.heapIndex != HostCpu.QUEUED) {
                throw new AssertionError(name + ": a queued job has index " + j.heapIndex);
            }
            sum += j.vruntime;
        }
        if (sum != waitSum) {
            throw new AssertionError(name + ": waiting vruntimes sum to " + sum + ", kept " + waitSum);
        }
        if (perCore()) {
            for (int k = 0; k < cores.length; k++) {
                long s = 0;
                int q = 0;
                for (CpuJob j : ready) {
                    if (j.queueCore == k) {
                        s += j.vruntime;
                        q++;
                    }
                }
                if (s != waitSumOn[k] || q != queuedOn[k]) {
                    throw new AssertionError(name + ": core " + k + "'s queue holds " + q + " threads summing to " + s + ", kept "
                            + queuedOn[k] + " and " + waitSumOn[k]);
                }
            }
        }
    }

    /** One core: its job, and one reusable event at the earlier of that job's finish and its slice's end. */
    private final class Core extends Event {
        final int index;
        CpuJob job;
        /** The job that just finished here, while its cpuDone runs: it keeps the core if it resubmits. */
        CpuJob heldFor;
        long since;
        long sliceStart;

        Core(int index) {
            this.index = index;
        }

        void reschedule() {
            long now = sim.now();
            double left = job.rem - speed * (now - since);
            long finish = left <= TOLERANCE ? now : now + (long) Math.ceil(left / speed);
            long sliceEnd = eevdf() ? now + Math.max(0, job.deadline - (job.vruntime + (now - since))) : sliceStart + slice;
            long at = Math.min(finish, Math.max(now, sliceEnd));
            if (isScheduled()) {
                if (time() == at) {
                    return;
                }
                sim.cancel(this);
            }
            sim.scheduleAt(this, at);
        }

        @Override
        public void fire(Simulator s) {
            advance();
            long now = s.now();
            CpuJob j = job;
            charge(this, now);
            if (j.rem <= TOLERANCE) {
                if (eevdf()) {
                    // it goes to sleep unless its cpuDone hands it more work at once (then the lag is not used)
                    keepLag(j, index, sumOn(index, now), nOn(index));
                }
                job = null;
                running--;
                j.heapIndex = -1;
                j.tracked = false;
                j.lastCore = index;
                j.lastDoneAt = now;
                if (j.tailOnly) {
                    // the rest of a lock it woke a thread under: done, and it sleeps (its work's cpuDone ran before)
                    j.tailOnly = false;
                    release(this);
                    return;
                }
                heldFor = j;
                doneRunning = j;
                j.cpuDone(now);
                doneRunning = null;
                if (j.deferredWakes > 0) {
                    if (heldFor == j) {
                        // about to sleep, it still runs the end of the lock it woke them under
                        j.tailOnly = true;
                        join(j, LOCK_TAIL_NANOS);
                    }
                    wakeDeferred(j, now);
                }
                if (heldFor == j) {
                    heldFor = null;
                    release(this);
                }
                return;
            }
            if (eevdf()) {
                if (j.vruntime >= j.deadline) {
                    // update_deadline: a new slice, and the next thread is picked among all runnable, this one too
                    j.deadline = j.vruntime + slice;
                    if (!ready.isEmpty()) {
                        CpuJob best = pickOn(index, j, sumOn(index, now), nOn(index));
                        if (best != j) {
                            preemptOff(this);
                            takeFromQueue(this, best);
                            return;
                        }
                    }
                }
                reschedule();
                return;
            }
            if (now - sliceStart >= slice) {
                if (!ready.isEmpty()) {
                    // preempted: to the tail with its remaining work; the head takes the core with a fresh slice
                    preemptOff(this);
                    release(this);
                    return;
                }
                sliceStart += (now - sliceStart) / slice * slice;
            }
            reschedule();
        }

        @Override
        public String label() {
            return name + "/core" + index;
        }
    }
}
