package io.tailsim.validation.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Busy periods of the brokers' JIT compiler threads over a window: each thread's state and CPU ticks
 * (/proc/PID/task/TID/stat) read every {@value #PERIOD_MS} ms ({@link Busy}). Each period's CPU is what the model's
 * compiler thread draws ({@code cpu.jit-burst}). Ticks are 10 ms here (USER_HZ), so periods are multiples of that. The
 * reads cost the driver JVM about a hundredth of a core.
 */
public final class JitBursts {
    static final int PERIOD_MS = 10;
    static final int GAP_READS = 2;
    /** The compiler threads come and go (UseDynamicNumberOfCompilerThreads): list them again this often. */
    private static final int RELIST_READS = 50;

    private final Path proc;
    private final Collection<Long> pids;
    private final long ticksPerSecond;
    private final Map<Path, Busy> threads = new HashMap<>();
    private final List<Double> burstsMs = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean stopping;

    /**
     * One compiler thread's reads. A busy period is a run of reads that find the thread runnable (state R: compiling, on a
     * core or waiting for one), ended by {@value #GAP_READS} reads in a row that find it asleep on its compile queue; its
     * CPU is the rise of the thread's ticks over the run. So a compilation slowed by a crowded machine counts its CPU, not
     * its wall time, and short compilations between two reads count by their ticks.
     */
    static final class Busy {
        private long ticks;
        private long periodTicks;
        private boolean open;
        private int asleepReads;
        private boolean seen;

        /** Reads the thread's state and tick count: the ticks of a busy period that ends with this read, else 0. */
        long read(char state, long t) {
            long ended = 0;
            boolean runnable = state == 'R' || state == 'D';
            if (!seen) {
                seen = true;
                open = runnable;
            } else {
                if (t > ticks) {
                    periodTicks += t - ticks;
                    if (!open) {
                        open = true;
                        asleepReads = runnable ? 0 : GAP_READS - 1;
                    }
                }
                if (runnable) {
                    open = true;
                    asleepReads = 0;
                } else if (open && ++asleepReads >= GAP_READS) {
                    ended = close();
                }
            }
            ticks = t;
            return ended;
        }

        /** Ends the period in progress, if any: its ticks. */
        long close() {
            long b = periodTicks;
            periodTicks = 0;
            open = false;
            asleepReads = 0;
            return b;
        }
    }

    private JitBursts(Path proc, Collection<Long> pids, long ticksPerSecond) {
        this.proc = proc;
        this.pids = List.copyOf(pids);
        this.ticksPerSecond = ticksPerSecond;
        this.sampler = new Thread(this::run, "tailsim-jit-bursts");
        sampler.setDaemon(true);
    }

    /** Starts reading the compiler threads of {@code pids} now. */
    public static JitBursts start(Path proc, Collection<Long> pids, long ticksPerSecond) {
        JitBursts b = new JitBursts(proc, pids, ticksPerSecond);
        b.sampler.start();
        return b;
    }

    /** Stops and returns each busy period's CPU, in milliseconds (those still running at the end count as far as they got). */
    public List<Double> stop() {
        stopping = true;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (burstsMs) {
            return List.copyOf(burstsMs);
        }
    }

    private void run() {
        long next = System.nanoTime();
        int reads = 0;
        while (!stopping) {
            if (reads++ % RELIST_READS == 0) relist();
            read();
            next += PERIOD_MS * 1_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else next = System.nanoTime();
        }
        for (Busy b : threads.values()) record(b.close());
    }

    private void relist() {
        for (long pid : pids) {
            ProcTasks.forEach(proc, pid, (tid, t) -> {
                Path stat = t.resolve("stat");
                if (!threads.containsKey(stat) && CompilerThreads.isCompiler(Files.readString(t.resolve("comm")))) threads.put(stat, new Busy());
            });
        }
    }

    private void read() {
        var it = threads.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            Busy b = e.getValue();
            String stat;
            try {
                stat = Files.readString(e.getKey());
                record(b.read(CompilerThreads.state(stat), CompilerThreads.ticks(stat)));
            } catch (IOException | RuntimeException gone) {
                record(b.close());
                it.remove();
            }
        }
    }

    private void record(long ticks) {
        if (ticks > 0) {
            synchronized (burstsMs) {
                burstsMs.add(ticks * 1000.0 / ticksPerSecond);
            }
        }
    }
}
