package io.tailsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tailsim.scenarios.result.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    static final Path TINY = Path.of("src/test/resources/scenarios/tiny.yaml");
    static final Path MISSPELT = Path.of("src/test/resources/scenarios/misspelt.yaml");

    record Outcome(int exit, String err) {
    }

    static Outcome run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, err.toString());
    }

    @Test
    void sameSeedGivesIdenticalResultsWhateverTheThreadCount(@TempDir Path tmp) throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertThat(run("run", TINY.toString(), "--threads", "1", "--out", one.toString()).exit()).isZero();
        assertThat(run("run", TINY.toString(), "--threads", "3", "--out", two.toString()).exit()).isZero();

        assertThat(withoutWallClock(one.resolve("summary.json"))).isEqualTo(withoutWallClock(two.resolve("summary.json")));
        assertThat(Files.readAllBytes(one.resolve("latency.hlog"))).isEqualTo(Files.readAllBytes(two.resolve("latency.hlog")));

        JsonNode s = ResultFiles.json().readTree(one.resolve("summary.json").toFile());
        assertThat(s.get("replications").asInt()).isEqualTo(3);
        assertThat(s.get("simulatedSeconds").asDouble()).isEqualTo(3.0);
        assertThat(s.has("wallSeconds")).isTrue();
        for (String p : new String[] {"p50", "p95", "p99", "p99.9", "max", "mean"}) {
            assertThat(s.get("producerLatencyMs").get(p).asDouble()).as(p).isPositive();
            assertThat(s.get("producerLatencyMs").get("ci95").get(p)).as("ci95 " + p).hasSize(2);
        }
        for (String c : new String[] {"produce", "publish", "commit", "catchUp", "fetch"}) {
            assertThat(s.get("components").has(c)).as(c).isTrue();
        }
        assertThat(s.get("throughputMBps").asDouble()).isBetween(0.9, 1.1);
        assertThat(s.get("produceRequestsPerSec").asDouble()).isPositive();
        assertThat(s.get("brokers")).hasSize(3);
        assertThat(s.get("brokers").get(0).get("cpuUtilization").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(one.resolve("summary.csv"))).startsWith("metric,value\n").contains("producerLatencyMs.p99,");
    }

    @Test
    void differentSeedsGiveDifferentResults(@TempDir Path tmp) throws Exception {
        run("run", TINY.toString(), "--replications", "1", "--seed", "1", "--out", tmp.resolve("a").toString());
        run("run", TINY.toString(), "--replications", "1", "--seed", "2", "--out", tmp.resolve("b").toString());
        assertThat(withoutWallClock(tmp.resolve("a/summary.json"))).isNotEqualTo(withoutWallClock(tmp.resolve("b/summary.json")));
    }

    @Test
    void misspeltKeyIsAUserErrorWithLineAndSuggestionAndNoOutput(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Outcome o = run("run", MISSPELT.toString(), "--out", out.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("misspelt.yaml").contains(":11").contains("linger_ms").contains("linger.ms")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingFileAndBadOptionsAreUserErrors(@TempDir Path tmp) {
        Outcome missing = run("run", tmp.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").doesNotContain("\tat ");
        Outcome zero = run("run", TINY.toString(), "--replications", "0", "--out", tmp.resolve("z").toString());
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--replications");
        assertThat(run("run", TINY.toString(), "--threads", "many").exit()).isEqualTo(2);
    }

    private static JsonNode withoutWallClock(Path summary) throws Exception {
        ObjectNode n = (ObjectNode) ResultFiles.json().readTree(summary.toFile());
        n.remove("wallSeconds");
        return n;
    }
}
