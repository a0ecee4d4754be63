package io.tailsim.models.report;

import io.tailsim.core.stat.LatencyRecorder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one replication measured after warm-up. Latencies are HdrHistogram recorders in ns (read
 * in ms); rates are per second of simulated time over the measured window.
 */
public final class RunResult {
    private final long seed;
    private final long measuredNanos;
    private final TopicRecorders total;
    private final Map<String, TopicRecorders> topics;
    private final List<BrokerResult> brokers;
    private final Map<String, RequestTimings> requestTimings;
    private final Map<String, ProducerGroupResult> producerGroups;
    private final Map<String, ConsumerGroupResult> consumerGroups;
    private final List<PhaseResult> phases;
    private final RunSeries series;
    private final long eventsFired;
    private final long wallClockNanos;
    private final long simulatedNanos;
    private final String stoppedBecause;

    public RunResult(long seed, long measuredNanos, TopicRecorders total, Map<String, TopicRecorders> topics,
                     List<BrokerResult> brokers, Map<String, RequestTimings> requestTimings,
                     Map<String, ProducerGroupResult> producerGroups, long eventsFired, long wallClockNanos,
                     long simulatedNanos, String stoppedBecause) {
        this(seed, measuredNanos, total, topics, brokers, requestTimings, producerGroups, Map.of(), List.of(), null,
                eventsFired, wallClockNanos, simulatedNanos, stoppedBecause);
    }

    /**
     * @param phases the measured window cut at every phase change (one phase when nothing changes)
     * @param series time series over the measured window, or null
     */
    public RunResult(long seed, long measuredNanos, TopicRecorders total, Map<String, TopicRecorders> topics,
                     List<BrokerResult> brokers, Map<String, RequestTimings> requestTimings,
                     Map<String, ProducerGroupResult> producerGroups, Map<String, ConsumerGroupResult> consumerGroups,
                     List<PhaseResult> phases, RunSeries series, long eventsFired, long wallClockNanos,
                     long simulatedNanos, String stoppedBecause) {
        this.seed = seed;
        this.measuredNanos = measuredNanos;
        this.total = total;
        this.topics = Map.copyOf(topics);
        this.brokers = List.copyOf(brokers);
        this.requestTimings = Map.copyOf(requestTimings);
        this.producerGroups = Map.copyOf(producerGroups);
        this.consumerGroups = Map.copyOf(consumerGroups);
        this.phases = List.copyOf(phases);
        this.series = series;
        this.eventsFired = eventsFired;
        this.wallClockNanos = wallClockNanos;
        this.simulatedNanos = simulatedNanos;
        this.stoppedBecause = stoppedBecause;
    }

    public long seed() {
        return seed;
    }

    /** Length of the measured window (after warm-up), ns. */
    public long measuredNanos() {
        return measuredNanos;
    }

    /** send() to acknowledgement, every record of every topic. */
    public LatencyRecorder producerLatency() {
        return total.producerLatency;
    }

    /** send() to the produce request carrying the record being written. */
    public LatencyRecorder produceTime() {
        return total.produceTime;
    }

    /** Request written to appended on the leader. */
    public LatencyRecorder publishTime() {
        return total.publishTime;
    }

    /** Appended on the leader to the high watermark passing it. */
    public LatencyRecorder commitTime() {
        return total.commitTime;
    }

    /** From commit until the consumer sent the fetch that carried the record (0 if it was sent before the commit). */
    public LatencyRecorder catchUpTime() {
        return total.catchUpTime;
    }

    /** From the later of commit and that fetch's sending until poll() returned the record. */
    public LatencyRecorder fetchTime() {
        return total.fetchTime;
    }

    /** send() to the consumer's poll() returning the record, per consumer group reading it. */
    public LatencyRecorder endToEnd() {
        return total.endToEnd;
    }

    /** All topics pooled. */
    public TopicRecorders total() {
        return total;
    }

    public Map<String, TopicRecorders> topics() {
        return topics;
    }

