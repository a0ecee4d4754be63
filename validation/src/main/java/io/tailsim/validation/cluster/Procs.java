package io.tailsim.validation.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Linux process and folder helpers. */
public final class Procs {
    private Procs() {
    }

    /** A process's arguments from /proc/PID/cmdline; empty if it is gone, a zombie, or unreadable. */
    public static List<String> cmdline(long pid) {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return splitNul(b);
        } catch (IOException | SecurityException gone) {
            return List.of();
        }
    }

    static List<String> splitNul(byte[] b) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                args.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < b.length) args.add(new String(b, start, b.length - start, StandardCharsets.UTF_8));
        return args;
    }

    /** True if PID is alive and its command line holds the exact argument (guards against PID reuse). */
    public static boolean aliveWithArg(long pid, String arg) {
        return cmdline(pid).contains(arg);
    }

    public static long selfPid() {
        return ProcessHandle.current().pid();
    }

    /** PIDs of all processes on the machine (from /proc). */
    public static List<Long> allPids() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            s.forEach(p -> {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) pids.add(Long.parseLong(n));
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: this harness needs Linux", e);
        }
        return pids;
    }

    /** Removes a folder tree; returns true if nothing is left. */
    public static boolean deleteTree(Path dir) {
        if (!Files.exists(dir)) return true;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a file still being written by a dying process: the next attempt gets it
                    }
                });
            } catch (IOException ignored) {
                // the tree changed while walking: retry
            }
            if (!Files.exists(dir)) return true;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !Files.exists(dir);
    }
}
