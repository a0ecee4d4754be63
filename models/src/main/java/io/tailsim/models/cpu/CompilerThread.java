package io.tailsim.models.cpu;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;

/**
 * A JVM's JIT compiler thread: busy periods (one or more compilations back to back) arriving at random, each holding
 * one thread on the host's cores for a drawn amount of CPU, one at a time. A freshly started broker compiles what its
 * traffic makes hot for minutes, in stretches of tens to hundreds of milliseconds of one core: on a host with few cores
 * such a stretch takes a core from the request threads for that long, which a smooth background load of short jobs
 * with the same mean does not.
 */
public final class CompilerThread extends CpuJob {
    private final HostCpu cpu;
    private final Distribution burst;
    private final RandomStream rng;
    private final double meanGapNanos;
    private int queued;
    private boolean running;
    private long bursts;

    /**
     * @param cores the compiler thread's mean CPU use, in cores; busy periods arrive as a Poisson stream at cores / mean burst
     * @param burst CPU per busy period, in nanoseconds
     */
    public CompilerThread(Simulator sim, HostCpu cpu, int group, double cores, Distribution burst, RandomStream rng) {
        super(group);
        if (!(cores > 0) || !(burst.mean() > 0)) {
            throw new IllegalArgumentException("a compiler thread needs positive cores and a positive mean burst, got "
                    + cores + " cores, mean burst " + burst.mean() + " ns");
        }
        this.cpu = cpu;
        this.burst = burst;
        this.rng = rng;
        this.meanGapNanos = burst.mean() / cores;
        sim.schedule(new Event() {
            @Override
            public void fire(Simulator s) {
                arrive();
                s.schedule(this, nextGap());
            }

            @Override
            public String label() {
                return cpu.name() + "/jit";
            }
        }, nextGap());
    }

    private long nextGap() {
        return Math.max(1, Math.round(-meanGapNanos * Math.log(1 - rng.nextDouble())));
    }

    private void arrive() {
        if (running) {
            queued++;
        } else {
            start();
        }
    }

    private void start() {
        running = true;
        bursts++;
        cpu.submit(this, Math.max(1, burst.sample(rng)));
    }

    @Override
    protected void cpuDone(long now) {
        running = false;
        if (queued > 0) {
            queued--;
            start();
        }
    }

    /** Busy periods started so far. */
    public long bursts() {
        return bursts;
    }
}
