package io.tailsim.validation.cluster;

import io.tailsim.validation.RefusedRunException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs on this machine, one pid file each under a base folder (default ${java.io.tmpdir}/tailsim-kafka): the driver's PID, the
 * run folder, and the broker PIDs as they start. The watchdog reads the same file. A new run refuses to start while any
 * tailsim broker is alive or another live driver holds a run; entries of dead runs are removed with their folders.
 */
public final class RunRegistry {
    public static final String MARKER_PROPERTY = "tailsim.run";
    private static final String LOCK_FILE = "registry.lock";
    /** Runs still open in this JVM: a second cluster in the same driver is refused too. */
    private static final Set<String> OPEN_HERE = ConcurrentHashMap.newKeySet();
    /** FileChannel.lock is per JVM, not per thread: serialise this JVM's threads first. */
    private static final Object JVM_LOCK = new Object();

    private final Path base;

    public RunRegistry(Path base) {
        this.base = base;
    }

    public static Path defaultBase() {
        return Path.of(System.getProperty("java.io.tmpdir"), "tailsim-kafka");
    }

    public Path base() {
        return base;
    }

    /** The exact broker JVM argument that marks a run's processes. */
    public static String marker(String runId) {
        return "-D" + MARKER_PROPERTY + "=" + runId;
    }

    public record Entry(String runId, long driverPid, Path runDir, List<Long> brokerPids, Path file) {
        public Entry withBroker(long pid) {
            List<Long> b = new ArrayList<>(brokerPids);
            b.add(pid);
            return new Entry(runId, driverPid, runDir, List.copyOf(b), file);
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("run ").append(runId).append('\n');
            sb.append("driver ").append(driverPid).append('\n');
            sb.append("dir ").append(runDir).append('\n');
            for (long p : brokerPids) sb.append("broker ").append(p).append('\n');
            return sb.toString();
        }

        static Entry parse(String text, Path file) {
            String run = null;
            long driver = -1;
            Path dir = null;
            List<Long> brokers = new ArrayList<>();
            for (String line : text.split("\n")) {
                int sp = line.indexOf(' ');
                if (sp < 0) continue;
                String k = line.substring(0, sp), v = line.substring(sp + 1).trim();
                try {
                    switch (k) {
                        case "run" -> run = v;
                        case "driver" -> driver = Long.parseLong(v);
                        case "dir" -> dir = Path.of(v);
                        case "broker" -> brokers.add(Long.parseLong(v));
                        default -> { }
                    }
                } catch (NumberFormatException ignored) {
                    // a torn line from a crashed writer: the rest of the entry still counts
                }
            }
            return new Entry(run, driver, dir, List.copyOf(brokers), file);
        }
    }

    /** A tailsim broker process found alive on the machine. */
    record LiveBroker(long pid, String runId) {
    }

    /**
     * Checks that no other run is alive, then creates the run folder and writes this run's entry, all under a file lock so two
     * drivers cannot both pass the check.
     */
    public Entry register(String runId, Path runDir) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(base);
                try (FileChannel ch = FileChannel.open(base.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = ch.lock()) {
                    List<String> alive = new ArrayList<>();
                    for (LiveBroker b : liveBrokers())
                        alive.add("broker PID " + b.pid() + " of run " + b.runId());
                    for (Entry e : entries()) {
                        if (isActive(e)) alive.add("run " + e.runId() + " (driver PID " + e.driverPid() + ", folder " + e.runDir() + ")");
                        else removeStale(e);
                    }
                    if (!alive.isEmpty())
                        throw new RefusedRunException("another tailsim Kafka run is alive on this machine: " + String.join("; ", alive)
                                + ". Two clusters would share the 2 cores and spoil both measurements: wait for it to finish or stop it.");
                    Files.createDirectories(runDir);
                    Entry e = new Entry(runId, Procs.selfPid(), runDir, List.of(), base.resolve("run-" + runId + ".pids"));
                    write(e);
                    OPEN_HERE.add(runId);
                    return e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the run registry in " + base, e);
            }
        }
    }

    public Entry addBroker(Entry e, long pid) {
        Entry next = e.withBroker(pid);
        write(next);
        return next;
    }

    /** Forgets the run: called after its brokers are stopped and its folder removed. */
    public void remove(Entry e) {
        OPEN_HERE.remove(e.runId());
        try {
            Files.deleteIfExists(e.file());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot remove " + e.file(), ex);
        }
    }

    List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(base)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                String n = f.getFileName().toString();
                if (!n.startsWith("run-") || !n.endsWith(".pids")) continue;
                try {
                    out.add(Entry.parse(Files.readString(f), f));
                } catch (IOException vanished) {
                    // removed by its owner or its watchdog between list and read
                }
            }
        }
        return out;
    }

    /** Every process on the machine started as a tailsim broker (kafka.Kafka with the run marker). */
    static List<LiveBroker> liveBrokers() {
        String prefix = "-D" + MARKER_PROPERTY + "=";
        List<LiveBroker> out = new ArrayList<>();
        for (long pid : Procs.allPids()) {
            List<String> args = Procs.cmdline(pid);
            if (!args.contains("kafka.Kafka")) continue;
            for (String a : args) {
                if (a.startsWith(prefix)) {
                    out.add(new LiveBroker(pid, a.substring(prefix.length())));
                    break;
                }
            }
        }
        return out;
    }

    boolean isActive(Entry e) {
        if (e.runId() == null) return false;
        String marker = marker(e.runId());
        for (long p : e.brokerPids()) if (Procs.aliveWithArg(p, marker)) return true;
        if (e.driverPid() == Procs.selfPid()) return OPEN_HERE.contains(e.runId());
        // A live driver whose folder exists may be between registering and starting its brokers.
        boolean driverAlive = ProcessHandle.of(e.driverPid()).map(ProcessHandle::isAlive).orElse(false);
        return driverAlive && e.runDir() != null && Files.exists(e.runDir());
    }

    private void removeStale(Entry e) throws IOException {
        if (e.runDir() != null && e.runDir().toAbsolutePath().normalize().startsWith(base.toAbsolutePath().normalize()))
            Procs.deleteTree(e.runDir());
        Files.deleteIfExists(e.file());
    }

    private void write(Entry e) {
        try {
            Path tmp = e.file().resolveSibling(e.file().getFileName() + ".tmp");
            Files.writeString(tmp, e.render(), StandardCharsets.UTF_8);
            // Atomic so the watchdog never reads half a file.
            Files.move(tmp, e.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + e.file(), ex);
        }
    }
}
