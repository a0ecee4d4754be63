package io.tailsim.models.cpu;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;

import java.util.ArrayDeque;

/**
 * A JVM's work that is on no request's path — garbage collection and JIT threads, the kernel's network stack, KRaft and
 * other housekeeping — as jobs competing with the request threads for the host's cores. Two sources feed it: a
 * constant rate (the cores an idle broker uses) arriving as a Poisson stream of jobs, and work that traffic leaves
 * behind ({@link #add}: each request's allocations and kernel work), which accumulates and runs as a job each time a
 * burst's worth has built up. Each job is its own thread: several can run at once, and GC pauses stop them with the
 * broker's other threads.
 */
public final class BackgroundLoad {
    private final Simulator sim;
    private final HostCpu cpu;
    private final int cpuGroup;
    private final double burstNanos;
    private final ArrayDeque<Job> idle = new ArrayDeque<>();
    private double owed;
    private long jobs;

    /**
     * @param idleCores cores used with no traffic (0: none); arrives as jobs of {@code burstNanos} work, exponential gaps
     */
    public BackgroundLoad(Simulator sim, HostCpu cpu, int group, double idleCores, double burstNanos, RandomStream rng) {
        if (!(burstNanos > 0)) {
            throw new IllegalArgumentException("background burst must be positive, got " + burstNanos);
        }
        this.sim = sim;
        this.cpu = cpu;
        this.cpuGroup = group;
        this.burstNanos = burstNanos;
        if (idleCores > 0) {
            double meanGap = burstNanos / idleCores;
            sim.schedule(new Event() {
                @Override
                public void fire(Simulator s) {
                    add(burstNanos);
                    s.schedule(this, Math.max(1, Math.round(-meanGap * Math.log(1 - rng.nextDouble()))));
                }

                @Override
                public String label() {
                    return cpu.name() + "/background";
                }
            }, Math.max(1, Math.round(-meanGap * Math.log(1 - rng.nextDouble()))));
        }
    }

    /** Adds off-path work (ns of one core); a job starts each time a burst's worth is owed. */
    public void add(double workNanos) {
        owed += workNanos;
        while (owed >= burstNanos) {
            owed -= burstNanos;
            Job j = idle.isEmpty() ? new Job() : idle.pop();
            jobs++;
            cpu.submit(j, burstNanos);
        }
    }

    /** Background jobs started so far. */
    public long jobs() {
        return jobs;
    }

    private final class Job extends CpuJob {
        Job() {
            super(cpuGroup);
        }

        @Override
        protected void cpuDone(long now) {
            idle.push(this);
        }
    }
}
