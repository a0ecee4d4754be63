package io.tailsim.models.cluster;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.broker.ApiKey;
import io.tailsim.models.broker.BatchListener;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.broker.KafkaRaftClient;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.ConfigException;
import io.tailsim.models.config.ConsumerGroupSpec;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.models.config.ProcessRoles;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.consumer.ConsumerGroup;
import io.tailsim.models.consumer.ConsumerObserver;
import io.tailsim.models.consumer.KafkaConsumer;
import io.tailsim.models.cpu.HostCpu;
import io.tailsim.models.network.Host;
import io.tailsim.models.network.Network;
import io.tailsim.models.placement.MetadataCache;
import io.tailsim.models.placement.ReplicaPlacement;
import io.tailsim.models.placement.TopicMetadata;
import io.tailsim.models.producer.KafkaProducer;
import io.tailsim.models.producer.ProducerGroupStats;
import io.tailsim.models.producer.ProducerObserver;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.BrokerResult;
import io.tailsim.models.report.ConsumerGroupResult;
import io.tailsim.models.report.OverloadException;
import io.tailsim.models.report.ProducerGroupResult;
import io.tailsim.models.report.RequestTimings;
import io.tailsim.models.report.RunResult;
import io.tailsim.models.report.TopicRecorders;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated Kafka cluster built from a {@link ClusterSpec}: hosts in availability zones, brokers
 * with their threads, partitions placed the way Kafka places them, replica fetchers, producers.
 * One replication, single-threaded and deterministic: the same spec and seed give the same result.
 *
 * <pre>
 * RunResult r = new ClusterModel(spec, seed).run();
 * </pre>
 *
 * Randomness: every entity draws from its own stream named after it ("producer-group-17",
 * "broker-3/cpu", "net/group-17/out"), so adding a producer leaves the others' draws unchanged.
 */
public final class ClusterModel {
    /** Overload checks run once per simulated second. */
    static final long CHECK_INTERVAL = 1_000_000_000L;

    private final ClusterSpec spec;
    private final long seed;
    private final Simulator sim = new Simulator();
    private final RandomStreams streams;
    private final HardwareProfile profile;
    private final Network network;
    private final Host[] brokerHosts;
    private final Broker[] brokers;
    private final Map<String, List<Partition>> partitions = new LinkedHashMap<>();
    private final Map<String, TopicMetadata> metadata = new LinkedHashMap<>();
    private final Map<String, int[]> placementSeeds = new LinkedHashMap<>();
    private final Map<String, TopicRecorders> topicRecorders = new LinkedHashMap<>();
    private final Map<String, ProducerGroupStats> groupStats = new LinkedHashMap<>();
    private final Map<ApiKey, RequestTimings> requestTimings = new EnumMap<>(ApiKey.class);
    private final List<KafkaProducer> producers = new ArrayList<>();
    private final List<KafkaRaftClient> raftClients = new ArrayList<>();
    private final List<Host> clientHosts = new ArrayList<>();
    private final Map<String, Host[]> groupClientHosts = new LinkedHashMap<>();
    private final int[] brokerRack;
    private final OverloadDetector overload;
    private final PhaseTracker phaseTracker = new PhaseTracker(this);
    private final SeriesCollector series;
    private final List<BatchListener> batchListeners = new ArrayList<>();
    private final Partition.CommitListener commitListener;
    private final List<Partition.CommitListener> commitListeners = new ArrayList<>();
    private final List<ProducerObserver> producerObservers = new ArrayList<>();
    private final List<ConsumerGroup> consumerGroups = new ArrayList<>();
    private final Map<String, ConsumerGroup[]> groupsByTopic = new java.util.HashMap<>();
    /** The last topic committed and its readers (groupsByTopic is complete before the run starts). */
    private String lastCommitTopic;
    private ConsumerGroup[] lastCommitReaders;
    private final List<ConsumerObserver> consumerObservers = new ArrayList<>();
    /** Consumer groups reading each topic: its partitions keep their data until each group has assigned them. */
    private final Map<String, Integer> groupsPerTopic = new LinkedHashMap<>();
    private long traceEvery;
    private long measureStart;
    private boolean started;
    private boolean finished;
    private long wallStart;
    private long wallNanos;

