package io.tailsim.validation.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stop-the-world pauses a broker's G1 logged (-Xlog:gc*:file=gc.log:time,tags, BrokerConfig): each "Pause Young",
 * "Pause Remark", "Pause Cleanup" or "Pause Full" line of the gc tag, with its wall-clock time and length. JMX's
 * CollectionTime gives only their sum (and leaves Remark and Cleanup out); the model's pause lengths come from these.
 */
public final class GcPauses {
    /** {@code [2026-12-06T04:26:21.049+0000][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 52M->9M(1024M) 22.995ms} */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\]\\[gc\\s*\\] GC\\(\\d+\\) Pause .*? (\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcPauses() {
    }

    /** One pause: when it ended (the line's time, epoch ms) and how long it stopped the JVM (ms). */
    public record Pause(long endEpochMs, double ms) {
    }

    /** The pauses of one log's lines, in order; lines that are not a pause's summary are skipped. */
    public static List<Pause> parse(Stream<String> lines) {
        List<Pause> out = new ArrayList<>();
        lines.forEach(line -> {
            Matcher m = PAUSE.matcher(line);
            if (m.matches()) {
                try {
                    long t = OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
                    out.add(new Pause(t, Double.parseDouble(m.group(2))));
                } catch (DateTimeParseException e) {
                    // a line with another decoration (uptime instead of time): not ours to place in the window
                }
            }
        });
        return out;
    }

    /**
     * The lengths (ms) of the pauses that ended within [fromEpochMs, toEpochMs], read from every {@code gc.log*} file (the
     * current one and any rotated ones) in each node directory; directories without a log add nothing.
     */
    public static List<Double> inWindow(List<Path> nodeDirs, long fromEpochMs, long toEpochMs) {
        List<Double> out = new ArrayList<>();
        for (Path dir : nodeDirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("gc.log")).sorted().toList()) {
                    try (Stream<String> lines = Files.lines(f)) {
                        for (Pause p : parse(lines)) {
                            if (p.endEpochMs() >= fromEpochMs && p.endEpochMs() <= toEpochMs) out.add(p.ms());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the GC log in " + dir, e);
            }
        }
        return out;
    }
}
