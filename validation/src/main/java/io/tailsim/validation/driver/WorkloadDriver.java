package io.tailsim.validation.driver;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a {@link WorkloadSpec} against a cluster: consumers first (until every group owns all its partitions), then producers
 * on their arrival schedules through warm-up and the measured window, a short cool-down so the window's last records see the
 * same load, then a drain until the consumers have seen every acknowledged window record (or a timeout).
 */
public final class WorkloadDriver {
    /**
     * Producers keep the load on this long past the window so its last records are not measured on an emptying cluster, and
     * so the counters' last snapshot (Schedule.SNAPSHOT_LAG_NANOS after the window; 0.6-0.9 s warm, 2.0-2.3 s cold) reads
     * every broker under load.
     */
    static final long COOLDOWN_NANOS = TimeUnit.SECONDS.toNanos(4);
    static final long GROUP_SETTLE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);

    /**
     * Called on the driver's main thread at the counters' snapshots (Schedule#countersStartNanos, #countersEndNanos) and, in
     * between, at the latency window's own edges, where nothing heavy may run.
     */
    public interface WindowListener {
        void countersStarted();

        void windowStarted();

        void windowEnded();

        void countersEnded();
    }

    private final String bootstrap;
    private final WorkloadSpec spec;
    private final Map<String, Integer> partitionsByTopic;
    private final String clientPrefix;

    /** @param partitionsByTopic every topic the workload names, with its partition count */
    public WorkloadDriver(String bootstrap, WorkloadSpec spec, Map<String, Integer> partitionsByTopic, String clientPrefix) {
        this.bootstrap = bootstrap;
        this.spec = spec;
        this.partitionsByTopic = Map.copyOf(partitionsByTopic);
        this.clientPrefix = clientPrefix;
        for (ProducerGroupSpec g : spec.producers()) requireTopic(g.topic(), "producer group " + g.name());
        for (ConsumerGroupSpec g : spec.consumers()) for (String t : g.topics()) requireTopic(t, "consumer group " + g.groupId());
    }

    private void requireTopic(String topic, String who) {
        if (!partitionsByTopic.containsKey(topic)) throw new IllegalArgumentException(who + " uses topic " + topic + ", which the cluster spec does not create");
    }

    public DriverResult run(WindowListener listener) throws InterruptedException {
        LatencyRecorder producerLatency = new LatencyRecorder();
        LatencyRecorder endToEnd = new LatencyRecorder();
        LatencyRecorder sendLag = new LatencyRecorder();
        Map<String, LatencyRecorder> producerByTopic = new TreeMap<>();
        Map<String, LatencyRecorder> endToEndByTopic = new TreeMap<>();
        Map<String, TopicLatency> consumerLatency = new HashMap<>();
        Map<String, LongAdder> ackedByTopic = new HashMap<>();
        for (String t : partitionsByTopic.keySet()) {
            ackedByTopic.put(t, new LongAdder());
            producerByTopic.put(t, new LatencyRecorder());
            endToEndByTopic.put(t, new LatencyRecorder());
            consumerLatency.put(t, new TopicLatency(endToEnd, endToEndByTopic.get(t)));
        }

        List<ConsumerWorker> consumers = new ArrayList<>();
        List<Map<String, LongAdder>> consumedByGroup = new ArrayList<>();
        List<Thread> consumerThreads = new ArrayList<>();
        List<ProducerWorker> producers = new ArrayList<>();
        List<Thread> producerThreads = new ArrayList<>();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        List<KafkaProducer<byte[], byte[]>> kafkaProducers = new ArrayList<>();
        boolean producersStarted = false;
        try {
            for (ConsumerGroupSpec g : spec.consumers()) {
                Map<String, LongAdder> consumed = new HashMap<>();
                for (String t : g.topics()) consumed.put(t, new LongAdder());
                consumedByGroup.add(consumed);
                for (int i = 0; i < g.count(); i++) {
                    String id = clientPrefix + "-" + g.groupId() + "-" + i;
                    KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(ClientConfigs.consumer(bootstrap, id, g.groupId(), g.configs()));
                    ConsumerWorker w = new ConsumerWorker(c, g.topics(), consumerLatency, consumed,
                            g.processing() == null ? null : g.processing().forConsumer(i));
                    consumers.add(w);
                    Thread th = new Thread(w, "tailsim-consumer-" + id);
                    th.setDaemon(true);
                    consumerThreads.add(th);
                    th.start();
                }
            }
            awaitGroupsSettled(consumers);

            // Producers are built before the schedule so their construction does not eat into the warm-up.
            for (ProducerGroupSpec g : spec.producers())
                for (int i = 0; i < g.count(); i++)
                    kafkaProducers.add(new KafkaProducer<>(ClientConfigs.producer(bootstrap, clientPrefix + "-" + g.name() + "-" + i, g.producerConfigs())));

            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            long windowStart = start + (long) (spec.warmupSeconds() * 1e9);
            long windowEnd = windowStart + (long) (spec.measureSeconds() * 1e9);
            Schedule schedule = new Schedule(start, windowStart, windowEnd, windowEnd + COOLDOWN_NANOS);
            for (ConsumerWorker c : consumers) c.setSchedule(schedule);

            int k = 0;
            SplittableRandom root = new SplittableRandom(spec.seed());
            long clockOffset = machineClockOffsetNanos(spec);
            for (ProducerGroupSpec g : spec.producers()) {
                double perProducer = g.recordsPerSec() / g.count();
                TopicLatency latency = new TopicLatency(producerLatency, producerByTopic.get(g.topic()));
                for (int i = 0; i < g.count(); i++) {
                    // One stream per producer, split in a fixed order, so a seed reproduces every producer's schedule.
                    SplittableRandom r = root.split();
                    RecordKeys keys = new RecordKeys(g.keys(), g.keyBytes(), partitionsByTopic.get(g.topic()), i, r.split());
                    ProducerWorker w = new ProducerWorker(kafkaProducers.get(k++), g, perProducer, keys, r, schedule, latency, sendLag,
                            ackedByTopic.get(g.topic()), clockOffset);
                    producers.add(w);
                    Thread th = new Thread(w, "tailsim-producer-" + g.name() + "-" + i);
                    th.setDaemon(true);
                    th.setUncaughtExceptionHandler((t, e) -> producerFailure.compareAndSet(null, e));
                    producerThreads.add(th);
                }
            }
            producersStarted = true;
            producerThreads.forEach(Thread::start);

            sleepUntil(schedule.countersStartNanos());
            listener.countersStarted();
            sleepUntil(windowStart);
            listener.windowStarted();
            sleepUntil(windowEnd);
            listener.windowEnded();
            sleepUntil(schedule.countersEndNanos());
            listener.countersEnded();
            for (Thread th : producerThreads) th.join();
            if (producerFailure.get() != null) throw new IllegalStateException("a producer thread failed", producerFailure.get());

            long expected = 0;
            for (int g = 0; g < spec.consumers().size(); g++)
                for (String t : spec.consumers().get(g).topics()) expected += ackedByTopic.get(t).sum();
            drain(spec.consumers(), consumedByGroup, ackedByTopic);
            long consumed = consumedByGroup.stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
            for (ConsumerWorker c : consumers)
                if (c.failure.get() != null) throw new IllegalStateException("a consumer failed", c.failure.get());

            return new DriverResult(producerLatency.snapshot(), endToEnd.snapshot(), sendLag.snapshot(),
                    snapshots(producerByTopic), snapshots(endToEndByTopic),
                    producers.stream().mapToLong(p -> p.sentInWindow.sum()).sum(),
                    producers.stream().mapToLong(p -> p.ackedInWindow.sum()).sum(),
                    producers.stream().mapToLong(p -> p.ackedBytesInWindow.sum()).sum(),
                    producers.stream().mapToLong(p -> p.failed.sum()).sum(),
                    producers.stream().map(p -> p.firstError.get()).filter(e -> e != null).findFirst().orElse(null),
                    consumed, expected, producerLatency.clamped() + endToEnd.clamped(),
                    producers.size(), consumers.size(), schedule,
                    producers.stream().mapToLong(p -> p.failedInWindow.sum()).sum());
        } finally {
            // Each worker closes its own producer; producers whose threads never ran are closed here.
            if (!producersStarted) for (KafkaProducer<byte[], byte[]> p : kafkaProducers) p.close(java.time.Duration.ZERO);
            for (Thread th : producerThreads) th.interrupt();
            for (Thread th : producerThreads) th.join(TimeUnit.SECONDS.toMillis(35));
            for (ConsumerWorker c : consumers) c.stop();
            for (Thread th : consumerThreads) th.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static Map<String, Histogram> snapshots(Map<String, LatencyRecorder> byTopic) {
        Map<String, Histogram> m = new TreeMap<>();
        byTopic.forEach((t, r) -> m.put(t, r.snapshot()));
        return m;
    }

    /** Waits until, in every group, the members' assignments together cover all partitions of the group's topics. */
    private void awaitGroupsSettled(List<ConsumerWorker> consumers) throws InterruptedException {
        long deadline = System.nanoTime() + GROUP_SETTLE_TIMEOUT_NANOS;
        int idx = 0;
        List<List<ConsumerWorker>> byGroup = new ArrayList<>();
        for (ConsumerGroupSpec g : spec.consumers()) {
            byGroup.add(consumers.subList(idx, idx + g.count()));
            idx += g.count();
        }
        while (true) {
            String missing = null;
            for (int g = 0; g < byGroup.size() && missing == null; g++) {
                Set<TopicPartition> owned = new HashSet<>();
                for (ConsumerWorker c : byGroup.get(g)) {
                    if (c.failure.get() != null) throw new IllegalStateException("a consumer failed while joining", c.failure.get());
                    owned.addAll(c.assignment);
                }
                ConsumerGroupSpec gs = spec.consumers().get(g);
                int want = gs.topics().stream().mapToInt(partitionsByTopic::get).sum();
                if (owned.size() < want) missing = "group " + gs.groupId() + " owns " + owned.size() + " of " + want + " partitions";
            }
            if (missing == null) return;
            if (System.nanoTime() > deadline) throw new IllegalStateException("consumer groups did not settle in 60 s: " + missing);
            Thread.sleep(50);
        }
    }

    private static void drain(List<ConsumerGroupSpec> groups, List<Map<String, LongAdder>> consumedByGroup,
                              Map<String, LongAdder> ackedByTopic) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (int g = 0; g < groups.size() && done; g++)
                for (String t : groups.get(g).topics())
                    if (consumedByGroup.get(g).get(t).sum() < ackedByTopic.get(t).sum()) {
                        done = false;
                        break;
                    }
            if (done) return;
            Thread.sleep(50);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(left);
    }

    /**
     * The driver machine's clock offset for Trogdor periods: drawn once, within the first Trogdor group's clock skew, from a
     * stream of the run's seed of its own (the producers' streams stay as they were); 0 without a Trogdor group. All the
     * driver's producers share it, as producers on one machine share its wall clock (the model's Host.clockOffset).
     */
    static long machineClockOffsetNanos(WorkloadSpec spec) {
        for (ProducerGroupSpec g : spec.producers())
            if (g.arrival() instanceof Arrival.Trogdor t)
                return t.maxClockSkewNanos() == 0 ? 0 : (long) (new SplittableRandom(spec.seed() ^ CLOCK_STREAM).nextDouble() * t.maxClockSkewNanos());
        return 0;
    }

    /** Salt of the clock offset's stream. */
    private static final long CLOCK_STREAM = 0x636c6f636bL;
}
