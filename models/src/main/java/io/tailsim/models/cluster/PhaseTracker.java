package io.tailsim.models.cluster;

import io.tailsim.models.broker.Broker;
import io.tailsim.models.report.PhaseResult;
import io.tailsim.models.report.TopicRecorders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the measured window at every phase change into phases and measures each: the latencies
 * recorded during it (differences of snapshots of the run's recorders, so recording costs nothing
 * extra), each broker host's CPU utilisation, the partitions each topic had and the replicas each
 * broker held.
 */
final class PhaseTracker {
    private final ClusterModel model;
    private final List<PhaseResult> closed = new ArrayList<>();
    private long start = -1;
    private Map<String, TopicRecorders> snapshot;
    private double[] busyAtStart;
    private Map<String, Integer> partitions;
    private List<Integer> replicas;

    PhaseTracker(ClusterModel model) {
        this.model = model;
    }

    /** Starts a phase now: at the warm-up end (the recorders were just reset) and after each phase change. */
    void open(long now) {
        start = now;
        snapshot = new LinkedHashMap<>();
        model.topicRecorders().forEach((t, r) -> snapshot.put(t, r.copy()));
        List<Broker> brokers = model.brokers();
        busyAtStart = new double[brokers.size()];
        for (int b = 0; b < busyAtStart.length; b++) {
            busyAtStart[b] = brokers.get(b).cpu().busyCoreNanosTotal();
        }
        partitions = new LinkedHashMap<>();
        model.spec().topics().forEach(t -> partitions.put(t.name(), model.partitions(t.name()).size()));
        replicas = model.replicasPerBroker();
    }

    /** A phase change took effect now: the open phase ends, the next begins. */
    void boundary(long now) {
        if (start < 0) {
            return;
        }
        if (now > start) {
            closed.add(measure(now));
        }
        open(now);
    }

    /** The phases so far, the open one measured up to now. */
    List<PhaseResult> results(long now) {
        List<PhaseResult> out = new ArrayList<>(closed);
        if (start >= 0 && now > start) {
            out.add(measure(now));
        }
        return out;
    }

    private PhaseResult measure(long now) {
        Map<String, TopicRecorders> topics = new LinkedHashMap<>();
        TopicRecorders total = new TopicRecorders("*");
        model.topicRecorders().forEach((t, r) -> {
            TopicRecorders d = r.since(snapshot.get(t));
            topics.put(t, d);
            total.add(d);
        });
        List<Broker> brokers = model.brokers();
        List<Double> cpu = new ArrayList<>();
        for (int b = 0; b < brokers.size(); b++) {
            var c = brokers.get(b).cpu();
            cpu.add((c.busyCoreNanosTotal() - busyAtStart[b]) / (c.capacity() * (now - start)));
        }
        return new PhaseResult(closed.size(), start, now, partitions, replicas, topics, total, cpu);
    }
}
