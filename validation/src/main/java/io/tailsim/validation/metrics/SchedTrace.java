package io.tailsim.validation.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux's scheduler seen from outside during a real run's window: perf's sched_switch, sched_waking and sched_wakeup
 * tracepoints on every CPU ({@code perf record -a}), read back with {@code perf script} and summed up per thread class.
 * What the /proc counters cannot say and the model's scheduler needs: who takes a thread's core when it is preempted, how
 * long a woken thread waits before it runs, how much CPU it spends per wake-up, and on which CPU a woken thread is put
 * (the waker's, the one it last ran on, another) while another CPU is idle or not (select_task_rq_fair's choice).
 */
public final class SchedTrace {
    public static final String EVENTS = "sched:sched_switch,sched:sched_waking,sched:sched_wakeup";

    private SchedTrace() {
    }

    public enum Kind { SWITCH, WAKING, WAKEUP }

    /**
     * One tracepoint hit. For a switch: {@code tid}/{@code comm} the thread leaving the CPU, {@code otherTid}/{@code otherComm}
     * the one taking it, {@code prevRunnable} whether the one leaving was still runnable (preempted: prev_state R). For a
     * waking or wakeup: {@code tid}/{@code comm} the thread on the CPU that hit it (the waker, for a waking made in a task),
     * {@code otherTid}/{@code otherComm} the woken thread and {@code targetCpu} the CPU named (waking: the one it last ran on;
     * wakeup: the one it was put on).
     */
    public record Event(long nanos, int cpu, Kind kind, long tid, String comm, long otherTid, String otherComm,
                        boolean prevRunnable, int targetCpu) {
    }

    private static final Pattern HEAD = Pattern.compile("^\\s*(.*?)\\s+(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d+):\\s+sched:(sched_\\w+):\\s+(.*)$");
    private static final Pattern SWITCH = Pattern.compile(
            "prev_comm=(.*) prev_pid=(\\d+) prev_prio=\\d+ prev_state=(\\S+) ==> next_comm=(.*) next_pid=(\\d+) next_prio=\\d+");
    private static final Pattern WAKE = Pattern.compile("comm=(.*) pid=(\\d+) prio=\\d+ target_cpu=(\\d+)");

    /** One line of {@code perf script}'s default output; null for anything else. */
    public static Event parse(String line) {
        Matcher m = HEAD.matcher(line);
        if (!m.matches()) return null;
        String frac = (m.group(5) + "000000000").substring(0, 9);
        long nanos = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(frac);
        int cpu = Integer.parseInt(m.group(3));
        long tid = Long.parseLong(m.group(2));
        String comm = m.group(1);
        String rest = m.group(7);
        switch (m.group(6)) {
            case "sched_switch": {
                Matcher s = SWITCH.matcher(rest);
                if (!s.find()) return null;
                return new Event(nanos, cpu, Kind.SWITCH, Long.parseLong(s.group(2)), s.group(1), Long.parseLong(s.group(5)), s.group(4),
                        s.group(3).startsWith("R"), -1);
            }
            case "sched_waking":
            case "sched_wakeup": {
                Matcher w = WAKE.matcher(rest);
                if (!w.find()) return null;
                return new Event(nanos, cpu, m.group(6).equals("sched_waking") ? Kind.WAKING : Kind.WAKEUP, tid, comm,
                        Long.parseLong(w.group(2)), w.group(1), false, Integer.parseInt(w.group(3)));
            }
            default:
                return null;
        }
    }

    /** Percentiles of a class's figures, microseconds. */
    public record Spread(double p50, double p90, double p99, double mean, int count) {
        static Spread of(List<Double> us) {
            if (us.isEmpty()) return new Spread(0, 0, 0, 0, 0);
            double[] a = us.stream().mapToDouble(Double::doubleValue).toArray();
            double[] q = Percentiles.atWholePercents(a);
            return new Spread(q[50], q[90], q[99], Arrays.stream(a).average().orElse(0), a.length);
        }
    }

    /**
     * One thread class over the trace: wake-ups and preemptions a second, who took its CPU when it was preempted, the wait
     * from its waking to its running, and the CPU it spent from a wake-up to its next sleep.
     */
    public record ClassFigures(double wakeupsPerSec, double preemptionsPerSec, Map<String, Double> preemptedByPerSec,
                               Spread wakeToRunUs, Spread cpuPerWakeupUs) {
    }

