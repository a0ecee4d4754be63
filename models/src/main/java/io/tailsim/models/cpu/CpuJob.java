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
    /** Which pausable group (a broker on a shared host) the job belongs to. */
    final int group;

    protected CpuJob(int group) {
        this.group = group;
    }

    /** True while the job is on a CPU (running, runnable or paused). */
    public final boolean onCpu() {
        return heapIndex >= 0 || heapIndex == HostCpu.PAUSED;
    }

    /** Called when the job's work is done, at simulated time {@code now}. */
    protected abstract void cpuDone(long now);
}
