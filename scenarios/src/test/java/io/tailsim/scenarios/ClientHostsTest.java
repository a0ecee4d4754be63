package io.tailsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A producer group's client machines (client-hosts) and their size (the profile's host.client-vcpus). */
class ClientHostsTest {
    static final String SCENARIO = String.join("\n",
            "profile: profile.yaml",
            "topics:",
            "  events: {partitions: 12, replication.factor: 3}",
            "producers:",
            "  main:",
            "    topic: events",
            "    count: 18",
            "    rate: 9MB/s",
            "    record: {key-bytes: 4, value-bytes: 512}",
            "    client-hosts: HOSTS",
            "duration: 20s",
            "");

    @TempDir
    Path dir;

    @BeforeEach
    void profile() throws IOException {
        Files.copy(Path.of("../profiles/latency-blog-r5xlarge.yaml"), dir.resolve("profile.yaml"));
    }

    private Scenario load(String hosts) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, SCENARIO.replace("HOSTS", hosts));
        return Scenario.load(f);
    }

    @Test
    void clientHostsReachTheSpec() throws IOException {
        assertThat(load("9").spec().producerGroups().get(0).clientHosts()).isEqualTo(9);
        assertThat(load("0").spec().producerGroups().get(0).clientHosts()).isZero();
    }

    @Test
    void aNegativeCountIsRefusedWithItsLine() throws IOException {
        Throwable t = catchThrowable(() -> load("-1"));
        assertThat(t).isInstanceOf(ScenarioException.class);
        assertThat(t.getMessage()).contains("s.yaml:10").contains("client-hosts").contains("at least 0");
    }

    @Test
    void theProfileSizesTheClientMachines() throws IOException {
        assertThat(load("9").spec().profile().clientVcpus()).isEqualTo(4);
        Path p = dir.resolve("profile.yaml");
        Files.writeString(p, Files.readString(p).replaceFirst("client-vcpus: \\{value: 4,", "client-vcpus: {value: 16,"));
        assertThat(load("9").spec().profile().clientVcpus()).isEqualTo(16);
        Files.writeString(p, Files.readString(p).replaceFirst("client-vcpus: \\{value: 16,", "client-vcpus: {value: 0,"));
        Throwable t = catchThrowable(() -> load("9"));
        assertThat(t).isInstanceOf(ScenarioException.class);
        assertThat(t.getMessage()).contains("client-vcpus");
    }
}
