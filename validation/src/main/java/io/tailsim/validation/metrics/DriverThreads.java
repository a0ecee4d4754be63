package io.tailsim.validation.metrics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and wake-ups of the driver JVM's threads by what they do, from Linux /proc/PID/task/TID: {@code schedstat}'s first
 * field (nanoseconds on a CPU; {@code stat}'s utime + stime in clock ticks where schedstat is absent) and {@code status}'s
 * voluntary_ctxt_switches (each a sleep, so one later wake-up). The producers' Sender threads ("kafka-producer-network-thread
 * | ...", 15 characters in comm) are apart from the threads that call send(), so the calibration can price a produce request
 * on the thread that builds it, which the driver's whole-process CPU cannot separate from its records.
 */
public final class DriverThreads {
    /** Thread classes, in report order. */
    public static final List<String> CLASSES = List.of("sender", "producerApp", "consumer", "jit", "other");

    private DriverThreads() {
    }

    /** One thread at a snapshot: its class, CPU nanoseconds and voluntary switches since it started. */
    public record Sample(String threadClass, long cpuNanos, long voluntary) {
    }

    /** The class of a driver thread from its /proc comm (Linux keeps 15 characters of the name). */
    public static String classOf(String comm) {
        String c = comm.strip();
        if (c.startsWith("kafka-producer-")) return "sender";
        if (c.startsWith("tailsim-produce")) return "producerApp";
        if (c.startsWith("tailsim-consume") || c.startsWith("consumer_backgr") || c.startsWith("kafka-coordinat")) return "consumer";
        if (CompilerThreads.isCompiler(c)) return "jit";
        return "other";
    }

    /** Nanoseconds on a CPU from a /proc schedstat line ("run_ns wait_ns slices"). */
    static long schedstatNanos(String schedstat) {
        String[] f = schedstat.trim().split("\\s+");
        return Long.parseLong(f[0]);
    }

    /** Every live thread of {@code pid}, by tid; empty when /proc is unreadable. */
    public static Map<Long, Sample> sample(Path procRoot, long pid, long ticksPerSecond) {
        Map<Long, Sample> out = new LinkedHashMap<>();
        ProcTasks.forEach(procRoot, pid, (tid, t) -> {
            String cls = classOf(Files.readString(t.resolve("comm"), StandardCharsets.UTF_8));
            Path sched = t.resolve("schedstat");
            long nanos = Files.isReadable(sched) ? schedstatNanos(Files.readString(sched, StandardCharsets.US_ASCII))
                    : CompilerThreads.ticks(Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII)) * 1_000_000_000L / ticksPerSecond;
            ThreadSwitches.Counts c = ThreadSwitches.parseStatus(Files.readString(t.resolve("status"), StandardCharsets.US_ASCII));
            out.put(tid, new Sample(cls, nanos, c == null ? 0 : c.voluntary()));
        });
        return out;
    }

    /**
     * Cores used per class over a window of {@code seconds}: threads in both samples count their difference, threads started
     * in between all of theirs (the driver starts its clients before the window, so few do); every class is present.
     * Empty if the later sample is empty.
     */
    public static Map<String, Double> cores(Map<Long, Sample> before, Map<Long, Sample> after, double seconds) {
        return between(before, after, seconds, true);
    }

    /** Wake-ups (voluntary switches) per second per class, counted like {@link #cores}. */
    public static Map<String, Double> wakeupsPerSec(Map<Long, Sample> before, Map<Long, Sample> after, double seconds) {
        return between(before, after, seconds, false);
    }

    private static Map<String, Double> between(Map<Long, Sample> before, Map<Long, Sample> after, double seconds, boolean cpu) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (after == null || after.isEmpty() || !(seconds > 0)) return m;
        for (String c : CLASSES) m.put(c, 0.0);
        after.forEach((tid, a) -> {
            Sample b = before == null ? null : before.get(tid);
            if (b != null && !b.threadClass().equals(a.threadClass())) b = null;
            long d = cpu ? a.cpuNanos() - (b == null ? 0 : b.cpuNanos()) : a.voluntary() - (b == null ? 0 : b.voluntary());
            if (d > 0) m.merge(a.threadClass(), cpu ? d / 1e9 / seconds : d / seconds, Double::sum);
        });
        return m;
    }
}
