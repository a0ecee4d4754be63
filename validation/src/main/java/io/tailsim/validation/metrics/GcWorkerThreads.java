package io.tailsim.validation.metrics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and run-queue wait of a JVM's parallel GC workers ("GC Thread#0", "GC Thread#1", ...), read from
 * /proc/PID/task/TID/schedstat ("run_ns wait_ns slices"). They do a stop-the-world young collection's parallel work, and
 * almost nothing else, so their CPU over a window is the work of its pauses, and their run-queue wait is how long those
 * pauses waited for a core on a machine the brokers share: a pause's length is work plus that wait. Not Java threads, so
 * ThreadMXBean does not list them. The VM thread (a pause's serial start and end) is left out.
 */
public final class GcWorkerThreads {
    private GcWorkerThreads() {
    }

    /** A worker's run and run-queue wait since it started, ns. */
    public record Sample(long runNs, long waitNs) {
    }

    /**
     * Over a window, summed over the brokers' workers: CPU in cores, run-queue wait in cores, and how many workers there
     * were at its end (G1 starts workers as it needs them, up to ParallelGCThreads).
     */
    public record Usage(double cpuCores, double runQueueWaitCores, int threads) {
        /** The workers' CPU over their CPU plus wait: the share of its runnable time a worker had a core. */
        public double shareOfRunnable() {
            double busy = cpuCores + runQueueWaitCores;
            return busy > 0 ? cpuCores / busy : Double.NaN;
        }
    }

    static boolean isWorker(String comm) {
        return comm.strip().startsWith("GC Thread#");
    }

    /** schedstat's first two fields; null if the line has fewer. */
    static Sample parse(String schedstat) {
        String[] f = schedstat.trim().split("\\s+");
        return f.length >= 2 ? new Sample(Long.parseLong(f[0]), Long.parseLong(f[1])) : null;
    }

    /** Each live GC worker of {@code pid} by tid; empty when /proc (or its schedstat) is unreadable. */
    public static Map<Long, Sample> sample(Path procRoot, long pid) {
        Map<Long, Sample> out = new LinkedHashMap<>();
        ProcTasks.forEach(procRoot, pid, (tid, t) -> {
            if (isWorker(Files.readString(t.resolve("comm"), StandardCharsets.US_ASCII))) {
                Sample s = parse(Files.readString(t.resolve("schedstat"), StandardCharsets.US_ASCII));
                if (s != null) out.put(tid, s);
            }
        });
        return out;
    }

    /**
     * The workers' usage between two samples per broker (the lists pair up by position), over {@code seconds}: workers in
     * both count their difference, workers started in between count all of theirs. Null if no sample holds a worker.
     */
    public static Usage between(List<Map<Long, Sample>> before, List<Map<Long, Sample>> after, double seconds) {
        long run = 0, wait = 0;
        int threads = 0;
        for (int i = 0; i < after.size(); i++) {
            Map<Long, Sample> b = i < before.size() ? before.get(i) : Map.of();
            for (Map.Entry<Long, Sample> e : after.get(i).entrySet()) {
                Sample s = b.getOrDefault(e.getKey(), new Sample(0, 0));
                run += Math.max(0, e.getValue().runNs() - s.runNs());
                wait += Math.max(0, e.getValue().waitNs() - s.waitNs());
                threads++;
            }
        }
        if (threads == 0 || seconds <= 0) return null;
        return new Usage(run / (seconds * 1e9), wait / (seconds * 1e9), threads);
    }
}
