package io.tailsim.scenarios.explain;

import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.cluster.TraceCollector;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.report.OverloadException;
import io.tailsim.scenarios.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one replication of a scenario while tracing a sample of records through every queue and
 * thread, then explains the tail: for records at and above a percentile of producer latency, where
 * their time went, set against records around the median.
 */
public final class Explainer {
    /** Enough traced records that the top 1% still holds a few hundred. */
    static final int TARGET_TRACES = 30_000;

    public Explanation explain(Scenario scenario, double percentile, int samples, Long seed) {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
        }
        ClusterSpec spec = scenario.spec();
        long master = seed != null ? seed : scenario.seed();
        ClusterModel model = new ClusterModel(spec, RandomStreams.replicationSeed(master, 0));
        TraceCollector traces = TraceCollector.attach(model, traceEvery(spec), TARGET_TRACES + 1000);
        try {
            model.run();
        } catch (OverloadException e) {
            throw new io.tailsim.scenarios.runner.OverloadedClusterException(scenario.name(), 0, e);
        }
        List<TraceCollector.Timeline> measured = new ArrayList<>();
        for (TraceCollector.Timeline t : traces.timelines()) {
            if (t.sendTime() >= spec.warmupNanos() && t.stages().size() > 1) {
                measured.add(t);
            }
        }
        if (measured.size() < 100) {
            throw new IllegalStateException(scenario.name() + ": only " + measured.size()
                    + " records were traced after warm-up; run longer to explain percentiles");
        }
        measured.sort(Comparator.comparingLong(Explainer::latency));
        int n = measured.size();
        int tailFrom = Math.min(n - 1, (int) Math.floor(n * percentile / 100.0));
        int medLo = (int) Math.floor(n * 0.45);
        int medHi = Math.max(medLo + 1, (int) Math.ceil(n * 0.55));
        Breakdown tail = breakdown("at or above p" + trim(percentile), measured.subList(tailFrom, n));
        Breakdown median = breakdown("around the median (p45 to p55)", measured.subList(medLo, medHi));
        List<TraceCollector.Timeline> picked = new ArrayList<>();
        for (int i = 0; i < samples && i < n; i++) {
            // Evenly over the sorted list, so the samples run from fast to slow.
            picked.add(measured.get(samples == 1 ? n / 2 : (int) ((long) i * (n - 1) / (samples - 1))));
        }
        return new Explanation(scenario.name(), percentile, n, tail, median, picked);
    }

    static long latency(TraceCollector.Timeline t) {
        return t.stages().get(t.stages().size() - 1).atNanos() - t.sendTime();
    }

    private static long traceEvery(ClusterSpec spec) {
        double records = 0;
        for (ProducerGroupSpec g : spec.producerGroups()) {
            double rate = g.arrival().meanRate();
            records += (Double.isNaN(rate) ? 10_000 : rate) * g.count() * spec.durationNanos() / 1e9;
        }
        return Math.max(1, (long) (records / TARGET_TRACES));
    }

    static Breakdown breakdown(String group, List<TraceCollector.Timeline> ts) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<String, Long> byResource = new LinkedHashMap<>();
        Map<String, Activity> kinds = new LinkedHashMap<>();
        Map<String, Activity> resources = new LinkedHashMap<>();
        Map<String, Long> byComponent = new LinkedHashMap<>();
        long total = 0;
        for (TraceCollector.Timeline t : ts) {
            List<TraceCollector.Stage> st = t.stages();
            for (int i = 1; i < st.size(); i++) {
                long d = st.get(i).atNanos() - st.get(i - 1).atNanos();
                Activity a = Activity.endingAt(st.get(i));
                kinds.putIfAbsent(a.kind(), a);
                byKind.merge(a.kind(), d, Long::sum);
                resources.putIfAbsent(a.words(), a);
                byResource.merge(a.words(), d, Long::sum);
                byComponent.merge(a.component(), d, Long::sum);
                total += d;
            }
        }
        long all = Math.max(1, total);
        Map<String, Double> comp = new LinkedHashMap<>();
        for (String c : List.of("produce", "publish", "commit", "response", "other")) {
            Long v = byComponent.get(c);
            if (v != null) {
                comp.put(c, v / (double) all);
            }
        }
        return new Breakdown(group, ts.size(), total / 1e6 / ts.size(), latency(ts.get(0)) / 1e6,
                latency(ts.get(ts.size() - 1)) / 1e6, comp, shares(byKind, kinds, true, all, ts.size()),
                shares(byResource, resources, false, all, ts.size()));
    }

    private static List<Breakdown.Share> shares(Map<String, Long> times, Map<String, Activity> activities, boolean pooled,
                                                long all, int records) {
        List<Breakdown.Share> out = new ArrayList<>();
        times.forEach((k, v) -> {
            Activity a = activities.get(k);
            out.add(new Breakdown.Share(k, pooled ? a.component() : a.resource(), a.component(), v / (double) all,
                    v / 1e6 / records));
        });
        out.sort(Comparator.comparingDouble(Breakdown.Share::share).reversed().thenComparing(Breakdown.Share::activity));
        return out;
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