    /**
     * Where a task's wakes put the woken thread, by whether another CPU was idle and whether the woken thread last ran on the
     * waker's CPU: shares placed on the waker's CPU, on the one it last ran on (when that is another) and elsewhere.
     */
    public record Placement(String when, double wakesPerSec, double onWakerCpu, double onPrevCpu, double elsewhere) {
    }

    /**
     * @param idleCpuWakeUs the wait from waking to running of the wakes that found their CPU idle (its idle task on it and
     *                      no other wake on its way there): no thread to wait behind, so the wake-up's own latency (the IPI,
     *                      the virtual CPU's exit from halt, the switch); its values at 0%, 1%, ..., 100%, us, or null with fewer
     *                      than {@link #MIN_IDLE_WAKES} such wakes
     * @param idleCpuWakes  how many there were
     */
    public record Analysis(double seconds, long events, Map<String, ClassFigures> classes, List<Placement> placement,
                           double[] idleCpuWakeUs, int idleCpuWakes) {
        public void write(Path file) {
            io.tailsim.scenarios.result.ResultFiles.writeJson(file, this);
        }

        /** A few lines for the run's log: each broker class's preemptions and wait, and the placement with a CPU idle. */
        public List<String> summary() {
            List<String> lines = new ArrayList<>();
            classes.forEach((c, f) -> {
                if (!c.startsWith("broker.") || f.wakeupsPerSec() < 1) return;
                String top = f.preemptedByPerSec().entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(e -> String.format(Locale.ROOT, ", most by %s (%.0f/s)", e.getKey(), e.getValue())).orElse("");
                lines.add(String.format(Locale.ROOT, "%s: %.0f wake-ups/s, woken to running p50 %.0f us mean %.0f us; %.0f preemptions/s%s",
                        c, f.wakeupsPerSec(), f.wakeToRunUs().p50(), f.wakeToRunUs().mean(), f.preemptionsPerSec(), top));
            });
            for (Placement p : placement)
                lines.add(String.format(Locale.ROOT, "woken by a task, %s: %.0f/s, on the waker's CPU %.0f%%, on its last CPU %.0f%%, elsewhere %.0f%%",
                        p.when(), p.wakesPerSec(), 100 * p.onWakerCpu(), 100 * p.onPrevCpu(), 100 * p.elsewhere()));
            return lines;
        }
    }

    public static final String IDLE = "idle";
    public static final int MIN_IDLE_WAKES = 100;

