package io.tailsim.models.cpu;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.dist.Distribution;
import io.tailsim.core.rng.RandomStream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A host's cores as an egalitarian processor-sharing server: with n runnable jobs on c cores, each
 * job progresses at min(1, c/n) ns of work per ns. This is how the OS scheduler shares vCPUs among
 * a broker's network, request handler and replica fetcher threads (and every broker and client
 * placed on the host) at the time scales that matter here (ms), where time slices (~µs to ms) are
 * short next to the jobs' sojourn.
 *
 * <p>Implementation: all runnable jobs progress at the same rate, so one virtual clock V (work
 * done by any job since the start) advances at that rate; a job submitted at V0 with work w
 * finishes when V reaches V0 + w. Jobs sit in a binary min-heap on that finish value and a single
 * reusable event fires at the earliest finish: O(log n) per job, no per-job events.
 *
 * <p>Groups (one per broker) can be paused (stop-the-world GC): their jobs leave the heap keeping
 * their remaining work and rejoin on resume.
 *
 * <p>Processor sharing is the limit of a time-sliced scheduler whose slices are short next to the jobs. Where the jobs
 * are shorter than the OS's slice (µs of send() or request handling next to Linux's 1.5 ms), {@link #setTimeSlice}
 * selects round robin with that quantum instead, or Linux's EEVDF pick ({@link TimeSlicedCores}, {@link SchedulerPolicy});
 * the default stays processor sharing.
 */
public final class HostCpu {
    static final int PAUSED = -2;
    static final int WAKING = -3;
    static final int QUEUED = -4;
    /** Woken under its waker's lock and waiting for the waker's callback to end, or for the waker to run again. */
    static final int BLOCKED = -5;

    private final Simulator sim;
    private final String name;
    private double capacity;
    private CpuJob[] heap = new CpuJob[16];
    private int size;
    private double v;
    private long last;
    private final Completion completion = new Completion();
    private final List<CpuJob> paused = new ArrayList<>();
    private boolean[] groupPaused = new boolean[1];
    private final ArrayList<CpuJob> done = new ArrayList<>();
    private Distribution wakeupLatency;
    private long timerSlackNanos;
    private RandomStream wakeupRng;
    /** Round robin with a time slice instead of processor sharing (null: processor sharing). */
    private TimeSlicedCores sliced;
    private boolean used;

    // statistics: integral of busy cores, work offered (ns of one core) since the window start
    private double busyCoreNanos;
    private double offeredWork;
    private double windowOfferedWork;
    private long statsStart;

    public HostCpu(Simulator sim, String name, double capacity) {
        if (!(capacity > 0)) {
            throw new IllegalArgumentException(name + ": CPU capacity must be positive, got " + capacity);
        }
        this.sim = sim;
        this.name = name;
        this.capacity = capacity;
        this.last = sim.now();
        this.statsStart = sim.now();
    }

    public String name() {
        return name;
    }

    /** Cores available to jobs (vCPUs less any fixed background load). */
    public double capacity() {
        return capacity;
    }

    /** Changes the capacity from now on (background load moving with the number of connections). */
    public void setCapacity(double capacity) {
        if (!(capacity > 0)) {
            throw new IllegalArgumentException(name + ": CPU capacity must stay positive, got " + capacity
                    + " (background load exceeds the host's cores)");
        }
        advance();
        this.capacity = capacity;
        if (sliced != null) {
            sliced.setCapacity(capacity);
            return;
        }
        reschedule();
    }

    /** Runnable (not paused) jobs: with a time slice, those on a core and those waiting for one. */
    public int runnable() {
        return sliced != null ? sliced.runnable() : size;
    }

    /**
     * Shares the cores by round robin with quantum {@code sliceNanos}, RR(q), instead of processor sharing (0: processor
     * sharing, the default). A job that joins takes a free core or waits in FIFO order; a job on a core runs at full
     * speed and, once it has held the core for q while others wait, goes to the back of the queue with the work it has
     * left. With jobs much shorter than q (a few µs of send() next to a 1.5 ms Linux slice), a thread that gets a core
     * runs its job to the end, where processor sharing would stretch it next to every other runnable job. Fractional
     * capacity: ceil(capacity) cores, each at capacity / ceil(capacity) (see {@link TimeSlicedCores}). Must be set
     * before the first job.
     */
    public void setTimeSlice(long sliceNanos) {
        setTimeSlice(sliceNanos, SchedulerPolicy.ROUND_ROBIN);
    }

    /** As {@link #setTimeSlice(long)}, the next thread picked by {@code policy} (EEVDF: Linux's; see {@link SchedulerPolicy}). */
    public void setTimeSlice(long sliceNanos, SchedulerPolicy policy) {
        setTimeSlice(sliceNanos, policy, 0);
    }

    /**
     * As {@link #setTimeSlice(long, SchedulerPolicy)}; with {@code loadBalanceNanos} > 0 each core keeps a run queue of its
     * own, as Linux's CPUs do (see {@link TimeSlicedCores}), balanced when a core goes idle and every
     * {@code loadBalanceNanos}.
     */
    public void setTimeSlice(long sliceNanos, SchedulerPolicy policy, long loadBalanceNanos) {
        if (loadBalanceNanos < 0) {
            throw new IllegalArgumentException(name + ": negative load-balance interval " + loadBalanceNanos);
        }
        if (sliceNanos < 0) {
            throw new IllegalArgumentException(name + ": negative time slice " + sliceNanos);
        }
        if (used) {
            throw new IllegalStateException(name + ": the time slice is set before the first job");
        }
        advance();
        sliced = sliceNanos == 0 ? null : new TimeSlicedCores(sim, name, capacity, sliceNanos, policy, loadBalanceNanos);
        if (sliced != null) {
            sliced.host = this;
        }
    }

    /** The round-robin quantum in ns, 0 under processor sharing. */
    public long timeSlice() {
        return sliced == null ? 0 : sliced.slice();
    }

    /** Checks the time-sliced scheduler's bookkeeping (no-op under processor sharing); for tests. */
    void checkInvariants() {
        if (sliced != null) {
            sliced.checkInvariants();
        }
    }

    /**
     * From now on a job submitted to a thread that was asleep (its previous work finished before this instant)
     * waits a draw of {@code latency} before it competes for the cores: the OS scheduler's wake-up latency, which
     * on a host crowded with threads is far longer than the work itself. Work handed to a thread at the instant it
     * finishes its previous job (a handler taking the next queued request) does not wait: that thread never slept.
     */
    public void setWakeupLatency(Distribution latency, RandomStream rng) {
        this.wakeupLatency = latency;
        this.wakeupRng = rng;
    }

    /**
     * From now on a thread waking from a timed wait pays {@code nanos} beside the wake-up latency: the kernel lets a timer
     * expire up to its slack late so that it can coalesce wake-ups (Linux's default for normal threads, 50 us), and a thread
     * woken by another thread or a packet has no timer. Only where a wake-up latency is set.
     */
    public void setTimerSlack(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException(name + ": negative timer slack " + nanos);
        }
        this.timerSlackNanos = nanos;
    }

    /** A draw of the wake-up latency for a thread on this host that sleeps outside the CPU model (0 if none). */
    public long wakeupDelay() {
        return wakeupLatency == null ? 0 : Math.max(0, Math.round(wakeupLatency.sample(wakeupRng)));
    }

    /** The same for a thread that wakes from a timed wait: the wake-up latency and the timer slack (0 if no wake-up latency). */
    public long timerWakeupDelay() {
        return wakeupLatency == null ? 0 : wakeupDelay() + timerSlackNanos;
    }

    /** Puts {@code job} on the CPU with {@code workNanos} of work (ns of one core). */
    public void submit(CpuJob job, double workNanos) {
        if (job.tailOnly) {
            // still on a core finishing the lock it woke a thread under: the new work follows at once, no wake-up
            job.startPending = true;
            job.workNanos += workNanos;
            offeredWork += workNanos;
            windowOfferedWork += workNanos;
            sliced.extendTail(job, workNanos);
            return;
        }
        if (job.onCpu()) {
            throw new IllegalStateException(name + ": job " + job + " is already on the CPU");
        }
        if (!(workNanos >= 0)) {
            throw new IllegalArgumentException(name + ": negative or NaN work " + workNanos);
        }
        job.startPending = true;
        boolean asleep = sim.now() > job.lastDoneAt;
        if (asleep) {
            job.wakeups++;
            workNanos += job.wakeupWork(sim.now());
        }
        job.workNanos += workNanos;
        offeredWork += workNanos;
        windowOfferedWork += workNanos;
        used = true;
        if (asleep && sliced != null && job.wakesUnderWakerLock && sliced.deferWake(job, workNanos)) {
            return;
        }
        wake(job, workNanos, asleep);
    }

    /** A wake the scheduler deferred (see {@link TimeSlicedCores#deferWake}) goes ahead: the wake-up latency, then the cores. */
    void wakeDeferred(CpuJob job, double workNanos) {
        job.heapIndex = -1;
        wake(job, workNanos, true);
    }

    private void wake(CpuJob job, double workNanos, boolean asleep) {
        if (wakeupLatency != null && asleep) {
            long delay = job.wakesOnTimer ? timerWakeupDelay() : wakeupDelay();
            if (delay > 0) {
                job.wakeWork = workNanos;
                job.heapIndex = WAKING;
                if (job.wake == null) {
                    job.wake = new Wake(job);
                }
                sim.schedule(job.wake, delay);
                return;
            }
        }
        join(job, workNanos);
    }

    private void join(CpuJob job, double workNanos) {
        if (sliced != null) {
            if (job.group < groupPaused.length && groupPaused[job.group]) {
                if (job.tracked) {
                    throw new IllegalStateException(name + ": a tracked job cannot join a paused group");
                }
                job.pausedWork = workNanos;
                job.heapIndex = PAUSED;
                paused.add(job);
                return;
            }
            sliced.join(job, workNanos);
            return;
        }
        advance();
        if (job.tracked) {
            if (job.group < groupPaused.length && groupPaused[job.group]) {
                throw new IllegalStateException(name + ": a tracked job cannot join a paused group");
            }
            job.startV = v;
            trackedJobs++;
        }
        if (job.group < groupPaused.length && groupPaused[job.group]) {
            job.pausedWork = workNanos;
            job.heapIndex = PAUSED;
            paused.add(job);
            return;
        }
        job.finishV = v + workNanos;
        push(job);
        reschedule();
        markStarted(job, sim.now());
    }

    /** The job runs its submitted work for the first time now (see {@link CpuJob#started}); both schedulers call it. */
    static void markStarted(CpuJob job, long now) {
        if (job.startPending) {
            job.startPending = false;
            job.started(now);
        }
    }

    /** Stops every job of {@code group} (a stop-the-world pause) until {@link #resume}. */
    public void pause(int group) {
        ensureGroup(group);
        if (groupPaused[group]) {
            return;
        }
        advance();
        groupPaused[group] = true;
        if (sliced != null) {
            sliced.takeOff(group, paused);
            return;
        }
        for (int i = size - 1; i >= 0; i--) {
            CpuJob j = heap[i];
            if (j.group == group) {
                if (j.tracked) {
                    throw new IllegalStateException(name + ": tracked job " + j + " cannot be paused");
                }
                removeAt(i);
                j.pausedWork = Math.max(0, j.finishV - v);
                j.heapIndex = PAUSED;
                paused.add(j);
            }
        }
        reschedule();
    }

    public void resume(int group) {
        ensureGroup(group);
        if (!groupPaused[group]) {
            return;
        }
        advance();
        groupPaused[group] = false;
        for (int i = 0; i < paused.size(); ) {
            CpuJob j = paused.get(i);
            if (j.group == group) {
                paused.remove(i);
                j.heapIndex = -1;
                if (sliced != null) {
                    sliced.join(j, j.pausedWork);
                    continue;
                }
                j.finishV = v + j.pausedWork;
                push(j);
                markStarted(j, sim.now());
            } else {
                i++;
            }
        }
        reschedule();
    }

    /** Whether the host's cores run one thread at a time in slices (else they share by processor sharing). */
    public boolean timeSliced() {
        return sliced != null;
    }

    public boolean isPaused(int group) {
        return group < groupPaused.length && groupPaused[group];
    }

    private void ensureGroup(int group) {
        if (group >= groupPaused.length) {
            groupPaused = Arrays.copyOf(groupPaused, group + 1);
        }
    }

    private double rate(int n) {
        return n <= capacity ? 1.0 : capacity / n;
    }

    private void advance() {
        if (sliced != null) {
            busyCoreNanos += sliced.takeBusy();
            stalledNanos += sliced.takeStalled();
            last = sim.now();
            return;
        }
        long now = sim.now();
        long dt = now - last;
        if (dt > 0) {
            if (trackedJobs > 0) {
                logSegment(rate(size));
            } else {
                histCount = 0;
            }
            if (size > 0) {
                v += rate(size) * dt;
                busyCoreNanos += Math.min(size, capacity) * dt;
                if (size > capacity) {
                    // processor sharing: more runnable jobs than cores, each slowed: some work waits
                    stalledNanos += dt;
                }
            }
            last = now;
        }
    }

    private void reschedule() {
        if (size == 0) {
            if (completion.isScheduled()) {
                sim.cancel(completion);
            }
            return;
        }
        double remaining = heap[0].finishV - v;
        long delay = remaining <= 0 ? 0 : (long) Math.ceil(remaining / rate(size));
        long at = sim.now() + delay;
        if (completion.isScheduled()) {
            if (completion.time() == at) {
                return;
            }
            sim.cancel(completion);
        }
        sim.scheduleAt(completion, at);
    }

    private final class Wake extends Event {
        private final CpuJob job;

        Wake(CpuJob job) {
            this.job = job;
        }

        @Override
        public void fire(Simulator s) {
            job.heapIndex = -1;
            join(job, job.wakeWork);
        }

        @Override
        public String label() {
            return name + "/wakeup";
        }
    }

    private final class Completion extends Event {
        @Override
        public void fire(Simulator s) {
            advance();
            // A job is done when V has reached its finish within rounding (we round delays up).
            double tolerance = 1e-3 + 4 * Math.ulp(v);
            while (size > 0 && heap[0].finishV <= v + tolerance) {
                CpuJob j = heap[0];
                removeAt(0);
                if (j.tracked) {
                    // its history stays until time moves on: cpuDone may still ask attainedAt
                    j.tracked = false;
                    trackedJobs--;
                }
                done.add(j);
            }
            reschedule();
            long now = s.now();
            // Jobs done together (equal work joined at one instant) report in the order they joined, not the heap's: the
            // heap's order among equal finishes depends on what else it holds, and so would every tie the callbacks set.
            sortByJoin(done);
            // Callbacks may submit new work; the CPU state is consistent before any runs.
            for (int i = 0; i < done.size(); i++) {
                done.get(i).lastDoneAt = now;
            }
            for (int i = 0; i < done.size(); i++) {
                done.get(i).cpuDone(now);
            }
            done.clear();
        }

        @Override
        public String label() {
            return name + "/cpu";
        }
    }

    // ---- tracked jobs: when did a job's attained work cross a value (lazily observed work) ----

    /** Segments of V since the oldest tracked job joined: from histT[i], V grew from histV[i] at histRate[i]. */
    private long[] histT = new long[64];
    private double[] histV = new double[64];
    private double[] histRate = new double[64];
    private int histCount;
    private int trackedJobs;

    /**
     * Submits {@code job} as one job of {@code workNanos} whose progress its owner reads back with
     * {@link #attainedAt}: one job standing for many consecutive pieces of work of one thread (a
     * Trogdor burst of send() calls), exactly as those pieces run one after another under processor
     * sharing, since a thread that submits its next piece the instant the last one finishes never
     * leaves the run queue.
     */
    public void submitTracked(CpuJob job, double workNanos) {
        job.tracked = true;
        submit(job, workNanos);
    }

    /**
     * The first instant (ns, rounded up as completions are) at which tracked {@code job} had received
     * {@code work} ns of service, if that instant is not after now; else Long.MAX_VALUE. Also valid in
     * the job's own cpuDone callback.
     */
    public long attainedAt(CpuJob job, double work) {
        if (job.heapIndex == WAKING || job.heapIndex == PAUSED) {
            return Long.MAX_VALUE;
        }
        if (sliced != null) {
            return sliced.attainedAt(job, work);
        }
        advance();
        double x = job.startV + work;
        if (x > v + 1e-3 + 4 * Math.ulp(v)) {
            return Long.MAX_VALUE;
        }
        if (histCount == 0 || x >= v) {
            return last;
        }
        // the last segment with histV <= x
        int lo = 0;
        int hi = histCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (histV[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long end = lo + 1 < histCount ? histT[lo + 1] : last;
        double dv = x - histV[lo];
        if (dv <= 0) {
            return histT[lo];
        }
        long t = histT[lo] + (long) Math.ceil(dv / histRate[lo]);
        return Math.min(t, end);
    }

    /** Changes a tracked job's total work (it must not be done yet; the new finish may be now). */
    public void setWork(CpuJob job, double totalWorkNanos) {
        if (!job.tracked) {
            throw new IllegalStateException(name + ": setWork on an untracked job " + job);
        }
        if (job.heapIndex == WAKING) {
            offeredWork += totalWorkNanos - job.wakeWork;
            windowOfferedWork += totalWorkNanos - job.wakeWork;
            job.wakeWork = totalWorkNanos;
            return;
        }
        if (sliced != null) {
            if (job.heapIndex < 0 && job.heapIndex != QUEUED) {
                throw new IllegalStateException(name + ": setWork on a job that is not runnable " + job);
            }
            double delta = sliced.setWork(job, totalWorkNanos);
            offeredWork += delta;
            windowOfferedWork += delta;
            return;
        }
        if (job.heapIndex < 0) {
            throw new IllegalStateException(name + ": setWork on a job that is not runnable " + job);
        }
        advance();
        double delta = job.startV + totalWorkNanos - job.finishV;
        offeredWork += delta;
        windowOfferedWork += delta;
        removeAt(job.heapIndex);
        job.finishV = job.startV + totalWorkNanos;
        push(job);
        reschedule();
    }

    private void logSegment(double rate) {
        if (histCount == histT.length) {
            trimHistory();
        }
        histT[histCount] = last;
        histV[histCount] = v;
        histRate[histCount] = rate;
        histCount++;
    }

    /** Drops segments that end before every tracked job joined; grows the log if none can go. */
    private void trimHistory() {
        double oldest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (heap[i].tracked) {
                oldest = Math.min(oldest, heap[i].startV);
            }
        }
        int keepFrom = 0;
        while (keepFrom + 1 < histCount && histV[keepFrom + 1] <= oldest) {
            keepFrom++;
        }
        if (keepFrom > 0) {
            int n = histCount - keepFrom;
            System.arraycopy(histT, keepFrom, histT, 0, n);
            System.arraycopy(histV, keepFrom, histV, 0, n);
            System.arraycopy(histRate, keepFrom, histRate, 0, n);
            histCount = n;
        }
        if (histCount == histT.length) {
            histT = Arrays.copyOf(histT, histCount * 2);
            histV = Arrays.copyOf(histV, histCount * 2);
            histRate = Arrays.copyOf(histRate, histCount * 2);
        }
    }

    private long joins;

    /** Insertion sort on join order: a completion rarely holds more than a few jobs. */
    static void sortByJoin(java.util.List<CpuJob> jobs) {
        for (int i = 1; i < jobs.size(); i++) {
            CpuJob j = jobs.get(i);
            int k = i - 1;
            while (k >= 0 && jobs.get(k).joinSeq > j.joinSeq) {
                jobs.set(k + 1, jobs.get(k));
                k--;
            }
            jobs.set(k + 1, j);
        }
    }

    // ---- binary heap on finishV (ties: no order needed, the finish values are equal) ----

    private void push(CpuJob j) {
        j.joinSeq = joins++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, j);
    }

    private void removeAt(int i) {
        CpuJob removed = heap[i];
        removed.heapIndex = -1;
        int lastIdx = --size;
        if (i != lastIdx) {
            CpuJob moved = heap[lastIdx];
            heap[lastIdx] = null;
            siftDown(i, moved);
            if (moved.heapIndex == i) {
                siftUp(i, moved);
            }
        } else {
            heap[lastIdx] = null;
        }
    }

    private void siftUp(int i, CpuJob j) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            CpuJob p = heap[parent];
            if (p.finishV <= j.finishV) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = j;
        j.heapIndex = i;
    }

    private void siftDown(int i, CpuJob j) {
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && heap[c + 1].finishV < heap[c].finishV) {
                c++;
            }
            if (heap[c].finishV >= j.finishV) {
                break;
            }
            heap[i] = heap[c];
            heap[i].heapIndex = i;
            i = c;
        }
        heap[i] = j;
        j.heapIndex = i;
    }

    // ---- statistics ----

    /** Mean busy cores / capacity since the last {@link #resetStats}. */
    public double utilisation() {
        advance();
        long span = sim.now() - statsStart;
        return span <= 0 ? Double.NaN : busyCoreNanos / (capacity * span);
    }

    /**
     * Share of the time since the last {@link #resetStats} in which a runnable thread waited for a core: Linux's CPU
     * pressure "some" (/proc/pressure/cpu), counted over the whole host (any waiting thread). Linux weighs each
     * CPU's stall by its busy time, so a host whose CPUs are unevenly queued reads somewhat lower there.
     */
    public double pressureSome() {
        advance();
        long span = sim.now() - statsStart;
        return span <= 0 ? Double.NaN : stalledNanos / (double) span;
    }

    /** Work offered since the last reset, as a fraction of capacity over that time. */
    public double offeredUtilisation() {
        long span = sim.now() - statsStart;
        return span <= 0 ? Double.NaN : offeredWork / (capacity * span);
    }

    /** Work offered since the last call, as a fraction of capacity over {@code windowNanos}; restarts the window. */
    public double takeWindowOffered(long windowNanos) {
        double f = windowOfferedWork / (capacity * windowNanos);
        windowOfferedWork = 0;
        return f;
    }

    private double checkBusy;
    private long checkAt;

    /** Utilisation since the previous call (the overload detector's window). */
    public double utilisationSinceLastCheck() {
        advance();
        long now = sim.now();
        double busy = busyCoreNanos + resetBusy - checkBusy;
        long span = now - checkAt;
        checkBusy = busyCoreNanos + resetBusy;
        checkAt = now;
        return span <= 0 ? 0 : busy / (capacity * span);
    }

    private double resetBusy;
    private long stalledNanos;

    /** Busy core-nanoseconds since the host was created, never reset: differences give any window's utilisation. */
    public double busyCoreNanosTotal() {
        advance();
        return busyCoreNanos + resetBusy;
    }

    public void resetStats() {
        advance();
        resetBusy += busyCoreNanos;
        busyCoreNanos = 0;
        stalledNanos = 0;
        offeredWork = 0;
        statsStart = sim.now();
    }

    @Override
    public String toString() {
        return "HostCpu[" + name + ", " + runnable() + " runnable on " + capacity + " cores"
                + (sliced == null ? "" : ", time slice " + sliced.slice() + " ns") + "]";
    }
}
