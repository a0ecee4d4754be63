package io.tailsim.validation.compare;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.validation.MeasuredRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real runs kept in a validation folder: DIR/measured-K.json for K = 1, 2, ... (one {@link MeasuredRun} each, written as
 * soon as the run ends), and DIR/measured.json, the {@link MeasuredReference} made from all of them. A folder written before
 * runs were repeated holds one run as DIR/measured.json itself; it is adopted as run 1 (copied to measured-1.json) the first
 * time the runs are listed.
 */
public final class MeasuredRuns {
    public static final Pattern RUN_FILE = Pattern.compile("measured-(\\d+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MeasuredRuns() {
    }

    public static Path file(Path dir, int run) {
        return dir.resolve("measured-" + run + ".json");
    }

    /** Run number to file, in run order; adopts a single-run measured.json of the earlier layout as run 1. */
    public static TreeMap<Integer, Path> list(Path dir) {
        TreeMap<Integer, Path> runs = scan(dir);
        Path single = dir.resolve(Validation.MEASURED_JSON);
        if (runs.isEmpty() && Files.isRegularFile(single) && isSingleRun(read(single))) {
            copy(single, file(dir, 1));
            runs.put(1, file(dir, 1));
        }
        return runs;
    }

    public static int count(Path dir) {
        return list(dir).size();
    }

    /** The number the next run gets: one more than the largest kept. */
    public static int next(Path dir) {
        TreeMap<Integer, Path> runs = list(dir);
        return runs.isEmpty() ? 1 : runs.lastKey() + 1;
    }

    public static Path write(Path dir, int run, MeasuredRun measured) {
        Path f = file(dir, run);
        ResultFiles.writeString(f, measured.toJson());
        return f;
    }

    public static Map<Integer, MeasuredRun> readAll(Path dir) {
        Map<Integer, MeasuredRun> runs = new LinkedHashMap<>();
        list(dir).forEach((k, f) -> runs.put(k, MeasuredRun.fromJson(read(f))));
        return runs;
    }

    /** Removes every kept run and the reference made from them. */
    public static void deleteAll(Path dir) {
        try {
            for (Path f : scan(dir).values()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir.resolve(Validation.MEASURED_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the measured runs in " + dir, e);
        }
    }

    public static void writeReference(Path dir, MeasuredReference ref) {
        try {
            ResultFiles.writeString(dir.resolve(Validation.MEASURED_JSON), JSON.writeValueAsString(ref));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the reference", e);
        }
    }

    /** DIR/measured.json as a reference (a single run of the earlier layout becomes a one-run reference), or null if absent. */
    public static MeasuredReference readReference(Path dir) {
        Path f = dir.resolve(Validation.MEASURED_JSON);
        if (!Files.isRegularFile(f)) return null;
        String text = read(f);
        try {
            if (isSingleRun(text)) return MeasuredReference.of(MeasuredRun.fromJson(text));
            return JSON.readValue(text, MeasuredReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static boolean isSingleRun(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n.has("runId") && n.has("producerLatencyMs");
        } catch (IOException e) {
            return false;
        }
    }

    private static TreeMap<Integer, Path> scan(Path dir) {
        TreeMap<Integer, Path> runs = new TreeMap<>();
        if (!Files.isDirectory(dir)) return runs;
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                Matcher m = RUN_FILE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) runs.put(Integer.parseInt(m.group(1)), p);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return runs;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
