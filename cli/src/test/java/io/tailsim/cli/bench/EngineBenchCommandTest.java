package io.tailsim.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code bench engine} at tiny sizes: checks shape and consistency, never speed. */
class EngineBenchCommandTest {
    private static final List<String> ENGINES =
            List.of("tailsim", "ssj-splaytree", "ssj-binarytree", "java-priorityqueue");

    @Test
    void writesOneEntryPerEngineAndSize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested/out");
        int exit = Main.execute("bench", "engine", "--out", out.toString(), "--sizes", "1,10,100",
                "--runs", "2", "--warmup", "1", "--events", "300");
        assertThat(exit).isZero();

        JsonNode json = new ObjectMapper().readTree(out.resolve("engine-bench.json").toFile());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(12);
        List<String> pairs = new ArrayList<>();
        for (JsonNode row : json) {
            List<String> fields = new ArrayList<>();
            row.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("engine", "pending", "eventsPerSecond");
            assertThat(row.get("engine").isTextual()).isTrue();
            assertThat(row.get("pending").isInt()).isTrue();
            assertThat(row.get("eventsPerSecond").isNumber()).isTrue();
            assertThat(row.get("eventsPerSecond").asDouble()).isPositive();
            pairs.add(row.get("engine").asText() + "@" + row.get("pending").asInt());
        }
        List<String> expected = new ArrayList<>();
        for (int n : new int[] {1, 10, 100}) {
            ENGINES.forEach(e -> expected.add(e + "@" + n));
        }
        assertThat(pairs).containsExactlyElementsOf(expected);
        // Only the result is left behind: the temporary file was renamed over it.
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("engine-bench.json");
        }
    }

    @Test
    void everyEngineFiresTheSameNumberOfEventsAtTheSameTimes() {
        int warmup = 1;
        int runs = 3;
        long events = 1_000;
        List<EngineKind> all = Arrays.asList(EngineKind.values());
        List<EngineBench.Result> results = EngineBench.run(new EngineBench.Settings(List.of(1, 7, 500), all,
                warmup, runs, events, HoldModel.DEFAULT_MEAN_DELAY_NANOS, 99), line -> { });

        assertThat(results).hasSize(12);
        assertThat(results).extracting(EngineBench.Result::engine).containsOnly(ENGINES.toArray(String[]::new));
        for (EngineBench.Result r : results) {
            assertThat(r.eventsFired()).as(r.toString()).isEqualTo((warmup + runs) * events);
            assertThat(r.pendingAfter()).as(r.toString()).isEqualTo(r.pending());
        }
        for (int n : new int[] {1, 7, 500}) {
            assertThat(results.stream().filter(r -> r.pending() == n).map(EngineBench.Result::clockNanos).distinct())
                    .as("final clock at pending=%d", n).hasSize(1);
        }
    }

    @Test
    void rejectsBadSizesWithoutAStackTrace(@TempDir Path dir) {
        int exit = Main.execute("bench", "engine", "--out", dir.toString(), "--sizes", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("engine-bench.json")).doesNotExist();
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(EngineBench.median(new double[] {1, 2, 3})).isEqualTo(2);
        assertThat(EngineBench.median(new double[] {1, 2, 4, 8})).isEqualTo(3);
    }
}
