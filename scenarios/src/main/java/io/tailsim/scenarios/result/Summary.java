package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.RequestTimings;
import io.tailsim.models.report.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * summary.json: what a run of a scenario predicts, pooled over its replications. Everything here is
 * a function of (scenario, seed, replications) except {@code wallSeconds}, which comparisons of
 * results across thread counts must leave out.
 */
@JsonPropertyOrder({"scenario", "seed", "replications", "simulatedSeconds", "measuredSeconds", "wallSeconds",
        "producerLatencyMs", "endToEndLatencyMs", "components", "produceRequestsPerSec",
        "produceRequestsPerSecCi95", "throughputMBps", "throughputMBpsCi95", "brokers", "busiestResources",
        "requestMetrics", "kafkaRequestMetricMeansMs", "producerGroups", "consumerGroups", "topics", "phases"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(
        String scenario,
        long seed,
        int replications,
        double simulatedSeconds,
        double measuredSeconds,
        double wallSeconds,
        LatencyStats producerLatencyMs,
        LatencyStats endToEndLatencyMs,
        Components components,
        double produceRequestsPerSec,
        double[] produceRequestsPerSecCi95,
        double throughputMBps,
        double[] throughputMBpsCi95,
        List<BrokerSummary> brokers,
        List<Resource> busiestResources,
        Map<String, Map<String, LatencyStats>> requestMetrics,
        Map<String, Map<String, Double>> kafkaRequestMetricMeansMs,
        Map<String, ProducerGroupSummary> producerGroups,
        Map<String, ConsumerGroupSummary> consumerGroups,
        Map<String, TopicSummary> topics,
        List<PhaseSummary> phases) {

    /** Pools replications of one scenario into its summary. */
    public static Summary of(String scenario, ClusterSpec spec, long seed, List<RunResult> reps, double wallSeconds) {
        Estimate rate = Estimate.of(reps, RunResult::produceRequestRate);
        Estimate mbps = Estimate.of(reps, RunResult::throughputMBps);
        List<BrokerSummary> brokers = new ArrayList<>();
        for (int i = 0; i < reps.get(0).brokers().size(); i++) {
            brokers.add(BrokerSummary.of(reps, i));
        }
        Map<String, TopicSummary> topics = new TreeMap<>();
        for (TopicSpec t : spec.topics()) {
            topics.put(t.name(), TopicSummary.of(reps, t.name(), finalPartitions(spec, t)));
        }
        Map<String, ProducerGroupSummary> groups = new TreeMap<>();
        for (String g : new TreeSet<>(reps.get(0).producerGroups().keySet())) {
            groups.put(g, ProducerGroupSummary.of(reps, g));
        }
        Map<String, ConsumerGroupSummary> consumers = new TreeMap<>();
        for (String g : new TreeSet<>(reps.get(0).consumerGroups().keySet())) {
            consumers.put(g, ConsumerGroupSummary.of(reps, g));
        }
        return new Summary(scenario, seed, reps.size(),
                spec.durationNanos() / 1e9,
                Estimate.of(reps, r -> r.measuredNanos() / 1e9).orNaN(),
                wallSeconds,
                LatencyStats.over(reps, RunResult::producerLatency),
                LatencyStats.over(reps, RunResult::endToEnd),
                Components.over(reps, RunResult::total),
                rate.orNaN(), rate.ci95(), mbps.orNaN(), mbps.ci95(),
                brokers, busiest(brokers), requestMetrics(reps), kafkaMeans(reps), groups, consumers.isEmpty() ? null : consumers,
                topics, PhaseSummary.all(reps, !spec.phases().isEmpty()));
    }

    /** The same summary with per-phase summaries attached. */
    public Summary withPhases(List<PhaseSummary> phases) {
        return new Summary(scenario, seed, replications, simulatedSeconds, measuredSeconds, wallSeconds,
                producerLatencyMs, endToEndLatencyMs, components, produceRequestsPerSec, produceRequestsPerSecCi95,
                throughputMBps, throughputMBpsCi95, brokers, busiestResources, requestMetrics, kafkaRequestMetricMeansMs,
                producerGroups, consumerGroups, topics, phases);
    }

    /** The same summary without the wall-clock figure: what must be identical across thread counts. */
    public Summary withoutWallClock() {
        return new Summary(scenario, seed, replications, simulatedSeconds, measuredSeconds, 0, producerLatencyMs,
                endToEndLatencyMs, components, produceRequestsPerSec, produceRequestsPerSecCi95, throughputMBps,
                throughputMBpsCi95, brokers, busiestResources, requestMetrics, kafkaRequestMetricMeansMs, producerGroups,
                consumerGroups, topics,
                phases);
    }

    private static int finalPartitions(ClusterSpec spec, TopicSpec t) {
        int n = t.partitions();
        for (PhaseChange p : spec.phases()) {
            if (p instanceof PhaseChange.SetPartitions sp && sp.topic().equals(t.name())) {
                n = Math.max(n, sp.partitions());
            }
        }
        return n;
    }

    private static Map<String, Map<String, LatencyStats>> requestMetrics(List<RunResult> reps) {
        Map<String, Map<String, LatencyStats>> out = new TreeMap<>();
        for (String type : new TreeSet<>(reps.get(0).requestTimings().keySet())) {
            List<RequestTimings> t = reps.stream().map(r -> r.requestTimings().get(type)).toList();
            if (t.stream().allMatch(x -> x == null || x.count() == 0)) {
                continue;
            }
            Map<String, LatencyStats> m = new LinkedHashMap<>();
            for (String name : RequestTimings.NAMES) {
                m.put(name, LatencyStats.over(t, x -> x.get(name)));
            }
            out.put(type, m);
        }
        return out;
    }

    /**
     * Each request type's metric means as Kafka's histograms read them (each request's time rounded to whole
     * milliseconds first), pooled over replications: what a broker's JMX Mean says, to set beside a real broker's.
     */
    private static Map<String, Map<String, Double>> kafkaMeans(List<RunResult> reps) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (String type : new TreeSet<>(reps.get(0).requestTimings().keySet())) {
            List<RequestTimings> t = reps.stream().map(r -> r.requestTimings().get(type)).filter(x -> x != null).toList();
            long count = t.stream().mapToLong(RequestTimings::count).sum();
            if (count == 0) {
                continue;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            for (String name : RequestTimings.NAMES) {
                m.put(name, t.stream().mapToLong(x -> x.roundedMsSum(name)).sum() / (double) count);
            }
            out.put(type, m);
        }
        return out;
    }

    private static List<Resource> busiest(List<BrokerSummary> brokers) {
        List<Resource> all = new ArrayList<>();
        for (BrokerSummary b : brokers) {
            add(all, b.name() + " CPU", b.cpuUtilization());
            add(all, b.name() + " network threads", b.networkThreadUtilization());
            add(all, b.name() + " request handler threads", b.requestHandlerUtilization());
            add(all, b.name() + " replica fetcher threads", b.replicaFetcherUtilization());
            add(all, b.name() + " NIC out", b.nicTxUtilization());
            add(all, b.name() + " NIC in", b.nicRxUtilization());
            add(all, b.name() + " disk", b.diskUtilization());
        }
        all.sort(Comparator.comparingDouble(Resource::utilization).reversed().thenComparing(Resource::resource));
        return List.copyOf(all.subList(0, Math.min(5, all.size())));
    }

    private static void add(List<Resource> all, String name, double u) {
        if (!Double.isNaN(u)) {
            all.add(new Resource(name, u));
        }
    }

    /** A broker's summary by name ("broker-3"). */
    public BrokerSummary broker(String name) {
        return brokers.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no broker " + name));
    }
}
