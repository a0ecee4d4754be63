package io.tailsim.validation.metrics;

import io.tailsim.validation.calibrate.MachineProbe;
import io.tailsim.validation.cluster.Procs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The file work of a partition's first appends (a segment's index files created and mapped, a leader-epoch checkpoint
 * written and forced: {@link MachineProbe}) timed once every {@value #PERIOD_MS} ms while a run's cluster is under load,
 * on the disk where the brokers keep their logs. On an idle machine the index creation takes a few milliseconds; beside a
 * loaded cluster (its fsyncs, its page faults, busy cores) ten times more, which is what the brokers' own first appends
 * pay (docs/validation/partition-stalls.md). Calibration runs only: it adds a little I/O to the run.
 */
public final class FileWorkProbe {
    static final int PERIOD_MS = 1000;

    private final Path base;
    private final List<Double> indexCreateMs = new ArrayList<>();
    private final List<Double> checkpointWriteMs = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;

    private FileWorkProbe(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.base = Files.createTempDirectory(dir, "tailsim-file-work-");
        this.thread = new Thread(this::run, "tailsim-file-work-probe");
        thread.setDaemon(true);
    }

    /** Starts probing in a fresh folder under {@code dir} (the brokers' log base); null if the folder cannot be made. */
    public static FileWorkProbe start(Path dir) {
        try {
            FileWorkProbe p = new FileWorkProbe(dir);
            p.thread.start();
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    private void run() {
        int i = 0;
        long next = System.nanoTime() + PERIOD_MS * 500_000L;
        while (!stopping) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            next += PERIOD_MS * 1_000_000L;
            try {
                Path partition = Files.createDirectory(base.resolve("probe-" + i++));
                double index = MachineProbe.indexCreateNanos(partition) / 1e6;
                double checkpoint = MachineProbe.checkpointWriteNanos(partition) / 1e6;
                synchronized (this) {
                    indexCreateMs.add(index);
                    checkpointWriteMs.add(checkpoint);
                }
            } catch (IOException | RuntimeException e) {
                // a full disk or a removed folder: no sample this time
            }
        }
    }

    /** Stops, removes its files and returns {index creation ms, checkpoint write ms}, one value per probe. */
    public List<List<Double>> stop() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Procs.deleteTree(base);
        synchronized (this) {
            return List.of(List.copyOf(indexCreateMs), List.copyOf(checkpointWriteMs));
        }
    }
}