    public TopicRecorders topic(String name) {
        TopicRecorders t = topics.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no topic '" + name + "' in the result; topics: " + topics.keySet());
        }
        return t;
    }

    public List<BrokerResult> brokers() {
        return brokers;
    }

    /** Kafka request metrics by request type: "Produce", "FetchFollower", "FetchConsumer", "Metadata". */
    public Map<String, RequestTimings> requestTimings() {
        return requestTimings;
    }

    public Map<String, ProducerGroupResult> producerGroups() {
        return producerGroups;
    }

    /** Consumer groups by group.id. */
    public Map<String, ConsumerGroupResult> consumerGroups() {
        return consumerGroups;
    }

    /** The measured window's phases, cut at every phase change; one phase when nothing changes. */
    public List<PhaseResult> phases() {
        return phases;
    }

    /** Time series over the measured window (null for results built without them). */
    public RunSeries series() {
        return series;
    }

    /** FetchConsumer requests per second arriving at all brokers together. */
    public double consumerFetchRequestRate() {
        double s = 0;
        for (BrokerResult b : brokers) {
            s += b.requestRate("FetchConsumer");
        }
        return s;
    }

    /** Produce requests per second arriving at all brokers together. */
    public double produceRequestRate() {
        double s = 0;
        for (BrokerResult b : brokers) {
            s += b.requestRate("Produce");
        }
        return s;
    }

    /** Produce requests per second per broker, averaged over brokers. */
    public double produceRequestRatePerBroker() {
        return brokers.isEmpty() ? Double.NaN : produceRequestRate() / brokers.size();
    }

    /** Acknowledged record payload (key + value) in MB (10^6 bytes) per second. */
    public double throughputMBps() {
        return measuredNanos <= 0 ? Double.NaN : total.bytesAcked / 1e6 / (measuredNanos / 1e9);
    }

    public double meanBrokerCpuUtilisation() {
        double s = 0;
        for (BrokerResult b : brokers) {
            s += b.cpuUtilisation();
        }
        return brokers.isEmpty() ? Double.NaN : s / brokers.size();
    }

    public double maxBrokerCpuUtilisation() {
        double m = 0;
        for (BrokerResult b : brokers) {
            m = Math.max(m, b.cpuUtilisation());
        }
        return m;
    }

    public long eventsFired() {
        return eventsFired;
    }

    public long wallClockNanos() {
        return wallClockNanos;
    }

    /** Simulated time covered (warm-up included), ns. */
    public long simulatedNanos() {
        return simulatedNanos;
    }

    /** Simulated seconds per wall-clock second. */
    public double speedFactor() {
        return wallClockNanos <= 0 ? Double.NaN : (double) simulatedNanos / wallClockNanos;
    }

    /** Null for a complete run; the overload diagnosis for a partial one. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** A few lines for people: the headline figures. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "producer latency %s%n", producerLatency().summary()));
        sb.append(String.format(Locale.ROOT, "  produce %s%n  publish %s%n  commit  %s%n", produceTime().summary(),
                publishTime().summary(), commitTime().summary()));
        if (endToEnd().count() > 0) {
            sb.append(String.format(Locale.ROOT, "end-to-end %s%n  catch-up %s%n  fetch    %s%n", endToEnd().summary(),
                    catchUpTime().summary(), fetchTime().summary()));
        }
        sb.append(String.format(Locale.ROOT,
                "produce requests %.0f/s (%.0f per broker), throughput %.2f MB/s, broker CPU mean %.1f%% max %.1f%%%n",
                produceRequestRate(), produceRequestRatePerBroker(), throughputMBps(),
                100 * meanBrokerCpuUtilisation(), 100 * maxBrokerCpuUtilisation()));
        for (ProducerGroupResult g : producerGroups.values()) {
            sb.append(String.format(Locale.ROOT,
                    "group %s: %d producers, %.2f records/batch, %.2f batches/request, in-flight blocked %.3f, buffer wait %.3f%n",
                    g.name(), g.producers(), g.recordsPerBatch(), g.batchesPerRequest(), g.inFlightBlockedRatio(),
                    g.bufferPoolWaitRatio()));
        }
        for (ConsumerGroupResult g : consumerGroups.values()) {
            sb.append(String.format(Locale.ROOT,
                    "consumer group %s: %d consumers, %.0f fetches/s, %.1f records/poll, %.1f commits/s, lag mean %.0f max %d%n",
                    g.groupId(), g.consumers(), g.fetchRequestRate(), g.recordsPerPoll(), g.offsetCommitRate(),
                    g.meanLag(), g.maxLag()));
        }
        RequestTimings p = requestTimings.get("Produce");
        if (p != null && p.count() > 0) {
            sb.append(String.format(Locale.ROOT, "Produce TotalTimeMs mean %.3f p99 %.3f; RequestQueueTimeMs mean %.3f; RemoteTimeMs mean %.3f%n",
                    p.totalTime().mean(), p.totalTime().valueAtPercentile(99), p.requestQueueTime().mean(),
                    p.remoteTime().mean()));
        }
        sb.append(String.format(Locale.ROOT, "%d events, %.2f s wall clock, %.1fx real time%s",
                eventsFired, wallClockNanos / 1e9, speedFactor(),
                stoppedBecause == null ? "" : "; STOPPED: " + stoppedBecause));
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
