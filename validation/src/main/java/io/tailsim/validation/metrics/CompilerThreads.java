package io.tailsim.validation.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU of a JVM's JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread1", ... ; Linux truncates the names to 15
 * characters), read from /proc/PID/task/TID/stat (utime + stime). They are not Java threads, so ThreadMXBean does not list
 * them; a broker JVM in its first minute compiles its hot paths on them, and on this machine that is a large share of its
 * CPU off the request path.
 */
public final class CompilerThreads {
    private CompilerThreads() {
    }

    /** Whether a thread's /proc comm names a JIT compiler thread. */
    static boolean isCompiler(String comm) {
        String c = comm.strip();
        return c.startsWith("C1 CompilerThre") || c.startsWith("C2 CompilerThre");
    }

    /** utime + stime (clock ticks) of a /proc stat line: fields 14 and 15, counted after the parenthesised comm. */
    static long ticks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc stat line: " + stat);
        String[] f = stat.substring(close + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The state letter of a /proc stat line (R running or runnable, S sleeping, D in uninterruptible wait, ...). */
    static char state(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) throw new IllegalArgumentException("not a /proc stat line: " + stat);
        return stat.charAt(close + 2);
    }

    /** CPU ticks of each live compiler thread of {@code pid}, by tid; empty when /proc is unreadable. */
    public static Map<Long, Long> sample(Path procRoot, long pid) {
        Map<Long, Long> out = new LinkedHashMap<>();
        ProcTasks.forEach(procRoot, pid, (tid, t) -> {
            if (isCompiler(Files.readString(t.resolve("comm")))) out.put(tid, ticks(Files.readString(t.resolve("stat"))));
        });
        return out;
    }

    /**
     * CPU nanoseconds the compiler threads used between two samples: threads in both count their difference, threads that
     * started in between count all of theirs (a dynamically added compiler thread starts at zero); threads that exited are
     * lost with their last ticks.
     */
    public static long nanosBetween(Map<Long, Long> before, Map<Long, Long> after, long ticksPerSecond) {
        long ticks = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long b = before.getOrDefault(e.getKey(), 0L);
            ticks += Math.max(0, e.getValue() - b);
        }
        return ticks * 1_000_000_000L / ticksPerSecond;
    }
}
