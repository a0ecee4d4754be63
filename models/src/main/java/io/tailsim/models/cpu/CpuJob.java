package io.tailsim.models.cpu;

/**
 * A piece of work on a {@link HostCpu}. A thread runs one job at a time, so the thread object
 * itself usually extends this class: nothing is allocated per job on the hot path.
 */
public abstract class CpuJob {
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
    /** Which pausable group (a broker on a shared host) the job belongs to. */
    final int group;

    protected CpuJob(int group) {
        this.group = group;
    }

    /** True while the job is on a CPU (running, runnable or paused). */
    public final boolean onCpu() {
        return heapIndex >= 0 || heapIndex == HostCpu.PAUSED || heapIndex == HostCpu.WAKING;
    }

    /** Called when the job's work is done, at simulated time {@code now}. */
    protected abstract void cpuDone(long now);
}
