package io.tailsim.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes engine-bench.json: a list of {engine, pending, eventsPerSecond}, replaced atomically. */
final class BenchJson {
    static final String FILE_NAME = "engine-bench.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchJson() {
    }

    static String toJson(List<EngineBench.Result> results) throws IOException {
        ArrayNode list = MAPPER.createArrayNode();
        for (EngineBench.Result r : results) {
            list.addObject()
                    .put("engine", r.engine())
                    .put("pending", r.pending())
                    .put("eventsPerSecond", Math.round(r.eventsPerSecond()));
        }
        return MAPPER.writeValueAsString(list) + "\n";
    }

    /** Writes to a temporary file in {@code dir} and renames it, so readers never see half a file. */
    static Path write(Path dir, List<EngineBench.Result> results) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        Path tmp = Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, toJson(results));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