    public ClusterModel(ClusterSpec spec, long replicationSeed) {
        this.spec = spec;
        this.seed = replicationSeed;
        this.streams = new RandomStreams(replicationSeed);
        this.profile = spec.profile();
        this.network = new Network(sim, profile.network());
        for (ApiKey k : ApiKey.values()) {
            requestTimings.put(k, new RequestTimings(k.metricName()));
        }
        this.commitListener = (p, b, now) -> {
            ConsumerGroup[] readers;
            if (p.topic() == lastCommitTopic) {
                readers = lastCommitReaders;
            } else {
                readers = groupsByTopic.get(p.topic());
                lastCommitTopic = p.topic();
                lastCommitReaders = readers;
            }
            if (readers != null) {
                for (ConsumerGroup g : readers) {
                    g.committed(b.recordCount(), now);
                }
            }
            for (int i = 0; i < commitListeners.size(); i++) {
                commitListeners.get(i).committed(p, b, now);
            }
        };

        // hosts: brokersPerHost brokers share a host; hosts spread over AZs round-robin
        int bph = profile.brokersPerHost();
        int nHosts = (spec.brokers() + bph - 1) / bph;
        brokerHosts = new Host[nHosts];
        for (int h = 0; h < nHosts; h++) {
            HostCpu cpu = new HostCpu(sim, "host-" + h, profile.brokerVcpus());
            wakeupLatency(cpu);
            brokerHosts[h] = new Host(h, h % spec.availabilityZones(), "host-" + h,
                    profile.network().nicBytesPerSecond(), cpu);
        }
        brokers = new Broker[spec.brokers()];
        brokerRack = new int[spec.brokers()];
        for (int b = 0; b < spec.brokers(); b++) {
            Host h = brokerHosts[b / bph];
            brokerRack[b] = h.az();
            brokers[b] = new Broker(b, spec.brokers(), sim, h, b % bph, spec.brokerConfig(), profile, network,
                    streams.stream("broker-" + b + "/cpu"), streams.stream("broker-" + b + "/disk"), requestTimings,
                    this::connectionsChanged);
            if (profile.disk().checkpointWrite() != null || profile.disk().indexCreate() != null) {
                brokers[b].setSegmentFileStalls(streams.stream("broker-" + b + "/files"));
            }
            if (profile.hostEffects().hasJit()) {
                HardwareProfile.HostEffects fx = profile.hostEffects();
                new io.tailsim.models.cpu.CompilerThread(sim, h.cpu(), b % bph, fx.jitCoresPerBroker(), fx.jitBurst(),
                        streams.stream("broker-" + b + "/jit"));
            }
            if (profile.hostEffects().hasBackground()) {
                HardwareProfile.HostEffects fx = profile.hostEffects();
                brokers[b].setBackgroundLoad(new io.tailsim.models.cpu.BackgroundLoad(sim, h.cpu(), b % bph,
                        fx.backgroundCoresPerBroker(), fx.backgroundBurstNanos(), streams.stream("broker-" + b + "/background")),
                        fx.backgroundPerRequestNanos(), fx.backgroundPerPartitionNanos());
            }
            brokers[b].setPartitionCountLookup(t -> metadata.get(t).partitionCount());
            brokers[b].setBatchListener(new BatchListener() {
                @Override
                public void leaderAppended(Partition p, RecordBatch batch, long now) {
                    for (int i = 0; i < batchListeners.size(); i++) {
                        batchListeners.get(i).leaderAppended(p, batch, now);
                    }
                }

                @Override
                public void followerAppended(Partition p, int r, long newLeo, long now) {
                    for (int i = 0; i < batchListeners.size(); i++) {
                        batchListeners.get(i).followerAppended(p, r, newLeo, now);
                    }
                }
            });
        }

        // topics, placement, replica fetchers
        for (ConsumerGroupSpec g : spec.consumerGroups()) {
            groupsPerTopic.merge(g.topic(), 1, Integer::sum);
        }
        for (TopicSpec t : spec.topics()) {
            topicRecorders.put(t.name(), new TopicRecorders(t.name()));
            RandomStream placement = streams.stream("placement/" + t.name());
            int start = placement.nextInt(spec.brokers());
            int shift = placement.nextInt(spec.brokers());
            placementSeeds.put(t.name(), new int[] {start, shift});
            partitions.put(t.name(), new ArrayList<>());
            addPartitions(t, t.partitions(), start, shift);
        }

        // KRaft combined mode: the metadata quorum's voters are the brokers, led by node 0
        if (spec.brokerConfig().processRoles() == ProcessRoles.BROKER_CONTROLLER) {
            int[] voters = new int[spec.brokers()];
            for (int i = 0; i < voters.length; i++) {
                voters[i] = i;
            }
            Partition metadataLog = new Partition(KafkaRaftClient.METADATA_TOPIC, 0, voters, 1, sim.now(), null);
            raftClients.add(KafkaRaftClient.leader(brokers[0], metadataLog));
            for (int r = 1; r < voters.length; r++) {
                String conn = "net/broker-" + r + "/raft-fetch-from-0";
                raftClients.add(KafkaRaftClient.follower(brokers[r], metadataLog, r, brokers[0],
                        streams.stream(conn + "/out"), streams.stream(conn + "/in")));
            }
        }

        // producers
        MetadataCache cache = metadata::get;
        int index = 0;
        for (ProducerGroupSpec g : spec.producerGroups()) {
            if (groupStats.containsKey(g.name())) {
                throw new ConfigException("producer-groups", "producer group '" + g.name() + "' is defined twice");
            }
            ProducerGroupStats gs = new ProducerGroupStats(g.name(), g.count());
            groupStats.put(g.name(), gs);
            Host[] machines = null;
            if (g.clientHosts() > 0 && !profile.clientsShareBrokerHost()) {
                // the group's client machines (Trogdor agents): shared cores and NIC
                machines = new Host[g.clientHosts()];
                for (int h = 0; h < machines.length; h++) {
                    int az = g.az() >= 0 ? g.az() % spec.availabilityZones() : h % spec.availabilityZones();
                    String hn = "client-" + g.name() + "-host-" + h;
                    HostCpu agentCpu = new HostCpu(sim, hn, profile.clientVcpus());
                    wakeupLatency(agentCpu);
                    machines[h] = new Host(100_000 + clientHosts.size(), az, hn, profile.network().nicBytesPerSecond(),
                            agentCpu);
                    clientHosts.add(machines[h]);
                }
                groupClientHosts.put(g.name(), machines);
            }
            for (int i = 0; i < g.count(); i++) {
                String name = g.name() + "-" + i;
                Host host;
                HostCpu sharedCpu = null;
                int cpuGroup = 0;
                if (profile.clientsShareBrokerHost()) {
                    host = brokerHosts[i % nHosts];
                    sharedCpu = host.cpu();
                    cpuGroup = bph;
                } else if (machines != null) {
                    host = machines[i % machines.length];
                    sharedCpu = host.cpu();
                } else {
                    int az = g.az() >= 0 ? g.az() % spec.availabilityZones() : i % spec.availabilityZones();
                    host = new Host(1000 + index, az, "client-" + name, profile.network().nicBytesPerSecond(), null);
                }
                KafkaProducer p = new KafkaProducer(name, index, i, sim, g, profile, host, sharedCpu, cpuGroup,
                        brokers, cache, streams.stream("producer-" + name), streams.stream("net/" + name + "/out"),
                        streams.stream("net/" + name + "/in"), topicRecorders.get(g.topic()), gs,
                        spec.durationNanos());
                producers.add(p);
                index++;
            }
        }
        // consumer groups, their coordinators' __consumer_offsets partitions, one client host per member
        if (!spec.consumerGroups().isEmpty()) {
            TopicSpec offsets = new TopicSpec(ConsumerGroup.OFFSETS_TOPIC, ConsumerGroup.OFFSETS_TOPIC_PARTITIONS,
                    Math.min(ConsumerGroup.OFFSETS_TOPIC_REPLICATION_FACTOR, spec.brokers()), 1);
            RandomStream placement = streams.stream("placement/" + offsets.name());
            partitions.put(offsets.name(), new ArrayList<>());
            addPartitions(offsets, offsets.partitions(), placement.nextInt(spec.brokers()),
                    placement.nextInt(spec.brokers()));
        }
        int consumerIndex = 0;
        for (ConsumerGroupSpec g : spec.consumerGroups()) {
            if (consumerGroups.stream().anyMatch(c -> c.groupId().equals(g.groupId()))) {
                throw new ConfigException("consumers", "consumer group '" + g.groupId() + "' is defined twice");
            }
            Host[] hosts = new Host[g.count()];
            for (int i = 0; i < hosts.length; i++) {
                int az = g.az() >= 0 ? g.az() % spec.availabilityZones() : i % spec.availabilityZones();
                String hn = "client-consumer-" + g.groupId() + "-" + i;
                hosts[i] = new Host(200_000 + consumerIndex++, az, hn, profile.network().nicBytesPerSecond(), null);
            }
            ConsumerGroup group = new ConsumerGroup(g, sim, brokers, cache, partitions.get(ConsumerGroup.OFFSETS_TOPIC),
                    i -> hosts[i], streams, topicRecorders.get(g.topic()));
            double perFetch = profile.hostEffects().consumerPerFetchNanos();
            if (profile.clientsShareBrokerHost() && perFetch > 0) {
                // the consumers' JVM runs on the brokers' hosts like the producers' (clients-share-broker-host)
                for (int i = 0; i < g.count(); i++) {
                    group.pollOn(i, brokerHosts[(consumerIndex - g.count() + i) % nHosts].cpu(), bph, perFetch);
                }
            }
            consumerGroups.add(group);
            ConsumerGroup[] readers = groupsByTopic.getOrDefault(g.topic(), new ConsumerGroup[0]);
            readers = java.util.Arrays.copyOf(readers, readers.length + 1);
            readers[readers.length - 1] = group;
            groupsByTopic.put(g.topic(), readers);
        }
        clientBackground();
        overload = new OverloadDetector(this);
        series = new SeriesCollector(this);
        addProducerObserver(series, 0);
        addConsumerObserver(series);
    }

