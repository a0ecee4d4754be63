package io.tailsim.models.cpu;

/**
 * A piece of work on a {@link HostCpu}. A thread runs one job at a time, so the thread object
 * itself usually extends this class: nothing is allocated per job on the hot path.
 */
public abstract class CpuJob {
    /** How far back a thread's wake-ups count towards its recent wake-up rate: many bursts' worth, not one burst's few. */
    public static final long RATE_MEMORY_NANOS = 1_000_000_000L;

    /** Virtual time at which the job's work is done (see {@link HostCpu}). */
    double finishV;
    /** Work left when the owner is paused (GC), in ns of one core. */
    double pausedWork;
    int heapIndex = -1;
    /** When the job's last work was done: a submit later than this wakes a sleeping thread. */
    long lastDoneAt = Long.MIN_VALUE;
    /** Work waiting for the scheduler to run the woken thread (see {@link HostCpu#setWakeupLatency}). */
    double wakeWork;
    /** The reusable event that ends a wake-up wait; made on first use. */
    io.tailsim.core.event.Event wake;
    /** Virtual time at which a tracked job joined the cores (its attained work is V - startV). */
    double startV;
    /** Tracked jobs ({@link HostCpu#submitTracked}) can ask when their attained work crossed a value. */
    boolean tracked;
    // ---- time-sliced mode (HostCpu.setTimeSlice) ----
    /** Work left at the job's core's {@code since} (running) or now (queued, paused), ns of one core. */
    double rem;
    /** Total work of a tracked job (its attained work is rem's complement). */
    double total;
    /** The core the job last finished on: it keeps it if handed new work at that instant. */
    int lastCore = -1;
    /** A tracked job's service history: from segT[i] its attained work grew from segA[i] at segRate[i]. */
    long[] segT;
    double[] segA;
    double[] segRate;
    int segN;
    // ---- EEVDF (TimeSlicedCores with Policy.EEVDF) ----
    /** Virtual runtime: ns this thread has held a core (nice 0 everywhere, so no weights), set when placed on wake-up. */
    long vruntime;
    /** Virtual deadline: the vruntime at which its current slice ends. */
    long deadline;
    /** Lag kept over a sleep (avg_vruntime - vruntime when it went to sleep, clamped), used to place it on wake-up. */
    long vlag;
    /** Went to sleep behind its fair share (negative lag): Linux keeps it queued until eligible (DELAY_DEQUEUE). */
    boolean delayed;

    /** CPU the thread spends each time it wakes from sleep, added to the work it was woken for (ns of one core). */
    double wakeupCostNanos;
    /** Extra CPU of a wake-up of a thread that wakes rarely, ns of one core (see {@link #setWakeupCost(double, double, double)}). */
    double coldWakeupNanos;
    /** The wake-up rate (per ns) at which a wake-up pays half of {@link #coldWakeupNanos}. */
    double coldHalfRatePerNano;
    /** The thread's recent wake-up rate (per ns): wake-ups counted with weight e^(-age / RATE_MEMORY_NANOS) / RATE_MEMORY_NANOS. */
    double wakeupRate;
    /** When {@link #wakeupRate} was last brought up to date. */
    long wakeupRateAt;

    /** Order in which the job joined its host's cores (processor sharing): ties between completions follow it. */
    long joinSeq;
    /** CPU the thread was handed since it was made, wake-up costs included, ns of one core (its schedstat run time, once done). */
    double workNanos;
    /** Times the thread was handed work while asleep (its previous work finished before that instant). */
    long wakeups;
    /** Times the thread was taken off a core with work left (Linux's nonvoluntary context switches): slice ends, wake-up preemption. */
    long preemptions;
    /** Time spent runnable and waiting for a core on a time-sliced host (Linux's schedstat run-queue wait), and since when. */
    long queuedNanos;
    long queuedSince;
    /** With per-core run queues: the core whose queue the thread waits in (-1: none yet). */
    int queueCore = -1;

    /**
     * The thread sleeps in timed waits (an application thread parked until its next send time): its wake-ups also pay the
     * host's timer slack ({@link HostCpu#setTimerSlack}).
     */
    boolean wakesOnTimer;

    // ---- wake-ups under the waker's lock (TimeSlicedCores, EEVDF) ----
    /**
     * The thread's wake-up needs a lock its waker holds while waking it: a network thread woken by Selector.wakeup, which
     * writes to the selector's eventfd inside synchronized(interruptLock), and whose first act on waking is clearInterrupt
     * under the same lock.
     */
    boolean wakesUnderWakerLock;
    /** The thread that woke this one under its lock, while the wake waits for that thread's callback to end or its lock. */
    CpuJob deferredBy;
    /** Wakes this thread made under its lock still deferred or blocked. */
    int deferredWakes;
    /** The work this thread was woken for, while its wake is deferred or blocked. */
    double deferredWork;
    /** Woke, found its waker's lock held (the waker preempted inside it) and sleeps until the waker runs again. */
    boolean blockedOnWaker;
    /** Preempted inside the lock it woke a thread under: the blocked thread goes on when this one next runs. */
    boolean holdsWakeLock;
    /** Runs only the rest of the lock it woke a thread under (no cpuDone at its end); new work extends it. */
    boolean tailOnly;
    /** The reusable event that releases the lock when the holder runs again; made on first use. */
    io.tailsim.core.event.Event lockRelease;

