package io.tailsim.models.cluster;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.stat.IntervalSeries;
import io.tailsim.core.time.Time;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.consumer.ConsumerGroup;
import io.tailsim.models.consumer.ConsumerObserver;
import io.tailsim.models.consumer.KafkaConsumer;
import io.tailsim.models.producer.ProducerBatch;
import io.tailsim.models.producer.ProducerObserver;
import io.tailsim.models.report.RunSeries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the run's time series over the measured window: per topic, interval histograms of
 * producer and end-to-end latency, and (for the scenario's first {@value #MAX_TOPICS_BY_BROKER}
 * topics) of end-to-end latency per leader broker (the latency blog's partition figure draws one
 * line per broker); per broker, its host's CPU utilisation and
 * its replica count per interval; per consumer group, its time-average lag per interval.
 */
final class SeriesCollector extends Event implements ProducerObserver, ConsumerObserver {
    /** Intervals of 10 s, or of 1 min when the measured window is longer than this. */
    static final long LONG_RUN_NANOS = 600 * Time.SECOND;
    /** Per-broker series for the scenario's first topics only: each series holds a histogram (~0.3 MB). */
    static final int MAX_TOPICS_BY_BROKER = 6;

    private final ClusterModel model;
    private final long origin;
    private final long interval;
    private final Map<String, IntervalSeries> series = new LinkedHashMap<>();
    private final Map<String, IntervalSeries> producerByTopic = new HashMap<>();
    private final Map<String, IntervalSeries> endToEndByTopic = new HashMap<>();
    private final Map<String, IntervalSeries[]> endToEndByBroker = new HashMap<>();
    private final List<double[]> cpuRows = new ArrayList<>();
    private final List<int[]> replicaRows = new ArrayList<>();
    private final List<double[]> lagRows = new ArrayList<>();
    private double[] lastBusy;
    private double[] lastLagIntegral;
    private long lastSample;
    private boolean finished;

    private final java.util.Set<String> byBrokerTopics = new java.util.HashSet<>();
    /** The last topic acknowledged and its series (a map lookup and a tag string per batch otherwise). */
    private String lastAckTopic;
    private IntervalSeries lastAckSeries;

    SeriesCollector(ClusterModel model) {
        this.model = model;
        model.spec().topics().stream().limit(MAX_TOPICS_BY_BROKER).forEach(t -> byBrokerTopics.add(t.name()));
        long warmup = model.spec().warmupNanos();
        this.origin = (warmup + Time.MILLISECOND - 1) / Time.MILLISECOND * Time.MILLISECOND;
        long measured = model.spec().durationNanos() - origin;
        this.interval = measured > LONG_RUN_NANOS ? Time.MINUTE : 10 * Time.SECOND;
    }

    void start() {
        model.simulator().scheduleAt(this, origin);
    }

    private IntervalSeries series(Map<String, IntervalSeries> byTopic, String topic, String tag) {
        IntervalSeries s = byTopic.get(topic);
        if (s == null) {
            s = new IntervalSeries(tag, origin, interval);
            byTopic.put(topic, s);
            series.put(tag, s);
        }
        return s;
    }

    @Override
    public void batchAcked(ProducerBatch b, long now) {
        if (finished || now < origin) {
            return;
        }
        String topic = b.partition().topic();
        IntervalSeries s;
        if (topic == lastAckTopic) {
            s = lastAckSeries;
        } else {
            s = series(producerByTopic, topic, RunSeries.producerLatencyTag(topic));
            lastAckTopic = topic;
            lastAckSeries = s;
        }
        for (int k = 0; k < b.recordCount(); k++) {
            s.record(now, now - b.sendTime(k));
        }
    }