    private void addPartitions(TopicSpec t, int newCount, int start, int shift) {
        List<Partition> list = partitions.get(t.name());
        int existing = list.size();
        int[][] assignment = ReplicaPlacement.assign(brokerRack, newCount - existing, t.replicationFactor(), start,
                shift, existing);
        for (int i = 0; i < assignment.length; i++) {
            Partition p = new Partition(t.name(), existing + i, assignment[i], t.minInsyncReplicas(), sim.now(),
                    commitListener);
            p.awaitConsumerGroups(groupsPerTopic.getOrDefault(t.name(), 0));
            list.add(p);
            brokers[p.leader()].addLedPartition(p);
            for (int r = 1; r < p.replicationFactor(); r++) {
                Broker follower = brokers[p.replica(r)];
                Broker leader = brokers[p.leader()];
                String conn = "net/broker-" + follower.id() + "/fetch-from-" + leader.id();
                follower.addFollowerPartition(p, r, leader, streams.stream(conn + "/out"), streams.stream(conn + "/in"));
            }
        }
        metadata.put(t.name(), new TopicMetadata(t.name(), list, spec.brokers()));
    }

    /**
     * The client JVM's off-path CPU (its consumers, GC, JIT) on each host whose cores producers share: idle cores plus work
     * per record acknowledged, as background jobs beside the producers' own send() and Sender costs.
     */
    private void clientBackground() {
        HardwareProfile.HostEffects fx = profile.hostEffects();
        if (!fx.hasClientBackground()) {
            return;
        }
        java.util.Map<Host, io.tailsim.models.cpu.BackgroundLoad> loads = new java.util.LinkedHashMap<>();
        for (KafkaProducer p : producers) {
            Host h = p.host();
            if (h.cpu() != null && !loads.containsKey(h)) {
                int group = profile.clientsShareBrokerHost() ? profile.brokersPerHost() : 0;
                loads.put(h, new io.tailsim.models.cpu.BackgroundLoad(sim, h.cpu(), group, fx.clientBackgroundCores(),
                        fx.backgroundBurstNanos(), streams.stream(h.name() + "/client-background")));
            }
        }
        if (loads.isEmpty() || fx.clientBackgroundPerRecordNanos() <= 0) {
            return;
        }
        double perRecord = fx.clientBackgroundPerRecordNanos();
        addProducerObserver(new ProducerObserver() {
            @Override
            public void batchAcked(io.tailsim.models.producer.ProducerBatch b, long now) {
                io.tailsim.models.cpu.BackgroundLoad load = loads.get(b.producer().host());
                if (load != null) {
                    load.add(perRecord * b.recordCount());
                }
            }
        }, 0);
    }

