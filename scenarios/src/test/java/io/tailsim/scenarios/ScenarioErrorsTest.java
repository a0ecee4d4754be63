package io.tailsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of user mistake gets a ScenarioException naming the file, the line, the key and what
 * was expected; a misspelt key also gets the nearest valid one.
 */
class ScenarioErrorsTest {
    /** A valid scenario; the tests break one line of it at a time. Line numbers are those of this text. */
    static final String VALID = String.join("\n",
            "profile: profile.yaml",                                   // 1
            "cluster:",                                                // 2
            "  num.io.threads: 8",                                     // 3
            "topics:",                                                 // 4
            "  events:",                                               // 5
            "    partitions: 12",                                      // 6
            "    replication.factor: 3",                               // 7
            "    min.insync.replicas: 2",                              // 8
            "producers:",                                              // 9
            "  main:",                                                 // 10
            "    topic: events",                                       // 11
            "    count: 9",                                            // 12
            "    rate: 9MB/s",                                         // 13
            "    record: {key-bytes: 4, value-bytes: 512}",            // 14
            "    linger.ms: 5",                                        // 15
            "    batch.size: 16KiB",                                   // 16
            "consumers:",                                              // 17
            "  readers:",                                              // 18
            "    topic: events",                                       // 19
            "    count: 3",                                            // 20
            "duration: 20s",                                           // 21
            "warmup: 2s",                                              // 22
            "");

    @TempDir
    Path dir;

