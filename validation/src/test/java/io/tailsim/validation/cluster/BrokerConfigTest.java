package io.tailsim.validation.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerConfigTest {
    private final List<NodeLayout> nodes = List.of(
            new NodeLayout(1, 9001, 9101, 9201),
            new NodeLayout(2, 9002, 9102, 9202),
            new NodeLayout(3, 9003, 9103, 9203));

    @Test
    void rendersACombinedNodeOnLoopbackWithStaticVoters() {
        Map<String, String> c = BrokerConfig.render(nodes.get(1), nodes, Path.of("/runs/r1/node-2/data"), Map.of());
        assertThat(c).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9002,CONTROLLER://127.0.0.1:9102")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9002")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("log.dirs", "/runs/r1/node-2/data")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.segment.bytes", Integer.toString(8 * 1024 * 1024))
                .containsEntry("log.retention.ms", "60000");
    }

    @Test
    void specConfigsOverrideRunDefaultsButNotTheLayout() {
        Map<String, String> c = BrokerConfig.render(nodes.get(0), nodes, Path.of("/d"),
                Map.of("min.insync.replicas", "1", "num.io.threads", "4", "log.retention.ms", "30000"));
        assertThat(c).containsEntry("min.insync.replicas", "1").containsEntry("num.io.threads", "4").containsEntry("log.retention.ms", "30000");
        assertThatThrownBy(() -> BrokerConfig.render(nodes.get(0), nodes, Path.of("/d"), Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[listeners]").hasMessageContaining("set by the harness");
        assertThatThrownBy(() -> new ClusterSpec(3, 1024, Map.of("node.id", "7"), List.of()))
                .hasMessageContaining("[node.id]");
    }

    @Test
    void replicationDefaultsShrinkWithTheCluster() {
        assertThat(BrokerConfig.runDefaults(1)).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1").containsEntry("transaction.state.log.min.isr", "1");
        assertThat(BrokerConfig.runDefaults(5)).containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void propertiesTextLoadsBackExactlyInOrder() throws IOException {
        Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("log.dirs", "/tmp/a dir/with\\backslash");
        c.put("listeners", "PLAINTEXT://127.0.0.1:1,CONTROLLER://127.0.0.1:2");
        c.put("weird key=x", "#not a comment");
        c.put("empty", "");
        String text = BrokerConfig.toPropertiesText(c);
        Properties p = new Properties();
        p.load(new StringReader(text));
        assertThat(p).hasSize(4);
        c.forEach((k, v) -> assertThat(p.getProperty(k)).isEqualTo(v));
        assertThat(text.indexOf("log.dirs")).isLessThan(text.indexOf("listeners"));
    }

    @Test
    void commandRunsKafkaThroughTheLoopbackJmxLauncher() {
        List<String> cmd = BrokerConfig.command(Path.of("/jdk/bin/java"), "/a.jar:/b.jar", 1024, nodes.get(2), Path.of("/runs/r/node-3"),
                Path.of("/runs/r/log4j2.properties"), "-Dtailsim.run=r");
        assertThat(cmd.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(cmd).contains("-Xms1024m", "-Xmx1024m", "-XX:+UseG1GC", "-Dtailsim.run=r", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dlog4j2.configurationFile=/runs/r/log4j2.properties");
        assertThat(cmd).noneMatch(a -> a.startsWith("-Dcom.sun.management.jmxremote"));
        int cp = cmd.indexOf("-cp");
        assertThat(cmd.subList(cp, cmd.size())).containsExactly("-cp", "/a.jar:/b.jar", LoopbackJmx.class.getName(), "9203", "kafka.Kafka",
                "/runs/r/node-3/server.properties");
    }

    @Test
    void diagnosticJvmOptionsAreSplitAndNamedPerNode() {
        assertThat(BrokerConfig.extraJvmOptions(null, 2)).isEmpty();
        assertThat(BrokerConfig.extraJvmOptions("  ", 2)).isEmpty();
        assertThat(BrokerConfig.extraJvmOptions(" -XX:StartFlightRecording=filename=/t/n{node}.jfr  -Dx=1 ", 3))
                .containsExactly("-XX:StartFlightRecording=filename=/t/n3.jfr", "-Dx=1");
    }

    @Test
    void brokerLog4jConfigKeepsTheStartedLineVisible() {
        String p = BrokerConfig.log4j2Properties();
        assertThat(p).contains("rootLogger.level = INFO").doesNotContain("logger.server");
    }
}
