package io.tailsim.validation.cluster;

import io.tailsim.validation.Capacity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * N Kafka 4.4.0 nodes in KRaft combined mode (process.roles=broker,controller), one JVM each, on 127.0.0.1, in a fresh run
 * folder. Closing stops every node and removes the folder; a shutdown hook does the same on Ctrl-C and a {@link Watchdog}
 * does it if the driver is killed.
 */
public final class RealCluster implements AutoCloseable {
    private final ClusterSpec spec;
    private final ClusterOptions options;
    private final RunRegistry registry;
    private final String runId;
    private final Path runDir;
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final Thread shutdownHook;
    private final Object lifecycle = new Object();
    private volatile RunRegistry.Entry entry;
    private volatile Process watchdog;
    private Admin admin;
    private volatile boolean closed;
    private long startNanos;
    private double startupSeconds;

    private RealCluster(ClusterSpec spec, ClusterOptions options) {
        this.spec = spec;
        this.options = options;
        this.registry = new RunRegistry(options.baseDir());
        this.runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + Procs.selfPid()
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        this.runDir = options.baseDir().resolve("run-" + runId);
        this.shutdownHook = new Thread(this::close, "tailsim-kafka-cleanup-" + runId);
    }

    /** Starts the nodes and waits until all have started and the cluster reports all of them; refuses an oversized cluster. */
    public static RealCluster start(ClusterSpec spec, ClusterOptions options) throws InterruptedException {
        Capacity.checkMemory(spec.brokers(), spec.heapMb(), Capacity.Machine.current());
        RealCluster c = new RealCluster(spec, options);
        try {
            c.launch();
            return c;
        } catch (InterruptedException | RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    public static RealCluster start(ClusterSpec spec) throws InterruptedException {
        return start(spec, ClusterOptions.defaults());
    }

    private void launch() throws InterruptedException {
        startNanos = System.nanoTime();
        entry = registry.register(runId, runDir);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        watchdog = Watchdog.start(Procs.selfPid(), entry.file(), runDir, RunRegistry.marker(runId));
        String classpath = KafkaClasspath.join(KafkaClasspath.forBrokers());

        int n = spec.brokers();
        int[] ports = FreePorts.allocate(3 * n);
        List<NodeLayout> layouts = new ArrayList<>();
        for (int i = 0; i < n; i++) layouts.add(new NodeLayout(i + 1, ports[3 * i], ports[3 * i + 1], ports[3 * i + 2]));

        // Under the lifecycle lock: a Ctrl-C during start-up runs close() in the shutdown hook, and no file or process may appear
        // after it has cleaned up.
        synchronized (lifecycle) {
            requireOpen();
            prepareAndLaunch(layouts, classpath);
        }
        awaitStarted();
        awaitClusterFormed();
        startupSeconds = (System.nanoTime() - startNanos) / 1e9;
    }

    private void prepareAndLaunch(List<NodeLayout> layouts, String classpath) {
        try {
            Path log4j = runDir.resolve("log4j2.properties");
            Files.writeString(log4j, BrokerConfig.log4j2Properties());
            String clusterId = Uuid.randomUuid().toString();
            for (NodeLayout node : layouts) {
                Path nodeDir = Files.createDirectories(runDir.resolve("node-" + node.nodeId()));
                Map<String, String> config = BrokerConfig.render(node, layouts, nodeDir.resolve("data"), spec.brokerConfigs());
                Path props = nodeDir.resolve("server.properties");
                Files.writeString(props, BrokerConfig.toPropertiesText(config));
                format(clusterId, props);
            }
            for (NodeLayout node : layouts) {
                Path nodeDir = runDir.resolve("node-" + node.nodeId());
                List<String> cmd = BrokerConfig.command(options.javaExecutable(), classpath, spec.heapMb(), node, nodeDir, log4j,
                        RunRegistry.marker(runId));
                Process p = new ProcessBuilder(cmd)
                        .directory(nodeDir.toFile())
                        .redirectErrorStream(true)
                        // A file, not a pipe: the broker must not block or die on a full or broken pipe.
                        .redirectOutput(nodeDir.resolve("server.log").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                brokers.add(new BrokerProcess(node, nodeDir, p));
                entry = registry.addBroker(entry, p.pid());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka nodes in " + runDir, e);
        }
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("cluster " + runId + " was closed while starting");
    }

    /** kafka.tools.StorageTool format -t ID -c FILE, in this JVM; a static controller.quorum.voters needs none of its quorum flags. */
    private static void format(String clusterId, Path props) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = kafka.tools.StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", props.toString()}, ps);
        } catch (RuntimeException e) {
            throw new IllegalStateException("kafka.tools.StorageTool format failed for " + props + ": " + e.getMessage()
                    + "\n" + out.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0)
            throw new IllegalStateException("kafka.tools.StorageTool format exited " + rc + " for " + props + ":\n" + out.toString(StandardCharsets.UTF_8));
    }

    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (true) {
            requireOpen();
            boolean all = true;
            for (BrokerProcess b : brokers) {
                if (!b.isAlive())
                    throw new IllegalStateException("Kafka node " + b.nodeId() + " (PID " + b.pid() + ") exited with "
                            + b.process().exitValue() + " during start-up; last log lines:\n" + b.tail(40));
                try {
                    all &= b.pollStarted();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + b.logFile(), e);
                }
            }
            if (all) return;
            if (System.nanoTime() > deadline) {
                String waiting = brokers.stream().filter(b -> {
                    try {
                        return !b.pollStarted();
                    } catch (IOException e) {
                        return true;
                    }
                }).map(b -> "node " + b.nodeId() + ":\n" + b.tail(20)).collect(Collectors.joining("\n"));
                throw new IllegalStateException("Kafka nodes did not log \"" + BrokerProcess.STARTED + "\" within "
                        + options.startTimeout().toSeconds() + " s; still waiting for " + waiting);
            }
            Thread.sleep(200);
        }
    }

    private void awaitClusterFormed() throws InterruptedException {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        int seen = -1;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            requireOpen();
            try {
                seen = admin().describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
                if (seen == spec.brokers()) return;
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the cluster reported " + seen + " of " + spec.brokers() + " brokers within "
                + options.startTimeout().toSeconds() + " s", last);
    }

    /** Creates the spec's topics and waits until every partition has a leader and its full ISR. */
    public void createTopics() throws InterruptedException {
        createTopics(spec.topics());
    }

    public void createTopics(Collection<TopicSpec> topics) throws InterruptedException {
        if (topics.isEmpty()) return;
        List<NewTopic> newTopics = new ArrayList<>();
        for (TopicSpec t : topics) {
            Map<String, String> configs = new HashMap<>(t.configs());
            configs.put("min.insync.replicas", Integer.toString(t.minInsyncReplicas()));
            newTopics.add(new NewTopic(t.name(), t.partitions(), (short) t.replicationFactor()).configs(configs));
        }
        try {
            admin().createTopics(newTopics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics.stream().map(TopicSpec::name).toList() + ": " + e.getMessage(), e);
        }
        List<String> names = topics.stream().map(TopicSpec::name).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String notReady = "";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> d = admin().describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                notReady = d.values().stream()
                        .flatMap(td -> td.partitions().stream().filter(p -> !ready(p)).map(p -> td.name() + "-" + p.partition()))
                        .limit(5).collect(Collectors.joining(", "));
                if (notReady.isEmpty()) return;
            } catch (ExecutionException | TimeoutException e) {
                notReady = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("topic partitions without a leader or full ISR after 60 s: " + notReady);
    }

    private static boolean ready(TopicPartitionInfo p) {
        return p.leader() != null && !p.leader().isEmpty() && p.isr().size() == p.replicas().size();
    }

    public synchronized Admin admin() {
        if (closed) throw new IllegalStateException("cluster " + runId + " is closed");
        if (admin == null) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "tailsim-admin-" + runId);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
            admin = Admin.create(p);
        }
        return admin;
    }

    public String bootstrapServers() {
        return brokers.stream().map(b -> BrokerConfig.HOST + ":" + b.layout().brokerPort()).collect(Collectors.joining(","));
    }

    public List<BrokerProcess> brokers() {
        return List.copyOf(brokers);
    }

    public ClusterSpec spec() {
        return spec;
    }

    public String runId() {
        return runId;
    }

    public Path runDir() {
        return runDir;
    }

    public double startupSeconds() {
        return startupSeconds;
    }

    /**
     * Stops every node (SIGTERM, SIGKILL after the grace period), removes the run folder and the registry entry, then ends the
     * watchdog. Safe to call twice and from the shutdown hook.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) return;
            closed = true;
        }
        Admin a;
        synchronized (this) {
            a = admin;
        }
        if (a != null) {
            try {
                a.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // the nodes are going anyway
            }
        }
        for (BrokerProcess b : brokers) b.process().destroy();
        long deadline = System.nanoTime() + options.stopGrace().toNanos();
        for (BrokerProcess b : brokers) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !b.process().waitFor(left, TimeUnit.NANOSECONDS)) b.process().destroyForcibly();
                b.process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                b.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        boolean allStopped = brokers.stream().noneMatch(BrokerProcess::isAlive);
        boolean removed = Procs.deleteTree(runDir);
        // The entry goes only once its brokers are gone, so the watchdog can still finish the job if this process dies now.
        if (entry != null && allStopped && removed) registry.remove(entry);
        if (watchdog != null && allStopped && removed) {
            watchdog.destroyForcibly();
            try {
                watchdog.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // running inside the hook
        } catch (IllegalArgumentException neverAdded) {
            // start failed before the hook was added
        }
        if (!allStopped || !removed)
            System.err.println("tailsim: run " + runId + " not fully cleaned (brokers stopped: " + allStopped + ", folder removed: "
                    + removed + "); its watchdog PID " + (watchdog == null ? "none" : watchdog.pid()) + " will retry when this process exits");
    }
}