    @BeforeEach
    void profile() throws IOException {
        Files.copy(Path.of("../profiles/latency-blog-r5xlarge.yaml"), dir.resolve("profile.yaml"));
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text);
        return f;
    }

    private Path replace(String line, String with) throws IOException {
        assertThat(VALID).contains(line);
        return write(VALID.replace(line, with));
    }

    private ScenarioException error(Path file) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Scenario.load(file));
        assertThat(t).isInstanceOf(ScenarioException.class);
        ScenarioException e = (ScenarioException) t;
        assertThat(e.getMessage()).contains("bad.yaml");
        assertThat(e.getStackTrace()).as("no stack trace for a user's mistake").isEmpty();
        return e;
    }

    @Test
    void theValidTemplateLoads() throws IOException {
        Scenario s = Scenario.load(write(VALID));
        assertThat(s.spec().producerGroups().get(0).arrival().meanRate()).isEqualTo(9e6 / 516 / 9);
    }

    @Test
    void malformedYamlReportsTheParsersLocation() throws IOException {
        ScenarioException e = error(replace("    count: 9", "    count: [9"));
        assertThat(e.getMessage()).contains("malformed YAML");
        assertThat(e.line()).isBetween(12, 13);
    }

    @Test
    void anEmptyFile() throws IOException {
        assertThat(error(write("")).getMessage()).contains("the file is empty").contains("expected a scenario");
        assertThat(error(write("# just a comment\n")).getMessage()).contains("the file is empty");
    }

    @Test
    void aDuplicateKeyNamesBothLines() throws IOException {
        ScenarioException e = error(replace("    batch.size: 16KiB", "    batch.size: 16KiB\n    linger.ms: 10"));
        assertThat(e.getMessage()).contains("bad.yaml:17:5").contains("producers.main.linger.ms")
                .contains("duplicate key").contains("line 15");
    }

    @Test
    void aMisspeltKeyGetsTheNearestValidOne() throws IOException {
        ScenarioException e = error(replace("    linger.ms: 5", "    linger_ms: 5"));
        assertThat(e.getMessage()).contains("bad.yaml:15:5").contains("producers.main.linger_ms")
                .contains("unknown key 'linger_ms'").contains("did you mean 'linger.ms'?");
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.keyPath()).isEqualTo("producers.main.linger_ms");
    }

    @Test
    void aMisspeltTopLevelKey() throws IOException {
        ScenarioException e = error(replace("duration: 20s", "durration: 20s"));
        assertThat(e.getMessage()).contains("bad.yaml:21:1").contains("did you mean 'duration'?");
    }

    @Test
    void anUnknownKeyWithNothingNearListsTheValidOnes() throws IOException {
        ScenarioException e = error(replace("    partitions: 12", "    partitions: 12\n    colour: blue"));
        assertThat(e.getMessage()).contains("bad.yaml:7:5").contains("topics.events.colour")
                .contains("expected one of: partitions, replication.factor, min.insync.replicas");
    }

    @Test
    void aRealKafkaConfigThatIsNotModelledSaysSo() throws IOException {
        ScenarioException e = error(replace("    linger.ms: 5", "    enable.idempotence: true"));
        assertThat(e.getMessage()).contains("bad.yaml:15:5").contains("producers.main.enable.idempotence")
                .contains("Kafka producer config that tailsim does not model");
    }

    @Test
    void processRolesTakesKafkasValues() throws IOException {
        Scenario s = Scenario.load(replace("  num.io.threads: 8", "  num.io.threads: 8\n  process.roles: broker,controller"));
        assertThat(s.spec().brokerConfig().processRoles()).isEqualTo(io.tailsim.models.config.ProcessRoles.BROKER_CONTROLLER);
        assertThat(Scenario.load(write(VALID)).spec().brokerConfig().processRoles())
                .isEqualTo(io.tailsim.models.config.ProcessRoles.BROKER);
        ScenarioException e = error(replace("  num.io.threads: 8", "  num.io.threads: 8\n  process.roles: controler"));
        assertThat(e.getMessage()).contains("bad.yaml:4:18").contains("cluster.process.roles")
                .contains("expected one of 'broker', 'broker,controller', got 'controler'");
    }

    @Test
    void wrongTypes() throws IOException {
        ScenarioException e = error(replace("    count: 9", "    count: many"));
        assertThat(e.getMessage()).contains("bad.yaml:12:12").contains("producers.main.count").contains("expected a whole number");
        e = error(replace("    topic: events\n    count: 9", "    topic: [events]\n    count: 9"));
        assertThat(e.getMessage()).contains("bad.yaml:11").contains("producers.main.topic").contains("expected a single value, got a list");
        e = error(replace("topics:\n  events:", "topics:\n  events: 12\n  other:"));
        assertThat(e.getMessage()).contains("bad.yaml:5").contains("topics.events").contains("expected a mapping");
        e = error(replace("  readers:\n", "  readers:\n    enable.auto.commit: yes\n"));
        assertThat(e.getMessage()).contains("bad.yaml:19").contains("consumers.readers.enable.auto.commit").contains("true or false");
    }

    @Test
    void wrongUnitsNameTheExpectedOnes() throws IOException {
        ScenarioException e = error(replace("    linger.ms: 5", "    linger.ms: 5MB"));
        assertThat(e.getMessage()).contains("bad.yaml:15:16").contains("producers.main.linger.ms")
                .contains("'5MB' is a size").contains("expected a duration in ns, us, ms, s, m or h");
        e = error(replace("duration: 20s", "duration: 20"));
        assertThat(e.getMessage()).contains("bad.yaml:21").contains("duration").contains("has no unit");
        e = error(replace("    batch.size: 16KiB", "    batch.size: 16ms"));
        assertThat(e.getMessage()).contains("bad.yaml:16").contains("batch.size").contains("expected a size");
        e = error(replace("    rate: 9MB/s", "    rate: 9MB"));
        assertThat(e.getMessage()).contains("bad.yaml:13").contains("producers.main.rate").contains("expected a rate");
    }

    @Test
    void negativeOrZeroWherePositiveIsNeeded() throws IOException {
        ScenarioException e = error(replace("    count: 9", "    count: 0"));
        assertThat(e.getMessage()).contains("bad.yaml:12").contains("producers.main.count").contains("at least 1");
        e = error(replace("    partitions: 12", "    partitions: -3"));
        assertThat(e.getMessage()).contains("bad.yaml:6").contains("topics.events.partitions").contains("at least 1");
        e = error(replace("    linger.ms: 5", "    linger.ms: -5"));
        assertThat(e.getMessage()).contains("bad.yaml:15").contains("linger.ms").contains("negative");
        e = error(replace("    rate: 9MB/s", "    rate: 0MB/s"));
        assertThat(e.getMessage()).contains("bad.yaml:13").contains("producers.main.rate").contains("above zero");
        e = error(replace("duration: 20s", "duration: 0s"));
        assertThat(e.getMessage()).contains("bad.yaml:21").contains("duration").contains("longer than 0");
    }

    @Test
    void replicationFactorAboveTheBrokerCount() throws IOException {
        ScenarioException e = error(replace("    replication.factor: 3", "    replication.factor: 10"));
        assertThat(e.getMessage()).contains("bad.yaml:7:25").contains("topics.events.replication.factor")
                .contains("only 9 brokers");
    }

    @Test
    void minInsyncReplicasAboveReplicationFactor() throws IOException {
        ScenarioException e = error(replace("    min.insync.replicas: 2", "    min.insync.replicas: 4"));
        assertThat(e.getMessage()).contains("bad.yaml:8").contains("topics.events.min.insync.replicas")
                .contains("replication.factor of topic 'events' is only 3");
    }

    @Test
    void aMissingProfileFile() throws IOException {
        ScenarioException e = error(replace("profile: profile.yaml", "profile: profiles/nope.yaml"));
        assertThat(e.getMessage()).contains("bad.yaml:1:10").contains("profile").contains("profile file not found")
                .contains("nope.yaml");
    }

    @Test
    void aPhaseTimePastTheDuration() throws IOException {
        ScenarioException e = error(replace("warmup: 2s", "warmup: 2s\nphases:\n  - at: 1h\n    set: {topics.events.partitions: 24}"));
        assertThat(e.getMessage()).contains("bad.yaml:24:9").contains("phases[0].at").contains("past the duration 20s");
        e = error(replace("warmup: 2s", "warmup: 2s\nphases:\n  - step: topics.events.partitions\n    to: 48\n    by: 12\n    every: 10s"));
        assertThat(e.getMessage()).contains("bad.yaml:27").contains("phases[0].every").contains("past the duration");
    }

    @Test
    void phasesOnlyAddPartitionsOfDefinedTopics() throws IOException {
        ScenarioException e = error(replace("warmup: 2s", "warmup: 2s\nphases:\n  - at: 5s\n    set: {topics.events.partitions: 6}"));
        assertThat(e.getMessage()).contains("bad.yaml:25").contains("can only add partitions");
        e = error(replace("warmup: 2s", "warmup: 2s\nphases:\n  - at: 5s\n    set: {topics.evnts.partitions: 24}"));
        assertThat(e.getMessage()).contains("bad.yaml:25").contains("did you mean 'events'?");
        e = error(replace("warmup: 2s", "warmup: 2s\nphases:\n  - at: 5s\n    set: {producers.main.count: 24}"));
        assertThat(e.getMessage()).contains("bad.yaml:25").contains("cannot change during a run");
    }

    @Test
    void aConfigExceptionFromTheRecordsPointsAtItsKey() throws IOException {
        // ProducerConfig itself refuses buffer.memory below batch.size; the message must land on line 16.
        ScenarioException e = error(replace("    batch.size: 16KiB", "    batch.size: 16KiB\n    buffer.memory: 1KiB"));
        assertThat(e.getMessage()).contains("bad.yaml:17:20").contains("producers.main.buffer.memory").contains("at least batch.size");
        // ProducerGroupSpec refuses a record larger than max.request.size.
        e = error(replace("    batch.size: 16KiB", "    batch.size: 16KiB\n    max.request.size: 100B"));
        assertThat(e.getMessage()).contains("bad.yaml:17").contains("producers.main.max.request.size").contains("smaller than one record");
    }

    @Test
    void anUndefinedTopicGetsTheNearestDefinedOne() throws IOException {
        ScenarioException e = error(replace("    topic: events\n    count: 9", "    topic: event\n    count: 9"));
        assertThat(e.getMessage()).contains("bad.yaml:11:12").contains("producers.main.topic").contains("did you mean 'events'?");
    }

    @Test
    void contradictoryProducerSettings() throws IOException {
        ScenarioException e = error(replace("    rate: 9MB/s", "    rate: 9MB/s\n    rate-per-producer: 1 record/s"));
        assertThat(e.getMessage()).contains("bad.yaml:14").contains("either rate");
        e = error(replace("    rate: 9MB/s", "    rate: 9MB/s\n    arrival: saturating"));
        assertThat(e.getMessage()).contains("bad.yaml:13").contains("saturating");
        e = error(replace("    rate: 9MB/s", "    rate: 9MB/s\n    arrival: {process: on-off, on: 1s, period: 2s}"));
        assertThat(e.getMessage()).contains("bad.yaml:14").contains("arrival.period").contains("not a setting of the on-off");
        e = error(replace("    rate: 9MB/s", "    rate: 9MB/s\n    partitioner: keyed"));
        assertThat(e.getMessage()).contains("bad.yaml:14").contains("keys: sequential or random");
        e = error(replace("warmup: 2s", "warmup: 30s"));
        assertThat(e.getMessage()).contains("bad.yaml:22").contains("not shorter than duration");
    }

    @Test
    void sweepKeysAndValuesAreCheckedAtLoad() throws IOException {
        ScenarioException e = error(replace("warmup: 2s", "warmup: 2s\nsweep:\n  - key: producers.main.cout\n    values: [1, 2]"));
        assertThat(e.getMessage()).contains("bad.yaml:24:10").contains("producers.main.cout").contains("did you mean 'count'?");
        e = error(replace("warmup: 2s", "warmup: 2s\nsweep:\n  - key: producers.main.count\n    values: [9, 0]"));
        assertThat(e.getMessage()).contains("bad.yaml:25:17").contains("producers.main.count").contains("at least 1");
    }

    @Test
    void overridesFromTheCommandLineAreValidatedToo() throws IOException {
        Scenario s = Scenario.load(write(VALID));
        assertThatThrownBy(() -> s.with("producers.main.linger.ms", "5MB"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("command line")
                .hasMessageContaining("producers.main.linger.ms").hasMessageContaining("is a size");
    }
}
