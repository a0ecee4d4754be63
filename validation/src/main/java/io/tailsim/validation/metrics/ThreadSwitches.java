package io.tailsim.validation.metrics;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context switches of a JVM's Java threads, from Linux /proc: {@code voluntary_ctxt_switches} (the thread went to sleep -
 * blocked in a wait, poll, sleep or lock - each of which is one later wake-up) and {@code nonvoluntary_ctxt_switches} (it was
 * preempted while runnable) in /proc/PID/task/TID/status. ThreadMXBean does not give a Java thread's native id, so it comes
 * from the HotSpot DiagnosticCommand MBean's threadPrint (the text of {@code jcmd PID Thread.print}), in which a Java thread's
 * line reads {@code "NAME" #JAVA_ID [daemon] prio=.. os_prio=.. cpu=.. elapsed=.. tid=0x.. nid=0xNATIVE_TID ...} (JDK 17; from
 * JDK 19 on, {@code #JAVA_ID [NATIVE_TID]} and a decimal nid). Threads without {@code #JAVA_ID} in that text are the VM's own
 * (GC, VM Thread, ...) and are left out, as are Java threads ThreadMXBean hides (compiler, sweeper, service threads), so the
 * classes hold the same threads as {@link JmxProbe}'s thread CPU.
 */
public final class ThreadSwitches {
    public static final ObjectName DIAGNOSTIC_COMMAND = name("com.sun.management:type=DiagnosticCommand");
    public static final Path PROC = Path.of("/proc");

    /** {@code "NAME" #ID} (name greedy up to the last {@code " #digits}), then the rest of the header line. */
    private static final Pattern JAVA_THREAD = Pattern.compile("^\"(.*)\" #(\\d+) (.*)$");
    private static final Pattern NID = Pattern.compile("\\bnid=(0x[0-9a-fA-F]+|\\d+)\\b");

    private ThreadSwitches() {
    }

    /** One Java thread of a threadPrint: its name, java.lang.Thread id and native (Linux) thread id. */
    public record JavaThread(String name, long javaId, long nid) {
        public ThreadClass threadClass() {
            return ThreadClass.of(name);
        }
    }

    /** One thread's switch counts since it started. */
    public record Counts(long voluntary, long nonvoluntary) {
    }

    /**
     * One thread at a snapshot: its {@link ThreadClass} metric name, its switch counts since it started, and the time it
     * has spent runnable waiting for a CPU ({@code schedstat}'s second field, ns; -1 where the kernel has no schedstat).
     */
    public record Sample(String threadClass, long voluntary, long nonvoluntary, long runQueueWaitNanos) {
        public Sample(String threadClass, long voluntary, long nonvoluntary) {
            this(threadClass, voluntary, nonvoluntary, -1);
        }
    }

    /** The Java threads of a threadPrint text that carry a native id, in their order there. */
    public static List<JavaThread> parse(String threadPrint) {
        List<JavaThread> threads = new ArrayList<>();
        for (String line : threadPrint.split("\\R")) {
            if (!line.startsWith("\"")) continue;
            Matcher m = JAVA_THREAD.matcher(line);
            if (!m.matches()) continue;
            Matcher nid = NID.matcher(m.group(3));
            if (!nid.find()) continue;
            String n = nid.group(1);
            long tid = n.startsWith("0x") ? Long.parseLong(n.substring(2), 16) : Long.parseLong(n);
            threads.add(new JavaThread(m.group(1), Long.parseLong(m.group(2)), tid));
        }
        return threads;
    }

    /** The two counts from the text of a /proc/PID/task/TID/status file; null if either line is missing. */
    public static Counts parseStatus(String status) {
        Long voluntary = null, nonvoluntary = null;
        for (String line : status.split("\\R")) {
            if (line.startsWith("voluntary_ctxt_switches:")) voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            else if (line.startsWith("nonvoluntary_ctxt_switches:")) nonvoluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
        return voluntary == null || nonvoluntary == null ? null : new Counts(voluntary, nonvoluntary);
    }

    /** A thread's counts from PROC_ROOT/PID/task/TID/status; null if the thread (or process) is gone. */
    public static Counts read(Path procRoot, long pid, long tid) {
        try {
            return parseStatus(Files.readString(procRoot.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)).resolve("status"),
                    StandardCharsets.US_ASCII));
        } catch (IOException gone) {
            return null;
        }
    }

    /** A thread's run-queue wait from PROC_ROOT/PID/task/TID/schedstat ("run_ns wait_ns slices"), ns; -1 if absent. */
    public static long readRunQueueWait(Path procRoot, long pid, long tid) {
        try {
            String[] f = Files.readString(procRoot.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)).resolve("schedstat"),
                    StandardCharsets.US_ASCII).trim().split("\\s+");
            return f.length >= 2 ? Long.parseLong(f[1]) : -1;
        } catch (IOException | NumberFormatException gone) {
            return -1;
        }
    }

    /**
     * Per class, the run-queue wait of a broker's threads over a window, in cores (seconds waiting per second, summed over
     * the class's threads), from its samples before and after: only threads in both with a schedstat on both sides. Every
     * class is present (0 if none waited); empty if either side is empty or no thread has a schedstat.
     */
    public static Map<String, Double> runQueueWaitCores(Map<Long, Sample> before, Map<Long, Sample> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        if (before.isEmpty() || after.isEmpty() || !(seconds > 0)) return cores;
        boolean any = false;
        for (ThreadClass c : ThreadClass.values()) cores.put(c.metricName(), 0.0);
        for (Map.Entry<Long, Sample> e : after.entrySet()) {
            Sample a = e.getValue();
            Sample b = before.get(e.getKey());
            if (b == null || !b.threadClass().equals(a.threadClass()) || a.runQueueWaitNanos() < 0 || b.runQueueWaitNanos() < 0) continue;
            any = true;
            long d = a.runQueueWaitNanos() - b.runQueueWaitNanos();
            if (d >= 0) cores.merge(a.threadClass(), d / (seconds * 1e9), Double::sum);
        }
        return any ? cores : new LinkedHashMap<>();
    }

    /**
     * Native thread id to sample for the Java threads of a threadPrint text, their status read under PROC_ROOT/PID/task.
     *
     * @param javaIds the java.lang.Thread ids to keep (those ThreadMXBean lists); null keeps every Java thread
     */
    public static Map<Long, Sample> sample(String threadPrint, Set<Long> javaIds, Path procRoot, long pid) {
        Map<Long, Sample> byTid = new LinkedHashMap<>();
        for (JavaThread t : parse(threadPrint)) {
            if (javaIds != null && !javaIds.contains(t.javaId())) continue;
            Counts c = read(procRoot, pid, t.nid());
            if (c != null)
                byTid.put(t.nid(), new Sample(t.threadClass().metricName(), c.voluntary(), c.nonvoluntary(), readRunQueueWait(procRoot, pid, t.nid())));
        }
        return byTid;
    }

    /** The threadPrint text of the JVM behind an MBean server connection; null if it has no DiagnosticCommand MBean. */
    public static String threadPrint(MBeanServerConnection mbs) throws IOException, JMException {
        try {
            return (String) mbs.invoke(DIAGNOSTIC_COMMAND, "threadPrint", new Object[]{new String[0]}, new String[]{String[].class.getName()});
        } catch (InstanceNotFoundException notHotSpot) {
            return null;
        }
    }

    /**
     * The switches of a JVM's Java threads: threadPrint over its MBean server connection, then PROC_ROOT/PID/task/TID/status.
     * Empty if PROC_ROOT/PID/task is absent (not Linux, or another machine's process) or the JVM has no DiagnosticCommand MBean.
     */
    public static Map<Long, Sample> take(MBeanServerConnection mbs, Set<Long> javaIds, Path procRoot, long pid) throws IOException, JMException {
        if (!Files.isDirectory(procRoot.resolve(Long.toString(pid)).resolve("task"))) return Map.of();
        String text = threadPrint(mbs);
        return text == null ? Map.of() : sample(text, javaIds, procRoot, pid);
    }

    /**
     * Per class, switches per second over a window from a broker's samples before and after it: only threads in both (by
     * native id, of the same class, counts not going back), so a thread started or ended in the window adds nothing. Every
     * class is present (0 if none of its threads switched); empty if either side is empty.
     *
     * @param voluntary voluntary switches (wake-ups) if true, nonvoluntary (preemptions) if false
     */
    public static Map<String, Double> perSecond(Map<Long, Sample> before, Map<Long, Sample> after, double seconds, boolean voluntary) {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (before.isEmpty() || after.isEmpty() || !(seconds > 0)) return rates;
        for (ThreadClass c : ThreadClass.values()) rates.put(c.metricName(), 0.0);
        after.forEach((tid, a) -> {
            Sample b = before.get(tid);
            if (b == null || !b.threadClass().equals(a.threadClass())) return;
            long d = voluntary ? a.voluntary() - b.voluntary() : a.nonvoluntary() - b.nonvoluntary();
            if (d >= 0) rates.merge(a.threadClass(), d / seconds, Double::sum);
        });
        return rates;
    }

    private static ObjectName name(String s) {
        try {
            return new ObjectName(s);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
