package io.tailsim.validation.calibrate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;

/**
 * Direct measurements of this machine for its hardware profile: loopback latency and bandwidth (every broker and client here
 * talks over 127.0.0.1), sequential disk writes where the brokers keep their logs, and the kernel's page-cache limits.
 */
public final class MachineProbe {
    private static final String HOST = "127.0.0.1";

    private MachineProbe() {
    }

    /** One-way times (half of each round trip) of small TCP messages on 127.0.0.1, in nanoseconds, after a warm-up. */
    public static double[] loopbackOneWayNanos(int roundTrips, int messageBytes) {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            Thread echo = new Thread(() -> echo(server, messageBytes), "tailsim-loopback-echo");
            echo.setDaemon(true);
            echo.start();
            try (Socket s = new Socket(HOST, server.getLocalPort())) {
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                byte[] msg = new byte[messageBytes];
                int warmup = Math.max(100, roundTrips / 10);
                double[] oneWay = new double[roundTrips];
                for (int i = -warmup; i < roundTrips; i++) {
                    long t = System.nanoTime();
                    out.write(msg);
                    out.flush();
                    readFully(in, msg);
                    if (i >= 0) oneWay[i] = (System.nanoTime() - t) / 2.0;
                }
                return oneWay;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("loopback latency probe failed", e);
        }
    }

    private static void echo(ServerSocket server, int messageBytes) {
        try (Socket c = server.accept()) {
            c.setTcpNoDelay(true);
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            byte[] msg = new byte[messageBytes];
            while (readFully(in, msg)) {
                out.write(msg);
                out.flush();
            }
        } catch (IOException closed) {
            // the prober closed its end
        }
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int n = 0;
        while (n < b.length) {
            int r = in.read(b, n, b.length - n);
            if (r < 0) return false;
            n += r;
        }
        return true;
    }

    /** Bytes per second of one TCP stream through 127.0.0.1 (the loopback "NIC"). */
    public static double loopbackBytesPerSecond(long totalBytes) {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            long[] received = new long[1];
            Thread sink = new Thread(() -> {
                try (Socket c = server.accept(); DataInputStream in = new DataInputStream(c.getInputStream())) {
                    byte[] buf = new byte[1 << 16];
                    int r;
                    while ((r = in.read(buf)) > 0) received[0] += r;
                } catch (IOException ignored) {
                    // sender gone
                }
            }, "tailsim-loopback-sink");
            sink.start();
            long t;
            try (Socket s = new Socket(HOST, server.getLocalPort()); DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
                byte[] buf = new byte[1 << 16];
                t = System.nanoTime();
                for (long sent = 0; sent < totalBytes; sent += buf.length) out.write(buf);
                out.flush();
            }
            sink.join();
            return received[0] / ((System.nanoTime() - t) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("loopback bandwidth probe failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sequential write of {@code totalBytes} into {@code dir} in 1 MiB blocks, forced to the device, in bytes per second; the file is removed. */
    public static double diskWriteBytesPerSecond(Path dir, long totalBytes) {
        Path f = null;
        try {
            Files.createDirectories(dir);
            f = Files.createTempFile(dir, "tailsim-disk-probe-", ".bin");
            ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < block.capacity(); i++) block.put((byte) (i * 31));
            long t = System.nanoTime();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                for (long written = 0; written < totalBytes; written += block.capacity()) {
                    block.rewind();
                    while (block.hasRemaining()) ch.write(block);
                }
                ch.force(true);
            }
            return totalBytes / ((System.nanoTime() - t) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("disk write probe in " + dir + " failed", e);
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file in the run base; the OS cleans tmp
                }
            }
        }
    }