    @Override
    public void recordsDelivered(KafkaConsumer c, ProducerBatch b, int from, int to, long fetchSentAt, long now) {
        if (finished || now < origin) {
            return;
        }
        String topic = b.partition().topic();
        IntervalSeries s = series(endToEndByTopic, topic, RunSeries.endToEndTag(topic));
        if (!byBrokerTopics.contains(topic)) {
            for (int k = from; k < to; k++) {
                s.record(now, now - b.sendTime(k));
            }
            return;
        }
        IntervalSeries[] perBroker = endToEndByBroker.computeIfAbsent(topic, t -> new IntervalSeries[model.brokers().size()]);
        int leader = b.partition().leader();
        if (perBroker[leader] == null) {
            String tag = RunSeries.endToEndTag(topic, model.brokers().get(leader).name());
            perBroker[leader] = new IntervalSeries(tag, origin, interval);
            series.put(tag, perBroker[leader]);
        }
        for (int k = from; k < to; k++) {
            long e2e = now - b.sendTime(k);
            s.record(now, e2e);
            perBroker[leader].record(now, e2e);
        }
    }

    /** Interval boundary: samples the per-interval figures. */
    @Override
    public void fire(Simulator sim) {
        if (finished) {
            return;
        }
        long now = sim.now();
        if (lastBusy == null) {
            lastBusy = busy();
            lastLagIntegral = lagIntegrals(now);
            lastSample = now;
        } else {
            sample(now);
        }
        sim.schedule(this, interval);
    }

    private double[] busy() {
        List<Broker> brokers = model.brokers();
        double[] b = new double[brokers.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = brokers.get(i).cpu().busyCoreNanosTotal();
        }
        return b;
    }

    private double[] lagIntegrals(long now) {
        List<ConsumerGroup> groups = model.consumerGroups();
        double[] l = new double[groups.size()];
        for (int g = 0; g < l.length; g++) {
            l[g] = groups.get(g).lagIntegral(now);
        }
        return l;
    }

    private void sample(long now) {
        double[] busy = busy();
        List<Broker> brokers = model.brokers();
        double[] cpu = new double[busy.length];
        for (int i = 0; i < busy.length; i++) {
            cpu[i] = (busy[i] - lastBusy[i]) / (brokers.get(i).cpu().capacity() * (now - lastSample));
        }
        cpuRows.add(cpu);
        replicaRows.add(model.replicasPerBroker().stream().mapToInt(Integer::intValue).toArray());
        double[] integrals = lagIntegrals(now);
        double[] lag = new double[integrals.length];
        for (int g = 0; g < lag.length; g++) {
            lag[g] = (integrals[g] - lastLagIntegral[g]) / (now - lastSample);
        }
        lagRows.add(lag);
        lastBusy = busy;
        lastLagIntegral = integrals;
        lastSample = now;
    }

    /** Ends every series now (a last, shorter interval if the run did not end on a boundary). */
    RunSeries finish(long now) {
        if (!finished) {
            finished = true;
            if (lastBusy != null && now > lastSample) {
                sample(now);
            }
            for (IntervalSeries s : series.values()) {
                s.close(Math.max(now, origin));
            }
        }
        List<Broker> brokers = model.brokers();
        List<String> names = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        List<int[]> replicas = new ArrayList<>();
        for (int b = 0; b < brokers.size(); b++) {
            names.add(brokers.get(b).name());
            double[] c = new double[cpuRows.size()];
            int[] r = new int[replicaRows.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = cpuRows.get(k)[b];
                r[k] = replicaRows.get(k)[b];
            }
            cpu.add(c);
            replicas.add(r);
        }
        Map<String, double[]> lag = new LinkedHashMap<>();
        List<ConsumerGroup> groups = model.consumerGroups();
        for (int g = 0; g < groups.size(); g++) {
            double[] l = new double[lagRows.size()];
            for (int k = 0; k < l.length; k++) {
                l[k] = lagRows.get(k)[g];
            }
            lag.put(groups.get(g).groupId(), l);
        }
        return new RunSeries(origin, interval, series, names, cpu, replicas, lag);
    }

    @Override
    public String label() {
        return "series-sample";
    }
}
