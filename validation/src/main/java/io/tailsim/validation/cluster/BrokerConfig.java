package io.tailsim.validation.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Renders a node's server.properties and its JVM command line. Pure: no I/O. */
public final class BrokerConfig {
    public static final String HOST = "127.0.0.1";

    /** Keys that fix the node's identity, listeners and directories: the harness owns them. */
    static final Set<String> RESERVED = Set.of(
            "process.roles", "node.id", "broker.id", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "listeners", "advertised.listeners", "listener.security.protocol.map", "controller.listener.names",
            "inter.broker.listener.name", "log.dirs", "log.dir", "metadata.log.dir");

    /** Log segment size: small so retention can delete closed segments during a run (minimum allowed is 1 MiB). */
    static final int SEGMENT_BYTES = 8 * 1024 * 1024;

    private BrokerConfig() {
    }

    static void requireNoReservedKeys(Map<String, String> configs) {
        Set<String> bad = new TreeSet<>(configs.keySet());
        bad.retainAll(RESERVED);
        if (!bad.isEmpty())
            throw new IllegalArgumentException("broker configs " + bad + " are set by the harness (node layout on 127.0.0.1) and cannot be overridden");
    }

    /** What every run gets unless the spec sets the same key. */
    public static Map<String, String> runDefaults(int brokers) {
        int rf = Math.min(3, brokers);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("offsets.topic.replication.factor", Integer.toString(rf));
        m.put("transaction.state.log.replication.factor", Integer.toString(rf));
        m.put("transaction.state.log.min.isr", Integer.toString(Math.min(2, rf)));
        m.put("default.replication.factor", Integer.toString(rf));
        m.put("min.insync.replicas", Integer.toString(Math.min(2, rf)));
        // Consumers join at once instead of waiting 3 s for more members.
        m.put("group.initial.rebalance.delay.ms", "0");
        // Topics exist only as the spec says.
        m.put("auto.create.topics.enable", "false");
        // Default retention filled 11 GB over a dozen runs (real-kafka-here.md): keep little, delete soon.
        m.put("log.segment.bytes", Integer.toString(SEGMENT_BYTES));
        m.put("log.retention.ms", "60000");
        m.put("log.retention.check.interval.ms", "10000");
        m.put("log.segment.delete.delay.ms", "1000");
        return m;
    }

    /** The node's server.properties as an ordered map: layout first, then run defaults, then the spec's configs. */
    public static Map<String, String> render(NodeLayout node, List<NodeLayout> all, Path logDir, Map<String, String> specConfigs) {
        requireNoReservedKeys(specConfigs);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("process.roles", "broker,controller");
        m.put("node.id", Integer.toString(node.nodeId()));
        m.put("controller.quorum.voters", all.stream()
                .map(n -> n.nodeId() + "@" + HOST + ":" + n.controllerPort())
                .collect(Collectors.joining(",")));
        m.put("listeners", "PLAINTEXT://" + HOST + ":" + node.brokerPort() + ",CONTROLLER://" + HOST + ":" + node.controllerPort());
        m.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + node.brokerPort());
        m.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        m.put("controller.listener.names", "CONTROLLER");
        m.put("inter.broker.listener.name", "PLAINTEXT");
        m.put("log.dirs", logDir.toAbsolutePath().toString());
        m.putAll(runDefaults(all.size()));
        m.putAll(specConfigs);
        return m;
    }

    /** java.util.Properties text (Properties.store would add a timestamp and lose the order). */
    public static String toPropertiesText(Map<String, String> config) {
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append(key || (i == 0 && (c == '#' || c == '!')) ? "\\" + c : String.valueOf(c));
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The node's JVM command: heap fixed at heapMb, the GC flags of Kafka's kafka-run-class.sh, JMX on 127.0.0.1 only,
     * JMX on 127.0.0.1 only through {@link LoopbackJmx}, and a {@code -Dtailsim.run=ID} marker by which the registry and watchdog recognise the run's brokers.
     */
    public static List<String> command(Path javaExecutable, String classpath, int heapMb, NodeLayout node, Path nodeDir,
                                       Path log4jConfig, String marker) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable.toString());
        cmd.add("-Xms" + heapMb + "m");
        cmd.add("-Xmx" + heapMb + "m");
        // KAFKA_JVM_PERFORMANCE_OPTS from bin/kafka-run-class.sh.
        cmd.addAll(List.of("-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent", "-XX:MaxInlineLevel=15", "-Djava.awt.headless=true"));
        // Quoted: -Xlog splits on ':' otherwise.
        cmd.add("-Xlog:gc*:file=\"" + nodeDir.resolve("gc.log").toAbsolutePath() + "\":time,tags:filecount=2,filesize=10M");
        cmd.add("-Djava.rmi.server.hostname=" + HOST);
        cmd.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
        cmd.add(marker);
        cmd.addAll(extraJvmOptions(System.getenv("TAILSIM_BROKER_JAVA_OPTS"), node.nodeId()));
        cmd.add("-cp");
        cmd.add(classpath);
        // JMX on 127.0.0.1 only, then kafka.Kafka (see LoopbackJmx for why not the JVM's own JMX agent).
        cmd.add(LoopbackJmx.class.getName());
        cmd.add(Integer.toString(node.jmxPort()));
        cmd.add("kafka.Kafka");
        cmd.add(nodeDir.resolve("server.properties").toAbsolutePath().toString());
        return cmd;
    }

    /**
     * Diagnostic JVM options for every node (for example a flight recording), split on whitespace, with {@code {node}}
     * replaced by the node's id so that each node writes its own file; none when {@code spec} is null or blank. They come
     * after the harness's own options, so they may override them; the run's measurements then carry their cost.
     */
    static List<String> extraJvmOptions(String spec, int nodeId) {
        List<String> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        for (String opt : spec.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                out.add(opt.replace("{node}", Integer.toString(nodeId)));
            }
        }
        return out;
    }

    /**
     * log4j2 config for the brokers: INFO to stdout (redirected to the node's server.log) so "Kafka Server started" is
     * seen, with the per-request and per-segment loggers quieted.
     */
    public static String log4j2Properties() {
        return """
                status = warn
                appender.out.type = Console
                appender.out.name = STDOUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = STDOUT
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.statechange.name = state.change.logger
                logger.statechange.level = WARN
                logger.storage.name = org.apache.kafka.storage.internals.log
                logger.storage.level = WARN
                logger.log.name = kafka.log
                logger.log.level = WARN
                """;
    }
}
