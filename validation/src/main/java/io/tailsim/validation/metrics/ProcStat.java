package io.tailsim.validation.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** CPU time from Linux /proc, in clock ticks (USER_HZ). */
public final class ProcStat {
    private static volatile long clockTicks;

    private ProcStat() {
    }

    /**
     * Machine-wide CPU ticks since boot: busy (user+nice+system+irq+softirq+steal), total (busy+idle+iowait), and steal alone:
     * time the hypervisor ran another guest on this machine's virtual CPUs while they had work, a slowdown no process here shows.
     */
    public record MachineTicks(long busy, long total, long steal) {
    }

    /**
     * utime+stime of a process from the text of /proc/PID/stat. The command name (field 2) is in parentheses and may hold
     * spaces and parentheses itself, so fields are counted from the last ')': state is field 3, utime 14, stime 15.
     */
    public static long processTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc/PID/stat line: " + statLine);
        String[] f = statLine.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + statLine);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** utime+stime of PID (all its threads, living and exited); empty if the process is gone. */
    public static OptionalLong processTicks(long pid) {
        try {
            return OptionalLong.of(processTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII)));
        } catch (IOException gone) {
            return OptionalLong.empty();
        }
    }

    /** The aggregate "cpu " line of /proc/stat. guest time is already inside user, so it is not added again. */
    public static MachineTicks machineTicks(String procStat) {
        for (String line : procStat.split("\n")) {
            if (!line.startsWith("cpu ")) continue;
            String[] f = line.trim().split("\\s+");
            long user = l(f, 1), nice = l(f, 2), system = l(f, 3), idle = l(f, 4), iowait = l(f, 5), irq = l(f, 6), softirq = l(f, 7), steal = l(f, 8);
            long busy = user + nice + system + irq + softirq + steal;
            return new MachineTicks(busy, busy + idle + iowait, steal);
        }
        throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
    }

    private static long l(String[] f, int i) {
        return i < f.length ? Long.parseLong(f[i]) : 0;
    }

    public static MachineTicks machineTicks() {
        try {
            return machineTicks(Files.readString(Path.of("/proc/stat"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat: this harness needs Linux", e);
        }
    }

    /**
     * The "some" line's cumulative total (microseconds) of Linux pressure stall information for CPU: time during which at least
     * one runnable task was waiting for a CPU. Its rate over a window is the fraction of that window with CPU contention.
     */
    public static OptionalLong cpuPressureSomeMicros(String pressure) {
        for (String line : pressure.split("\n")) {
            if (!line.startsWith("some ")) continue;
            for (String f : line.trim().split("\\s+"))
                if (f.startsWith("total=")) return OptionalLong.of(Long.parseLong(f.substring("total=".length())));
        }
        return OptionalLong.empty();
    }

    /** Empty where the kernel has no PSI (before 4.20, or disabled). */
    public static OptionalLong cpuPressureSomeMicros() {
        try {
            return cpuPressureSomeMicros(Files.readString(Path.of("/proc/pressure/cpu"), StandardCharsets.US_ASCII));
        } catch (IOException | UnsupportedOperationException absent) {
            return OptionalLong.empty();
        }
    }

    /** USER_HZ from `getconf CLK_TCK`; 100 (the Linux value on every common architecture) if getconf is missing. */
    public static long clockTicksPerSecond() {
        long t = clockTicks;
        if (t > 0) return t;
        t = 100;
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) t = Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            // keep 100
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clockTicks = t;
        return t;
    }
}