    /**
     * The blocking file work of a replica's first appends, done as Kafka does it, in {@code dir} (where the brokers keep their
     * logs), with a file forced to the device every 500 ms beside it as the nodes' KRaft metadata logs are: a segment's offset
     * and time indexes created, sized to segment.index.bytes (10 MiB), memory-mapped and their first entries written (LazyIndex,
     * on a segment's first index entry); and a leader-epoch checkpoint written to a temporary file, forced, moved over the old
     * one and its directory forced (CheckpointFile, on a log's first append). Returns {index creation, checkpoint write}, each
     * its samples' values at 0%, 1%, ..., 100% in nanoseconds; the files are removed.
     */
    public static double[][] firstAppendFileWorkNanos(Path dir, int samples) {
        Path base = null;
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread syncer = null;
        try {
            Files.createDirectories(dir);
            base = Files.createTempDirectory(dir, "tailsim-file-probe-");
            Path meta = base.resolve("metadata.log");
            syncer = new Thread(() -> {
                try (FileChannel ch = FileChannel.open(meta, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ByteBuffer record = ByteBuffer.allocate(128);
                    while (!done.get()) {
                        record.rewind();
                        ch.write(record);
                        ch.force(true);
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException e) {
                    // the probe is over
                }
            }, "tailsim-file-probe-syncer");
            syncer.setDaemon(true);
            syncer.start();
            double[] index = new double[samples];
            double[] checkpoint = new double[samples];
            for (int i = 0; i < samples; i++) {
                Path partition = Files.createDirectory(base.resolve("topic-" + i));
                Thread.sleep(20);
                index[i] = indexCreateNanos(partition);
                Thread.sleep(20);
                checkpoint[i] = checkpointWriteNanos(partition);
            }
            return new double[][]{percentiles(index), percentiles(checkpoint)};
        } catch (IOException e) {
            throw new UncheckedIOException("file probe in " + dir + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            done.set(true);
            if (syncer != null) syncer.interrupt();
            if (base != null) io.tailsim.validation.cluster.Procs.deleteTree(base);
        }
    }

    /** Creates a segment's offset and time index in {@code partition} as LazyIndex does on its first entry: nanoseconds taken. */
    public static long indexCreateNanos(Path partition) throws IOException {
        long t = System.nanoTime();
        mapIndex(partition.resolve("00000000000000000000.index"), 10 << 20);
        mapIndex(partition.resolve("00000000000000000000.timeindex"), (10 << 20) / 12 * 12);
        return System.nanoTime() - t;
    }

    /** Writes a leader-epoch checkpoint in {@code partition} as CheckpointFile does: nanoseconds taken. */
    public static long checkpointWriteNanos(Path partition) throws IOException {
        long t = System.nanoTime();
        Path tmp = partition.resolve("leader-epoch-checkpoint.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap("0\n1\n0 0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, partition.resolve("leader-epoch-checkpoint"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(partition, StandardOpenOption.READ)) {
            d.force(true);
        }
        return System.nanoTime() - t;
    }

    private static java.nio.MappedByteBuffer mapIndex(Path file, int bytes) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
            java.nio.MappedByteBuffer m = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            m.putLong(0, 1L);
            return m;
        }
    }

    /** Values at 0%, 1%, ..., 100% (nearest rank). */
    static double[] percentiles(double[] xs) {
        return io.tailsim.validation.metrics.Percentiles.atWholePercents(xs);
    }

    /** A /proc/meminfo field in bytes ("MemTotal"), if the kernel has it. */
    public static OptionalLong meminfoBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(field + ":")) {
                    String[] p = line.substring(field.length() + 1).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(p[0]) * (p.length > 1 && p[1].equals("kB") ? 1024 : 1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** A /proc/sys/vm value ("dirty_background_ratio"), if readable. */
    public static OptionalLong vm(String name) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(Path.of("/proc/sys/vm", name)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Mean and coefficient of variation of samples. */
    public static double[] meanAndCv(double[] xs) {
        double sum = 0, sq = 0;
        for (double x : xs) {
            sum += x;
            sq += x * x;
        }
        double mean = sum / xs.length;
        double var = Math.max(0, sq / xs.length - mean * mean);
        return new double[]{mean, Math.sqrt(var) / mean};
    }

    /** The CPU model line of /proc/cpuinfo, for reports. */
    public static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }
}
