package io.tailsim.validation.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One running node: its JVM process, ports and folder. */
public final class BrokerProcess {
    static final String STARTED = "Kafka Server started";

    private final NodeLayout layout;
    private final Path dir;
    private final Process process;
    private long logOffset;
    private boolean started;

    BrokerProcess(NodeLayout layout, Path dir, Process process) {
        this.layout = layout;
        this.dir = dir;
        this.process = process;
    }

    public int nodeId() {
        return layout.nodeId();
    }

    public NodeLayout layout() {
        return layout;
    }

    public long pid() {
        return process.pid();
    }

    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve("server.log");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** Reads the log from where the last call stopped; true once "Kafka Server started" has appeared. */
    boolean pollStarted() throws IOException {
        if (started) return true;
        Path log = logFile();
        if (!Files.exists(log)) return false;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long len = f.length();
            // Re-read a little before the offset so a line split across two polls is still seen whole.
            long from = Math.max(0, logOffset - STARTED.length());
            if (len <= from) return false;
            byte[] b = new byte[(int) Math.min(len - from, 4 << 20)];
            f.seek(from);
            f.readFully(b);
            logOffset = from + b.length;
            started = new String(b, StandardCharsets.UTF_8).contains(STARTED);
        }
        return started;
    }

    /** The log's last lines, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