    /** Cores' worth of run-queue wait per broker thread class (seconds waiting per second); NaN without time slices. */
    private static Map<String, Double> runQueueWaitCores(Broker b, double secs) {
        return perTimeSlicedClass(b, secs, cls -> b.runQueueWaitNanos(cls) / 1e9);
    }

    /** Cores' worth of CPU per broker thread class over the window (their JMX thread CPU time per second). */
    private static Map<String, Double> threadCpuCores(Broker b, double secs) {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] classes = {"network", "requestHandler", "replicaFetcher"};
        for (int cls = 0; cls < classes.length; cls++) {
            m.put(classes[cls], secs > 0 ? b.threadCpuNanos(cls) / 1e9 / secs : Double.NaN);
        }
        return m;
    }

    /** Preemptions per second per broker thread class (Linux's nonvoluntary context switches); NaN without time slices. */
    private static Map<String, Double> preemptionRates(Broker b, double secs) {
        return perTimeSlicedClass(b, secs, cls -> (double) b.preemptions(cls));
    }

    /** {@code count} of each broker thread class per second of the window; NaN where the host does not time-slice. */
    private static Map<String, Double> perTimeSlicedClass(Broker b, double secs, java.util.function.IntToDoubleFunction count) {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] classes = {"network", "requestHandler", "replicaFetcher"};
        for (int cls = 0; cls < classes.length; cls++) {
            m.put(classes[cls], secs > 0 && b.host().cpu().timeSliced() ? count.applyAsDouble(cls) / secs : Double.NaN);
        }
        return m;
    }

    /** Thread wake-ups per second of the window, by thread class. */
    private static Map<String, Double> wakeupRates(Broker b, double secs) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("network", secs > 0 ? b.networkThreadWakeups() / secs : Double.NaN);
        m.put("requestHandler", secs > 0 ? b.handlerThreadWakeups() / secs : Double.NaN);
        m.put("replicaFetcher", secs > 0 ? b.replicaFetcherWakeups() / secs : Double.NaN);
        return m;
    }

    /** The profile's OS scheduler on {@code cpu}: its time slice, if any, and wake-up latency, from the host's own stream. */
    private void wakeupLatency(HostCpu cpu) {
        if (profile.hostEffects().schedulerSliceNanos() > 0) {
            cpu.setTimeSlice(profile.hostEffects().schedulerSliceNanos(), profile.hostEffects().scheduler(),
                    profile.hostEffects().loadBalanceIntervalNanos());
        }
        if (profile.hostEffects().wakeupLatency() != null) {
            cpu.setWakeupLatency(profile.hostEffects().wakeupLatency(), streams.stream(cpu.name() + "/wakeup"));
            cpu.setTimerSlack(profile.hostEffects().timerSlackNanos());
        }
    }

    private void connectionsChanged(Broker b) {
        double perConn = profile.cpu().perConnectionPerSecondNanos() / 1e9;
        if (perConn <= 0) {
            return;
        }
        Host h = b.host();
        int conns = 0;
        for (Broker o : brokers) {
            if (o != null && o.host() == h) {
                conns += o.connections();
            }
        }
        double cap = profile.brokerVcpus() - conns * perConn;
        if (cap <= 0.05 * profile.brokerVcpus()) {
            throw new OverloadException(h.name() + " CPU", conns * perConn / profile.brokerVcpus(), sim.now(),
                    h.name() + ": " + conns + " connections cost " + String.format("%.2f", conns * perConn)
                            + " of " + profile.brokerVcpus() + " cores in upkeep alone");
        }
        h.cpu().setCapacity(cap);
    }

    // ---- hooks ----

    public Simulator simulator() {
        return sim;
    }

    /** Called after every event (invariant checks, traces). */
    public void setObserver(Simulator.Observer o) {
        sim.setObserver(o);
    }

    public void addBatchListener(BatchListener l) {
        batchListeners.add(l);
    }

    public void addCommitListener(Partition.CommitListener l) {
        commitListeners.add(l);
    }

    /**
     * Observes producers' batches: every acknowledgement, and the journey of every {@code traceEvery}-th
     * record of each producer (0 for none).
     */
    public void addProducerObserver(ProducerObserver o, long traceEvery) {
        producerObservers.add(o);
        if (traceEvery > 0) {
            this.traceEvery = this.traceEvery == 0 ? traceEvery : Math.min(this.traceEvery, traceEvery);
        }
        ProducerObserver all = producerObservers.size() == 1 ? o : new ProducerObserver() {
            @Override
            public void batchAcked(io.tailsim.models.producer.ProducerBatch b, long now) {
                for (int i = 0; i < producerObservers.size(); i++) {
                    producerObservers.get(i).batchAcked(b, now);
                }
            }

            @Override
            public void recordSent(KafkaProducer p, io.tailsim.models.producer.ProducerBatch b, long idx, long now) {
                for (int i = 0; i < producerObservers.size(); i++) {
                    producerObservers.get(i).recordSent(p, b, idx, now);
                }
            }

            @Override
            public void batchSent(io.tailsim.models.producer.ProducerBatch b, long now) {
                for (int i = 0; i < producerObservers.size(); i++) {
                    producerObservers.get(i).batchSent(b, now);
                }
            }

            @Override
            public void batchAppended(io.tailsim.models.producer.ProducerBatch b, long now) {
                for (int i = 0; i < producerObservers.size(); i++) {
                    producerObservers.get(i).batchAppended(b, now);
                }
            }

            @Override
            public void batchCommitted(io.tailsim.models.producer.ProducerBatch b, long now) {
                for (int i = 0; i < producerObservers.size(); i++) {
                    producerObservers.get(i).batchCommitted(b, now);
                }
            }
        };
        for (KafkaProducer p : producers) {
            p.setObserver(all, this.traceEvery);
        }
    }

    public List<Broker> brokers() {
        return List.of(brokers);
    }

    public List<KafkaProducer> producers() {
        return Collections.unmodifiableList(producers);
    }

    public List<ConsumerGroup> consumerGroups() {
        return Collections.unmodifiableList(consumerGroups);
    }

    /** Observes every record a consumer hands to its application (set before run()). */
    public void addConsumerObserver(ConsumerObserver o) {
        consumerObservers.add(o);
        ConsumerObserver all = consumerObservers.size() == 1 ? o : (c, b, from, to, fetchSentAt, now) -> {
            for (int i = 0; i < consumerObservers.size(); i++) {
                consumerObservers.get(i).recordsDelivered(c, b, from, to, fetchSentAt, now);
            }
        };
        for (ConsumerGroup g : consumerGroups) {
            g.setObserver(all);
        }
    }

    /**
     * After the producers have stopped and drained: runs until every consumer group has read
     * every partition of its topic up to the log end. False when no group's position moved for
     * {@code maxStallNanos}, or nothing is left to happen: a stall, not a slow reader (a consumer
     * whose other partitions wait out fetch.max.wait.ms behind buffered ones catches up slowly but
     * surely). The exactly-once tests use it.
     */
    public boolean awaitConsumersCaughtUp(long maxStallNanos) {
        long progress = consumerPositions();
        long deadline = sim.now() + maxStallNanos;
        while (!consumersCaughtUp()) {
            if (sim.pending() == 0) {
                return false;
            }
            if (sim.now() > deadline) {
                long p = consumerPositions();
                if (p == progress) {
                    return false;
                }
                progress = p;
                deadline = sim.now() + maxStallNanos;
            }
            sim.step();
        }
        return true;
    }

    /** The sum over groups and partitions of the furthest position any member reached. */
    private long consumerPositions() {
        long sum = 0;
        for (ConsumerGroup g : consumerGroups) {
            for (Partition p : partitions.get(g.topic())) {
                sum += furthestPosition(g, p);
            }
        }
        return sum;
    }

    private boolean consumersCaughtUp() {
        for (ConsumerGroup g : consumerGroups) {
            for (Partition p : partitions.get(g.topic())) {
                if (furthestPosition(g, p) < p.logEndOffset()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The furthest position any member of {@code g} reached in {@code p}; -1 when none holds it. */
    private static long furthestPosition(ConsumerGroup g, Partition p) {
        long pos = -1;
        for (KafkaConsumer c : g.members()) {
            pos = Math.max(pos, c.position(p.id()));
        }
        return pos;
    }

    public List<Partition> partitions(String topic) {
        return Collections.unmodifiableList(partitions.get(topic));
    }

    /** Partitions of all topics. */
    public int partitionCount() {
        int n = 0;
        for (List<Partition> l : partitions.values()) {
            n += l.size();
        }
        return n;
    }

    public List<Partition> allPartitions() {
        List<Partition> all = new ArrayList<>();
        partitions.values().forEach(all::addAll);
        return all;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** Each topic's recorders (the scenario's topics), live. */
    Map<String, TopicRecorders> topicRecorders() {
        return topicRecorders;
    }

    /** Partition replicas each broker holds now, every topic counted (__consumer_offsets too). */
    List<Integer> replicasPerBroker() {
        int[] n = new int[brokers.length];
        for (List<Partition> l : partitions.values()) {
            for (int i = 0; i < l.size(); i++) {
                Partition p = l.get(i);
                for (int r = 0; r < p.replicationFactor(); r++) {
                    n[p.replica(r)]++;
                }
            }
        }
        List<Integer> out = new ArrayList<>(n.length);
        for (int x : n) {
            out.add(x);
        }
        return out;
    }

    Host[] brokerHosts() {
        return brokerHosts;
    }

    /** Client machines of producer groups placed on shared hosts. */
    List<Host> clientHosts() {
        return clientHosts;
    }

    /** Time the host's NIC needs to send what is queued on it now (ns). */
    long networkEgressBacklog(Host h) {
        return network.egressFreeAt(h) - sim.now();
    }

    // ---- running ----

    /** Runs the whole duration and returns what was measured after warm-up. */
    public RunResult run() {
        start();
        try {
            sim.runUntil(spec.durationNanos());
        } catch (OverloadException e) {
            wallNanos = System.nanoTime() - wallStart;
            throw e.withPartialResult(result(e.getMessage()));
        }
        wallNanos = System.nanoTime() - wallStart;
        return result(null);
    }

    /**
     * After {@link #run()}: stops every application from calling send(), lets the producers send
     * what they hold and waits for every acknowledgement, for at most {@code maxNanos} more.
     * Returns true when everything was acknowledged (tests use it to prove no record was lost).
     */
    public boolean stopProducersAndDrain(long maxNanos) {
        for (KafkaProducer p : producers) {
            p.stopSending(sim.now());
        }
        long limit = sim.now() + maxNanos;
        while (!allAcknowledged()) {
            if (sim.pending() == 0 || sim.now() > limit) {
                return false;
            }
            sim.step();
        }
        return true;
    }

    private boolean allAcknowledged() {
        for (KafkaProducer p : producers) {
            if (p.incompleteBatches() > 0 || p.blockedOnBufferMemory() || p.recordsAppended() < p.recordsSent()) {
                return false;
            }
        }
        return true;
    }

    /** Starts fetchers, producers, warm-up reset, phases and overload checks (run() calls it). */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        wallStart = System.nanoTime();
        for (Broker b : brokers) {
            b.startFetchers();
        }
        for (KafkaRaftClient c : raftClients) {
            c.start();
        }
        for (KafkaProducer p : producers) {
            p.start(sim.now());
        }
        for (ConsumerGroup g : consumerGroups) {
            g.start(sim.now());
        }
        sim.scheduleAt(new Event() {
            @Override
            public void fire(Simulator s) {
                resetStatistics(s.now());
            }

            @Override
            public String label() {
                return "warm-up end";
            }
        }, spec.warmupNanos());
        for (PhaseChange ph : spec.phases()) {
            sim.scheduleAt(new Event() {
                @Override
                public void fire(Simulator s) {
                    apply(ph);
                }

                @Override
                public String label() {
                    return "phase " + ph;
                }
            }, ph.atNanos());
        }
        // after the changes scheduled for the same instant (ties fire in scheduling order)
        spec.phases().stream().mapToLong(PhaseChange::atNanos).distinct().sorted()
                .filter(t -> t >= spec.warmupNanos() && t < spec.durationNanos())
                .forEach(t -> sim.scheduleAt(new Event() {
                    @Override
                    public void fire(Simulator s) {
                        phaseTracker.boundary(s.now());
                    }

                    @Override
                    public String label() {
                        return "phase boundary";
                    }
                }, t));
        series.start();
        overload.start();
        gcPauses();
    }

    private void apply(PhaseChange ph) {
        if (ph instanceof PhaseChange.SetPartitions sp) {
            TopicSpec t = spec.topic(sp.topic());
            int existing = partitions.get(sp.topic()).size();
            if (sp.partitions() < existing) {
                throw new ConfigException("partitions", "phase at " + sp.atNanos() / 1e9 + " s would shrink topic '"
                        + sp.topic() + "' from " + existing + " to " + sp.partitions() + " partitions; Kafka cannot");
            }
            if (sp.partitions() > existing) {
                // AddPartitions: startIndex and shift from partition 0's leader, as AdminZkClient.addPartitions does
                int leader0 = partitions.get(sp.topic()).get(0).leader();
                addPartitions(t, sp.partitions(), leader0, leader0);
            }
        }
    }

    /**
     * Stop-the-world pauses per broker: at gc.pause-interval, and where the profile says how the broker's work fills eden
     * (GcAllocation), each time it is full. A collection due during a pause is dropped (the pause just emptied eden).
     */
    private void gcPauses() {
        HardwareProfile.GcAllocation allocation = profile.hostEffects().gcAllocation();
        HardwareProfile.GcWork work = profile.hostEffects().gcWork();
        if ((profile.gcPauseDuration() == null && work == null) || (profile.gcPauseInterval() == null && allocation == null)) {
            return;
        }
        int bph = profile.brokersPerHost();
        for (Broker b : brokers) {
            // the workers' own group: the pause stops the broker's threads, not them
            GcPause pause = new GcPause(b, streams.stream("broker-" + b.id() + "/gc"), work, bph + 1 + b.id() % bph);
            pause.scheduleIdle();
            if (allocation != null) {
                b.setGcAllocation(allocation, pause::collectNow);
            }
        }
    }

    /**
     * One broker's stop-the-world pauses: each fire starts or ends one. A pause lasts a drawn wall-clock time
     * (gc.pause-duration), or, where the profile gives the collection's work (gc.pause-work), until the GC workers have
     * done it on the host's cores beside every other runnable thread there.
     */
    private final class GcPause extends Event {
        private final Broker b;
        private final RandomStream rng;
        private final HardwareProfile.GcWork work;
        private final GcWorker[] workers;
        private boolean paused;
        private int working;
        private long begun;

        GcPause(Broker b, RandomStream rng, HardwareProfile.GcWork work, int workerGroup) {
            this.b = b;
            this.rng = rng;
            this.work = work;
            this.workers = new GcWorker[work == null ? 0 : work.workers()];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new GcWorker(workerGroup);
            }
        }

        @Override
        public void fire(Simulator s) {
            if (!paused) {
                paused = true;
                begun = s.now();
                b.gcPauseBegins();
                b.cpu().pause(b.cpuGroup());
                if (work == null) {
                    s.schedule(this, Math.max(0, Math.round(profile.gcPauseDuration().sample(rng))));
                } else {
                    double each = Math.max(1, work.perPause().sample(rng)) / workers.length;
                    working = workers.length;
                    for (GcWorker w : workers) {
                        b.cpu().submit(w, each);
                    }
                }
            } else {
                paused = false;
                b.gcPauseEnds(s.now() - begun);
                b.cpu().resume(b.cpuGroup());
                scheduleIdle();
            }
        }

        /** The next pause by the clock, if the profile has one (gc.pause-interval). */
        void scheduleIdle() {
            if (profile.gcPauseInterval() != null) {
                sim.schedule(this, Math.max(1, Math.round(profile.gcPauseInterval().sample(rng))));
            }
        }

        /** Eden is full: a pause starts after the current event, unless one is on. */
        void collectNow() {
            if (!paused) {
                if (isScheduled()) {
                    sim.cancel(this);
                }
                sim.schedule(this, 0);
            }
        }

        @Override
        public String label() {
            return b.name() + "/gc";
        }

        /** A parallel GC worker: the pause ends (after the current event) when the last one is done. */
        private final class GcWorker extends io.tailsim.models.cpu.CpuJob {
            GcWorker(int group) {
                super(group);
            }

            @Override
            protected void cpuDone(long now) {
                if (--working == 0) {
                    sim.schedule(GcPause.this, 0);
                }
            }
        }
    }

    private void resetStatistics(long now) {
        for (KafkaProducer p : producers) {
            p.catchUpSends();
        }
        measureStart = now;
        for (TopicRecorders t : topicRecorders.values()) {
            t.reset();
        }
        for (ProducerGroupStats g : groupStats.values()) {
            g.reset();
        }
        for (ConsumerGroup g : consumerGroups) {
            g.resetStats(now);
        }
        for (RequestTimings t : requestTimings.values()) {
            t.reset();
        }
        for (Broker b : brokers) {
            b.resetStats();
        }
        for (Host h : brokerHosts) {
            h.cpu().resetStats();
            h.resetStats();
        }
        for (Host h : clientHosts) {
            h.cpu().resetStats();
            h.resetStats();
        }
        for (KafkaProducer p : producers) {
            p.closeIntervals(now, true);
        }
        phaseTracker.open(now);
    }

    private RunResult result(String stoppedBecause) {
        long now = sim.now();
        if (!finished) {
            for (KafkaProducer p : producers) {
                p.closeIntervals(now, false);
            }
            finished = true;
        }
        long window = now - measureStart;
        double secs = window / 1e9;
        TopicRecorders total = new TopicRecorders("*");
        for (TopicRecorders t : topicRecorders.values()) {
            total.add(t);
        }
        List<BrokerResult> brokerResults = new ArrayList<>();
        for (Broker b : brokers) {
            Map<String, Double> rates = new LinkedHashMap<>();
            Map<String, Map<String, Double>> timings = new LinkedHashMap<>();
            for (ApiKey k : ApiKey.values()) {
                rates.put(k.metricName(), secs > 0 ? b.requestsArrived(k) / secs : Double.NaN);
                if (b.timingCount(k) > 0) {
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (int i = 0; i < RequestTimings.NAMES.length; i++) {
                        m.put(RequestTimings.NAMES[i], b.meanTiming(k, i) / 1e6);
                    }
                    timings.put(k.metricName(), m);
                }
            }
            Host h = b.host();
            brokerResults.add(new BrokerResult(b.name(), h.cpu().utilisation(), b.networkThreadUtilisation(),
                    b.handlerThreadUtilisation(), b.replicaFetcherUtilisation(), rates, timings,
                    b.meanRequestQueueLength(), window > 0 ? Math.min(1, h.egressBusyNanos() / window) : Double.NaN,
                    window > 0 ? Math.min(1, h.ingressBusyNanos() / window) : Double.NaN,
                    b.pageCache().utilisation(measureStart), secs > 0 ? b.produceBytesIn() / 1e6 / secs : Double.NaN,
                    secs > 0 ? b.fetchBytesOut() / 1e6 / secs : Double.NaN, wakeupRates(b, secs), h.cpu().pressureSome(),
                    runQueueWaitCores(b, secs), preemptionRates(b, secs), threadCpuCores(b, secs),
                    secs > 0 ? b.gcPauses() / secs : Double.NaN, b.gcPauseMsMean()));
        }
        Map<String, RequestTimings> timings = new LinkedHashMap<>();
        for (Map.Entry<ApiKey, RequestTimings> e : requestTimings.entrySet()) {
            timings.put(e.getKey().metricName(), e.getValue());
        }
        Map<String, ProducerGroupResult> groups = new LinkedHashMap<>();
        for (ProducerGroupStats g : groupStats.values()) {
            double producerSecs = g.producers * secs;
            Host[] machines = groupClientHosts.get(g.group);
            double clientCpu = Double.NaN;
            if (machines != null) {
                clientCpu = 0;
                for (Host h : machines) {
                    clientCpu += h.cpu().utilisation() / machines.length;
                }
            }
            groups.put(g.group, new ProducerGroupResult(g.group, g.producers, g.recordsSent,
                    g.recordsPerBatch.mean(), g.batchesPerRequest.mean(), g.produceRequests / secs,
                    g.metadataRequests / secs, g.inFlightBlockedNanos / 1e9 / producerSecs,
                    g.bufferBlockedNanos / 1e9 / producerSecs, g.flushNanos / 1e9 / producerSecs, clientCpu,
                    g.senderWakeups / secs, g.senderCpuNanos / 1e9 / secs));
        }
        Map<String, ConsumerGroupResult> consumers = new LinkedHashMap<>();
        for (ConsumerGroup g : consumerGroups) {
            var st = g.stats;
            consumers.put(g.groupId(), new ConsumerGroupResult(g.groupId(), g.topic(), g.members().size(),
                    brokers[g.coordinator()].name(), st.recordsConsumed, st.fetchRequests / secs, st.polls / secs,
                    st.polls > 0 ? st.recordsConsumed / (double) st.polls : Double.NaN, st.offsetCommits / secs,
                    st.offsetCommitsFailed / secs,
                    st.heartbeats / secs, st.metadataRequests / secs, st.rebalances,
                    g.meanLag(now), g.maxLag(), g.lag()));
        }
        return new RunResult(seed, window, total, topicRecorders, brokerResults, timings, groups, consumers,
                phaseTracker.results(now), series.finish(now), sim.eventsFired(), wallNanos, now, stoppedBecause);
    }
}