    /**
     * The figures of a trace of {@code seconds}, its threads named by {@code classOf} (thread id to class; id 0, each CPU's
     * idle task, is {@link #IDLE}). A CPU counts as idle for a wake while its idle task runs and no wake is on its way to it;
     * wakes are placed in the table once every CPU of the trace has switched at least once (before that one's state is unknown).
     */
    public static Analysis analyse(List<Event> events, LongFunction<String> classOf, double seconds) {
        // each waking with the wakeup that placed its thread
        Map<Integer, Integer> wakeupOf = new HashMap<>();
        Map<Long, Integer> openWaking = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind() == Kind.WAKING) openWaking.put(e.otherTid(), i);
            else if (e.kind() == Kind.WAKEUP) {
                Integer w = openWaking.remove(e.otherTid());
                if (w != null) wakeupOf.put(w, i);
            }
        }
        int cpus = events.stream().mapToInt(Event::cpu).max().orElse(-1) + 1;
        Map<Integer, Long> current = new HashMap<>();
        Map<Integer, Integer> incoming = new HashMap<>();
        Map<Integer, List<Integer>> arrivals = new HashMap<>();
        Map<String, Integer> wakes = new TreeMap<>();
        Map<String, Integer> preemptions = new TreeMap<>();
        Map<String, Map<String, Integer>> preemptors = new TreeMap<>();
        Map<String, List<Double>> waits = new TreeMap<>();
        Map<String, List<Double>> cpuPerWake = new TreeMap<>();
        Map<Long, Long> wokenAt = new HashMap<>();
        Map<Long, Long> onSince = new HashMap<>();
        Map<Long, Long> spent = new HashMap<>();
        Map<String, int[]> placed = new LinkedHashMap<>();
        // woken thread -> {waking time, target CPU} of a wake its target CPU was idle for
        Map<Long, long[]> ontoIdle = new HashMap<>();
        List<Double> idleWakes = new ArrayList<>();
        for (String when : List.of("another CPU idle, last ran on the waker's", "another CPU idle, last ran on another",
                "no other CPU idle, last ran on the waker's", "no other CPU idle, last ran on another"))
            placed.put(when, new int[3]);
        for (int i = 0; i < events.size(); i++) {
            for (int cpu : arrivals.getOrDefault(i, List.of())) incoming.merge(cpu, -1, Integer::sum);
            Event e = events.get(i);
            switch (e.kind()) {
                case WAKING -> {
                    wokenAt.put(e.otherTid(), e.nanos());
                    Integer j = wakeupOf.get(i);
                    if (j == null) break;
                    int target = events.get(j).targetCpu();
                    // judged once every CPU's thread is known (each has switched since the trace began)
                    boolean byTask = e.tid() != 0 && Long.valueOf(e.tid()).equals(current.get(e.cpu())) && current.size() == cpus;
                    if (byTask) {
                        boolean idleElsewhere = false;
                        for (Map.Entry<Integer, Long> c : current.entrySet())
                            if (c.getKey() != e.cpu() && c.getValue() == 0 && incoming.getOrDefault(c.getKey(), 0) == 0) idleElsewhere = true;
                        boolean prevHere = e.targetCpu() == e.cpu();
                        String when = (idleElsewhere ? "another CPU idle" : "no other CPU idle") + (prevHere ? ", last ran on the waker's" : ", last ran on another");
                        int[] n = placed.get(when);
                        n[target == e.cpu() ? 0 : target == e.targetCpu() ? 1 : 2]++;
                    }
                    incoming.merge(target, 1, Integer::sum);
                    arrivals.computeIfAbsent(j, k -> new ArrayList<>()).add(target);
                }
                case SWITCH -> {
                    long prev = e.tid();
                    long next = e.otherTid();
                    if (prev != 0) {
                        Long since = onSince.remove(prev);
                        if (since != null) spent.merge(prev, e.nanos() - since, Long::sum);
                        String pc = classOf.apply(prev);
                        if (e.prevRunnable()) {
                            preemptions.merge(pc, 1, Integer::sum);
                            preemptors.computeIfAbsent(pc, k -> new TreeMap<>()).merge(next == 0 ? IDLE : classOf.apply(next), 1, Integer::sum);
                        } else {
                            Long s = spent.remove(prev);
                            if (s != null) cpuPerWake.computeIfAbsent(pc, k -> new ArrayList<>()).add(s / 1e3);
                        }
                    }
                    if (next != 0) {
                        long[] idle = ontoIdle.remove(next);
                        if (idle != null && idle[1] == e.cpu()) idleWakes.add((e.nanos() - idle[0]) / 1e3);
                        Long w = wokenAt.remove(next);
                        if (w != null) {
                            String nc = classOf.apply(next);
                            wakes.merge(nc, 1, Integer::sum);
                            waits.computeIfAbsent(nc, k -> new ArrayList<>()).add((e.nanos() - w) / 1e3);
                            spent.put(next, 0L);
                        }
                        if (spent.containsKey(next)) onSince.put(next, e.nanos());
                    }
                    current.put(e.cpu(), next);
                }
                case WAKEUP -> {
                    Long w = wokenAt.get(e.otherTid());
                    int cpu = e.targetCpu();
                    if (w != null && Long.valueOf(0).equals(current.get(cpu)) && incoming.getOrDefault(cpu, 0) == 0)
                        ontoIdle.put(e.otherTid(), new long[]{w, cpu});
                }
            }
        }
        Map<String, ClassFigures> classes = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(wakes.keySet());
        names.addAll(preemptions.keySet());
        for (String c : names) {
            Map<String, Double> by = new TreeMap<>();
            preemptors.getOrDefault(c, Map.of()).forEach((k, v) -> by.put(k, v / seconds));
            classes.put(c, new ClassFigures(wakes.getOrDefault(c, 0) / seconds, preemptions.getOrDefault(c, 0) / seconds, by,
                    Spread.of(waits.getOrDefault(c, List.of())), Spread.of(cpuPerWake.getOrDefault(c, List.of()))));
        }
        List<Placement> placement = new ArrayList<>();
        placed.forEach((when, n) -> {
            int all = n[0] + n[1] + n[2];
            if (all > 0) placement.add(new Placement(when, all / seconds, (double) n[0] / all, (double) n[1] / all, (double) n[2] / all));
        });
        double[] idleQ = idleWakes.size() < MIN_IDLE_WAKES ? null
                : Percentiles.atWholePercents(idleWakes.stream().mapToDouble(Double::doubleValue).toArray());
        return new Analysis(seconds, events.size(), classes, placement, idleQ, idleWakes.size());
    }

    /**
     * The class of every thread of the brokers and the driver, by thread id: a broker's Java threads by their names in its
     * threadPrint ({@code broker.network}, {@code broker.requestHandler}, {@code broker.replicaFetcher}, {@code broker.otherJava}),
     * its other threads by /proc comm ({@code broker.gc}, {@code broker.jit}, {@code broker.vm}); the driver's by
     * {@link DriverThreads#classOf} ({@code driver.sender}, ...). Any other thread (kernel, other processes) is {@code other}.
     */
    public static LongFunction<String> threadClasses(Map<Long, String> threadPrintByBrokerPid, long driverPid, Path procRoot) {
        Map<Long, String> byTid = new HashMap<>();
        threadPrintByBrokerPid.forEach((pid, text) -> {
            if (text != null)
                for (ThreadSwitches.JavaThread t : ThreadSwitches.parse(text)) byTid.put(t.nid(), "broker." + t.threadClass().metricName());
            forEachTask(procRoot, pid, (tid, comm) -> byTid.putIfAbsent(tid,
                    GcWorkerThreads.isWorker(comm) ? "broker.gc" : CompilerThreads.isCompiler(comm) ? "broker.jit" : "broker.vm"));
        });
        forEachTask(procRoot, driverPid, (tid, comm) -> byTid.put(tid, "driver." + DriverThreads.classOf(comm)));
        return tid -> tid == 0 ? IDLE : byTid.getOrDefault(tid, "other");
    }

    private static void forEachTask(Path procRoot, long pid, java.util.function.BiConsumer<Long, String> each) {
        ProcTasks.forEach(procRoot, pid, (tid, dir) -> each.accept(tid, Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip()));
    }

    /** perf record of every CPU's scheduler events into {@code data} for {@code seconds}, started now. */
    private static ProcessBuilder record(Path data, double seconds) {
        return new ProcessBuilder("perf", "record", "-q", "-e", EVENTS, "-a", "-o", data.toString(), "--", "sleep",
                String.format(Locale.ROOT, "%.3f", seconds));
    }

    /** Removes a temporary folder of recordings (perf may have left a .old copy beside the file). */
    private static void deleteFolder(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder; deleteOnExit has the rest
        }
    }

    /** Why tracing cannot run here, or null if it can: perf must be installed and allowed to trace every CPU. */
    public static String unavailable() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tailsim-sched-probe-");
            Path data = dir.resolve("probe.data");
            Process p = record(data, 0.1).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "perf record did not finish its 0.1 s probe";
            }
            return p.exitValue() == 0 ? null : "perf record cannot trace the scheduler on every CPU here (exit " + p.exitValue() + "): "
                    + (out.isEmpty() ? "no message" : out.lines().findFirst().orElse(""));
        } catch (IOException e) {
            return "perf is not installed (Debian: linux-perf): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (dir != null) deleteFolder(dir);
        }
    }

    /** A {@code perf record} of every CPU's scheduler events for a fixed time, started now. */
    public static final class Recorder {
        private final Process process;
        private final Path data;
        private final double seconds;

        private Recorder(Process process, Path data, double seconds) {
            this.process = process;
            this.data = data;
            this.seconds = seconds;
        }

        /** Records into a fresh temporary folder, removed by {@link #finish} (or at the JVM's exit if that never runs). */
        public static Recorder start(double seconds) {
            try {
                Path scratch = Files.createTempDirectory("tailsim-sched-");
                scratch.toFile().deleteOnExit();
                Path data = scratch.resolve("sched.data");
                data.toFile().deleteOnExit();
                Process p = record(data, seconds).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return new Recorder(p, data, seconds);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start perf record", e);
            }
        }

        /** Waits for the recording to end, reads it with {@code perf script} and removes it. */
        public Analysis finish(LongFunction<String> classOf) throws InterruptedException {
            try {
                if (!process.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("perf record did not end");
                }
                Process script = new ProcessBuilder("perf", "script", "-i", data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                List<Event> events = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        Event e = parse(line);
                        if (e != null) events.add(e);
                    }
                }
                script.waitFor();
                return analyse(events, classOf, seconds);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the scheduler trace", e);
            } finally {
                process.destroyForcibly();
                deleteFolder(data.getParent());
            }
        }
    }
}