    /** Which pausable group (a broker on a shared host) the job belongs to. */
    final int group;

    protected CpuJob(int group) {
        this.group = group;
    }

    /** Marks the thread as one that sleeps in timed waits: see {@link #wakesOnTimer}. */
    public final void setWakesOnTimer(boolean b) {
        this.wakesOnTimer = b;
    }

    /** True while the job is on a CPU (running, runnable, waiting for a core, waking or paused). */
    public final boolean onCpu() {
        return heapIndex >= 0 || heapIndex == HostCpu.PAUSED || heapIndex == HostCpu.WAKING || heapIndex == HostCpu.QUEUED
                || heapIndex == HostCpu.BLOCKED;
    }

    /**
     * Marks this thread as woken under its waker's lock (a network thread: Selector.wakeup holds interruptLock while it
     * wakes the selector, and the woken selector takes that lock first). On an EEVDF host a thread woken so that would
     * preempt its waker on the waker's core instead finds the lock held and sleeps until the waker runs again.
     */
    public final void setWakesUnderWakerLock(boolean b) {
        this.wakesUnderWakerLock = b;
    }

    /**
     * Makes every wake-up of this thread cost {@code nanos} of CPU on top of the work it is woken for: a thread that
     * finds more work queued when it finishes never slept and pays nothing, so the cost per request falls as load
     * batches requests (a network thread's selector returning several ready keys at once).
     */
    public final void setWakeupCost(double nanos) {
        setWakeupCost(nanos, 0, 1);
    }

    /**
     * Makes a wake-up cost {@code warmNanos + coldNanos * h / (h + r)}, where r is the thread's recent wake-up rate (its
     * wake-ups over about the last second, exponentially weighted) and h is {@code halfRatePerSecond}: a thread woken
     * rarely finds its code and data evicted from the caches by whatever ran on its core in between and pays up to the
     * sum, a thread woken often finds them in place and pays {@code warmNanos}. The rate, not the sleep just before,
     * decides: threads that wake in quick succession inside a burst and then sleep till the next one pay, per wake-up,
     * what steady threads at the same mean rate pay (the calibration runs, docs/model.md). A thread's first wake-up
     * pays the whole cold cost.
     */
    public final void setWakeupCost(double warmNanos, double coldNanos, double halfRatePerSecond) {
        if (!(warmNanos >= 0) || Double.isInfinite(warmNanos)) {
            throw new IllegalArgumentException("wake-up cost must be a non-negative number of ns, got " + warmNanos);
        }
        if (!(coldNanos >= 0) || Double.isInfinite(coldNanos)) {
            throw new IllegalArgumentException("cold wake-up cost must be a non-negative number of ns, got " + coldNanos);
        }
        if (coldNanos > 0 && !(halfRatePerSecond > 0 && halfRatePerSecond < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a cold wake-up cost needs a positive half rate, got " + halfRatePerSecond + "/s");
        }
        this.wakeupCostNanos = warmNanos;
        this.coldWakeupNanos = coldNanos;
        this.coldHalfRatePerNano = halfRatePerSecond / 1e9;
    }

    /**
     * The CPU of a wake-up at {@code now}, which also counts towards the thread's recent rate. The rate is read before this
     * wake-up adds to it, so that a steady thread sees its own long-run rate (StrictMath: the same bits everywhere).
     */
    final double wakeupWork(long now) {
        if (coldWakeupNanos == 0) {
            return wakeupCostNanos;
        }
        double rate = wakeupRate * StrictMath.exp(-(double) (now - wakeupRateAt) / RATE_MEMORY_NANOS);
        wakeupRate = rate + 1.0 / RATE_MEMORY_NANOS;
        wakeupRateAt = now;
        return wakeupCostNanos + coldWakeupNanos * coldHalfRatePerNano / (coldHalfRatePerNano + rate);
    }

    /**
     * Time this thread has spent runnable and waiting for a core, since it was made, up to {@code now}: the second field of
     * Linux's /proc/PID/task/TID/schedstat. Counted where the host time-slices; under processor sharing no thread waits
     * for a core (each runs slower instead), and this stays 0.
     */
    public final long runQueueWaitNanos(long now) {
        return queuedNanos + (heapIndex == HostCpu.QUEUED ? now - queuedSince : 0);
    }

    /** Times this thread was handed work while asleep, since it was made. */
    public final long wakeups() {
        return wakeups;
    }

    /** CPU this thread was handed since it was made, wake-up costs included, in ns of one core. */
    public final double workNanos() {
        return workNanos;
    }

    /** Times this thread was preempted (taken off a core with work left) on a time-sliced host, since it was made. */
    public final long preemptions() {
        return preemptions;
    }

    /** Submitted and not yet run: {@link #started} is due when it first gets a core. */
    boolean startPending;

    /**
     * The thread runs its newly submitted work for the first time at {@code now}: after any wake-up latency and, when the
     * host time-slices, once it gets a core (processor sharing runs every job from the moment it joins). Kafka stamps a
     * request's dequeue time there, on the running thread. Must not touch the CPU.
     */
    protected void started(long now) {
    }

    /** Called when the job's work is done, at simulated time {@code now}. */
    protected abstract void cpuDone(long now);
}
