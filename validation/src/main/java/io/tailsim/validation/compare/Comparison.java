package io.tailsim.validation.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.result.TopicSummary;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.metrics.JmxProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * comparison.json: the simulator's prediction beside the real cluster's measurement, metric by metric, under the names
 * {@link MeasuredRun#metrics()} uses. Every expected row is present even when a side has no value, so a missing figure shows
 * as null instead of vanishing.
 */
@JsonPropertyOrder({"scenario", "rows"})
public record Comparison(String scenario, List<ComparisonRow> rows) {
    /** Percentiles compared for producer and end-to-end latency. */
    public static final List<String> PERCENTILES = List.of("p50", "p95", "p99", "p99.9");
    /** Per-topic rows when a run has several topics (a probe topic beside a loaded one). */
    public static final List<String> TOPIC_PERCENTILES = List.of("p50", "p99");
    public static final String CPU = "cpuCores.brokersAndClients";
    public static final String THROUGHPUT = "throughputMBps";
    /** Share of the window in which a runnable thread waited for a core: Linux PSI "some" (/proc/pressure/cpu), and the model's. */
    public static final String CPU_PRESSURE = "cpuPressure.some";
    /** Broker thread wake-ups per second by thread class, all brokers: Linux's voluntary context switches, and the model's. */
    public static final String WAKEUPS = "wakeupsPerSec.brokerThreads.";
    public static final List<String> WAKEUP_CLASSES = List.of("network", "requestHandler", "replicaFetcher");
    /** Broker thread run-queue wait by thread class, all brokers, in cores (seconds waiting per second): Linux's schedstat, and the model's. */
    public static final String RUN_QUEUE_WAIT = "runQueueWaitCores.brokerThreads.";
    /** Broker thread preemptions per second by thread class, all brokers: Linux's nonvoluntary context switches, and the model's. */
    public static final String PREEMPTIONS = "preemptionsPerSec.brokerThreads.";
    /** The producers' Sender threads, all groups: their wake-ups per second and their CPU (the driver's, and the model's). */
    public static final String SENDER_WAKEUPS = "wakeupsPerSec.driverThreads.sender";
    public static final String SENDER_CPU = "cpuCores.driverThreads.sender";
    /** Broker thread CPU by thread class, all brokers, in cores: the JMX thread CPU times, and the model's. */
    public static final String THREAD_CPU = "cpuCores.brokerThreads.";
    /** Stop-the-world GC pauses per second in the window, all brokers: their GC logs, and the model's. */
    public static final String GC_PAUSES = "brokerGc.pausesPerSec";
    /** Their mean length, ms: the GC logs' pauses in the window, and the model's brokers' weighed by how often each paused. */
    public static final String GC_PAUSE_LENGTH = "brokerGc.pauseMsMean";

    public Comparison {
        rows = List.copyOf(rows);
    }

    /** The metric names every comparison of a run over {@code topics} holds, in order. */
    public static List<String> expectedMetrics(List<String> topics) {
        List<String> names = new ArrayList<>();
        for (String latency : List.of("producerLatencyMs", "endToEndLatencyMs"))
            for (String p : PERCENTILES) names.add(latency + "." + p);
        if (topics.size() > 1)
            for (String t : topics)
                for (String latency : List.of("producerLatencyMs", "endToEndLatencyMs"))
                    for (String p : TOPIC_PERCENTILES) names.add("topic." + t + "." + latency + "." + p);
        for (String req : JmxProbe.REQUESTS)
            for (String time : JmxProbe.TIMES) names.add(req + "." + time + ".mean");
        for (String req : JmxProbe.REQUESTS) names.add(req + ".requestsPerSec");
        names.add(THROUGHPUT);
        names.add(CPU);
        names.add(CPU_PRESSURE);
        for (String cls : WAKEUP_CLASSES) names.add(THREAD_CPU + cls);
        for (String cls : WAKEUP_CLASSES) names.add(WAKEUPS + cls);
        for (String cls : WAKEUP_CLASSES) names.add(RUN_QUEUE_WAIT + cls);
        for (String cls : WAKEUP_CLASSES) names.add(PREEMPTIONS + cls);
        names.add(SENDER_WAKEUPS);
        names.add(SENDER_CPU);
        names.add(GC_PAUSES);
        names.add(GC_PAUSE_LENGTH);
        return names;
    }

    /**
     * Joins a simulation summary and a measured run. {@code hardware} is the profile the simulation ran with: broker CPU in the
     * summary is a host's utilisation, shared by the brokers (and clients) placed on it, so cores = utilisation x vCPUs per host.
     * A null summary (the model declared the cluster overloaded) gives rows with measured figures only.
     */
    public static Comparison of(String scenario, Summary simulated, HardwareProfile hardware, MeasuredRun measured, List<String> topics) {
        return of(scenario, simulated, hardware, MeasuredReference.of(measured), topics);
    }

    /** As above against several real runs: each row's measured figure is the runs' median, with their min and max. */
    public static Comparison of(String scenario, Summary simulated, HardwareProfile hardware, MeasuredReference measured, List<String> topics) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (String name : expectedMetrics(topics))
            rows.add(ComparisonRow.ofRuns(name, simulated == null ? null : simulated(name, simulated, hardware), measured.metrics().get(name))
                    .withSimulatedInterval(simulated == null ? null : simulatedInterval(name, simulated)));
        return new Comparison(scenario, rows);
    }

    /**
     * The 95% interval over the model's replications of a simulated figure that has one: a latency percentile (the whole run's or a
     * topic's), or the produce request rate (the summary's interval of its cluster-wide rate); null for the rest.
     */
    static double[] simulatedInterval(String name, Summary s) {
        if (name.equals("Produce.requestsPerSec")) return s.produceRequestsPerSecCi95();
        LatencyFigure latency = latencyFigure(name, s);
        return latency == null || latency.stats() == null || latency.stats().ci95() == null ? null : latency.stats().ci95().get(latency.statistic());
    }

    /** A latency metric's distribution in the summary and the statistic named (stats null when the topic has none). */
    private record LatencyFigure(LatencyStats stats, String statistic) {}

    /** The latency distribution a metric name points at ("producerLatencyMs.p99", "topic.probe.endToEndLatencyMs.p50"); null for other metrics. */
    private static LatencyFigure latencyFigure(String name, Summary s) {
        if (name.startsWith("producerLatencyMs.")) return new LatencyFigure(s.producerLatencyMs(), name.substring("producerLatencyMs.".length()));
        if (name.startsWith("endToEndLatencyMs.")) return new LatencyFigure(s.endToEndLatencyMs(), name.substring("endToEndLatencyMs.".length()));
        if (!name.startsWith("topic.")) return null;
        for (String latency : List.of(".producerLatencyMs.", ".endToEndLatencyMs.")) {
            int at = name.indexOf(latency);
            if (at < 0) continue;
            TopicSummary t = s.topics() == null ? null : s.topics().get(name.substring("topic.".length(), at));
            String statistic = name.substring(at + latency.length());
            return new LatencyFigure(t == null ? null : latency.startsWith(".producer") ? t.producerLatencyMs() : t.endToEndLatencyMs(), statistic);
        }
        return new LatencyFigure(null, null);
    }

    static Double simulated(String name, Summary s, HardwareProfile hardware) {
        if (name.equals(THROUGHPUT)) return s.throughputMBps();
        if (name.equals(CPU)) return hostCores(s.brokers(), hardware);
        if (name.equals(CPU_PRESSURE)) return hostPressure(s.brokers(), hardware);
        LatencyFigure latency = latencyFigure(name, s);
        if (latency != null) return stat(latency.stats(), latency.statistic());
        if (name.equals(SENDER_WAKEUPS) || name.equals(SENDER_CPU)) {
            if (s.producerGroups() == null || s.producerGroups().isEmpty()) return null;
            double sum = 0;
            for (var g : s.producerGroups().values()) sum += name.equals(SENDER_CPU) ? g.senderCpuCores() : g.senderWakeupsPerSec();
            return Double.isNaN(sum) ? null : sum;
        }
        if (name.startsWith(RUN_QUEUE_WAIT)) return sumOverBrokers(s.brokers(), BrokerSummary::threadRunQueueWaitCores, name.substring(RUN_QUEUE_WAIT.length()));
        if (name.startsWith(PREEMPTIONS)) return sumOverBrokers(s.brokers(), BrokerSummary::threadPreemptionsPerSec, name.substring(PREEMPTIONS.length()));
        if (name.startsWith(THREAD_CPU)) return sumOverBrokers(s.brokers(), BrokerSummary::threadCpuCores, name.substring(THREAD_CPU.length()));
        if (name.equals(GC_PAUSES)) {
            double sum = 0;
            for (BrokerSummary b : s.brokers()) {
                if (b.gcPausesPerSec() == null) return null;
                sum += b.gcPausesPerSec();
            }
            return sum;
        }
        if (name.equals(GC_PAUSE_LENGTH)) {
            double pauses = 0, ms = 0;
            for (BrokerSummary b : s.brokers()) {
                if (b.gcPausesPerSec() == null || b.gcPauseMsMean() == null) continue;
                pauses += b.gcPausesPerSec();
                ms += b.gcPausesPerSec() * b.gcPauseMsMean();
            }
            return pauses > 0 ? ms / pauses : null;
        }
        if (name.startsWith(WAKEUPS)) return sumOverBrokers(s.brokers(), BrokerSummary::threadWakeupsPerSec, name.substring(WAKEUPS.length()));
        String[] parts = name.split("\\.");
        if (parts.length == 2 && parts[1].equals("requestsPerSec")) {
            double sum = 0;
            for (BrokerSummary b : s.brokers()) sum += b.requestsPerSec() == null ? 0 : b.requestsPerSec().getOrDefault(parts[0], 0.0);
            return sum;
        }
        if (parts.length == 3 && parts[2].equals("mean")) {
            // as a broker's JMX reads it: each request's time rounded to whole milliseconds before the mean
            Map<String, Double> kafka = s.kafkaRequestMetricMeansMs() == null ? null : s.kafkaRequestMetricMeansMs().get(parts[0]);
            if (kafka != null && kafka.get(parts[1]) != null) return kafka.get(parts[1]);
            Map<String, LatencyStats> times = s.requestMetrics() == null ? null : s.requestMetrics().get(parts[0]);
            LatencyStats st = times == null ? null : times.get(parts[1]);
            return st == null || st.count() == 0 ? null : st.mean();
        }
        throw new IllegalArgumentException("no simulated figure for metric " + name);
    }

    /** A per-thread-class figure summed over the brokers; null if any broker lacks it. */
    private static Double sumOverBrokers(List<BrokerSummary> brokers, java.util.function.Function<BrokerSummary, Map<String, Double>> byClass,
                                         String cls) {
        double sum = 0;
        for (BrokerSummary b : brokers) {
            Map<String, Double> m = byClass.apply(b);
            if (m == null || !m.containsKey(cls)) return null;
            sum += m.get(cls);
        }
        return sum;
    }

    private static Double stat(LatencyStats s, String statistic) {
        if (s == null || s.count() == 0) return null;
        double v = s.get(statistic);
        return Double.isNaN(v) ? null : v;
    }

    /** CPU pressure of the broker hosts, their mean (one host here: the machine's). */
    static Double hostPressure(List<BrokerSummary> brokers, HardwareProfile hardware) {
        int perHost = hardware.brokersPerHost();
        double sum = 0;
        int hosts = 0;
        for (int first = 0; first < brokers.size(); first += perHost) {
            Double p = brokers.get(first).cpuPressureSome();
            if (p == null) return null;
            sum += p;
            hosts++;
        }
        return hosts == 0 ? null : sum / hosts;
    }

    /** Busy cores of the broker hosts: brokers 0..bph-1 share host 0 and report its utilisation, and so on. */
    static Double hostCores(List<BrokerSummary> brokers, HardwareProfile hardware) {
        int perHost = hardware.brokersPerHost();
        double cores = 0;
        for (int first = 0; first < brokers.size(); first += perHost) {
            double u = brokers.get(first).cpuUtilization();
            if (Double.isNaN(u)) return null;
            cores += u * hardware.brokerVcpus();
        }
        return cores;
    }

    public Optional<ComparisonRow> row(String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst();
    }

    public void write(Path file) {
        ResultFiles.writeJson(file, this);
    }

    public static Comparison read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), Comparison.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
