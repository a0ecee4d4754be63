package io.tailsim.models.config;

import io.tailsim.core.dist.Distribution;
import io.tailsim.models.cpu.SchedulerPolicy;

import java.util.Map;

/**
 * Measured or published costs of one testbed. One profile serves every experiment on its testbed;
 * where each number comes from is written in the profile file, not here.
 *
 * @param brokerVcpus      vCPUs of a broker host
 * @param brokersPerHost   brokers sharing one host's cores (1 in the cloud; all of them on a laptop)
 * @param clientsShareBrokerHost whether client CPU competes with brokers (validation on one machine)
 * @param clientVcpus      cores of a client machine, for producer groups placed on shared client hosts
 *                         ({@link ProducerGroupSpec#clientHosts()} > 0)
 */
public record HardwareProfile(
        String name,
        int brokerVcpus,
        int brokersPerHost,
        boolean clientsShareBrokerHost,
        CpuCosts cpu,
        Network network,
        Disk disk,
        Map<CompressionType, Double> compressionRatio,
        Distribution gcPauseInterval,
        Distribution gcPauseDuration,
        int clientVcpus,
        HostEffects hostEffects) {

    public HardwareProfile {
        ConfigException.requirePositive("vcpus", brokerVcpus);
        ConfigException.requirePositive("client-vcpus", clientVcpus);
        ConfigException.requirePositive("brokers-per-host", brokersPerHost);
        compressionRatio = Map.copyOf(compressionRatio);
        hostEffects = hostEffects == null ? HostEffects.NONE : hostEffects;
    }

    /** Without host effects (no background CPU, no wake-up latency): a testbed of dedicated machines. */
    public HardwareProfile(String name, int brokerVcpus, int brokersPerHost, boolean clientsShareBrokerHost,
                           CpuCosts cpu, Network network, Disk disk, Map<CompressionType, Double> compressionRatio,
                           Distribution gcPauseInterval, Distribution gcPauseDuration, int clientVcpus) {
        this(name, brokerVcpus, brokersPerHost, clientsShareBrokerHost, cpu, network, disk, compressionRatio,
                gcPauseInterval, gcPauseDuration, clientVcpus, HostEffects.NONE);
    }

    /** This profile with other host effects. */
    public HardwareProfile withHostEffects(HostEffects effects) {
        return new HardwareProfile(name, brokerVcpus, brokersPerHost, clientsShareBrokerHost, cpu, network, disk,
                compressionRatio, gcPauseInterval, gcPauseDuration, clientVcpus, effects);
    }

    /**
     * What a crowded host adds beyond the requests' own CPU: work of the broker JVMs that is on no request's path
     * (GC and JIT threads, the kernel's loopback network stack, KRaft and other housekeeping), and the time a woken
     * thread waits before the OS scheduler runs it. Both matter where many JVM threads share few cores (validation on
     * one machine); a cloud testbed with a broker per host has neither ({@link #NONE}).
     *
     * @param backgroundCoresPerBroker      cores each broker JVM uses with no traffic at all
     * @param backgroundPerRequestNanos     off-path CPU each request handled leaves behind (allocation to collect,
     *                                      kernel work), in ns of one core
     * @param backgroundPerPartitionNanos   off-path CPU per partition of a fetch session, per fetch
     * @param backgroundBurstNanos          work of one background job: the off-path work runs in jobs of this size,
     *                                      competing with request threads for the cores
     * @param wakeupLatency                 delay between a sleeping thread being handed work and it running
     *                                      (ns; null: none)
     * @param clientBackgroundCores         cores a client JVM on a shared host uses beyond its producers' send() and
     *                                      Sender work (its consumers, GC, JIT), with no traffic
     * @param clientBackgroundPerRecordNanos that client JVM's off-path CPU per record produced and acknowledged
     * @param schedulerSliceNanos           the OS scheduler's time slice: hosts share their cores by round robin with
     *                                      this quantum (ns; 0: processor sharing, the default)
     * @param networkThreadPerWakeupNanos   CPU a broker network thread spends each time it wakes from sleep (its
     *                                      selector's epoll_wait returning, the context switch, the loop's fixed work),
     *                                      however many requests and responses it then handles
     * @param requestHandlerPerWakeupNanos  the same for a request handler thread woken by a request on an empty queue
     * @param jitCoresPerBroker             cores each broker's JIT compiler thread uses, in bursts of {@code jitBurst}
     * @param jitBurst                      CPU of one JIT compiler busy period
     * @param scheduler                     how a time-sliced host picks the next thread: FIFO round robin or Linux's
     *                                      EEVDF (only with a scheduler slice)
     * @param gcAllocation                  young collections driven by the work that allocates (null: pauses at
     *                                      gc.pause-interval only)
     * @param consumerPerFetchNanos         CPU a consumer's poll thread spends on each fetch response before poll()
     *                                      returns its records, on a host whose cores clients share with brokers (0: none)
     * @param gcWork                        a stop-the-world pause as CPU work of the JVM's parallel GC workers on the host's
     *                                      cores, the pause lasting until they finish (null: gc.pause-duration's wall clock)
     * @param timerSlackNanos               the kernel's timer slack: how much later than asked a timed wait (parkNanos, an
     *                                      epoll timeout) may end; {@code wakeupLatency} is an event wake's (a futex or
     *                                      epoll woken by another thread or a packet), and a thread waking from a timed
     *                                      wait pays this beside it (0: none)
     */
    public record HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                              double backgroundPerPartitionNanos, double backgroundBurstNanos,
                              Distribution wakeupLatency, double clientBackgroundCores,
                              double clientBackgroundPerRecordNanos, long schedulerSliceNanos,
                              double networkThreadPerWakeupNanos, double requestHandlerPerWakeupNanos,
                              double jitCoresPerBroker, Distribution jitBurst, SchedulerPolicy scheduler,
                              GcAllocation gcAllocation, double consumerPerFetchNanos, long loadBalanceIntervalNanos,
                              ColdWakeups coldWakeups, GcWork gcWork, long timerSlackNanos) {
        public static final HostEffects NONE = new HostEffects(0, 0, 0, 1_000_000, null, 0, 0, 0);

        /** Stop-the-world pauses that last a drawn wall-clock time (gc.pause-duration), taking no CPU; no timer slack. */
        public HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                           double backgroundPerPartitionNanos, double backgroundBurstNanos,
                           Distribution wakeupLatency, double clientBackgroundCores,
                           double clientBackgroundPerRecordNanos, long schedulerSliceNanos,
                           double networkThreadPerWakeupNanos, double requestHandlerPerWakeupNanos,
                           double jitCoresPerBroker, Distribution jitBurst, SchedulerPolicy scheduler,
                           GcAllocation gcAllocation, double consumerPerFetchNanos, long loadBalanceIntervalNanos,
                           ColdWakeups coldWakeups) {
            this(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos, backgroundBurstNanos,
                    wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos, schedulerSliceNanos,
                    networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker, jitBurst, scheduler,
                    gcAllocation, consumerPerFetchNanos, loadBalanceIntervalNanos, coldWakeups, null, 0);
        }

        /** Every wake-up of a broker thread costs the same, however rarely the thread wakes. */
        public HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                           double backgroundPerPartitionNanos, double backgroundBurstNanos,
                           Distribution wakeupLatency, double clientBackgroundCores,
                           double clientBackgroundPerRecordNanos, long schedulerSliceNanos,
                           double networkThreadPerWakeupNanos, double requestHandlerPerWakeupNanos,
                           double jitCoresPerBroker, Distribution jitBurst, SchedulerPolicy scheduler,
                           GcAllocation gcAllocation, double consumerPerFetchNanos, long loadBalanceIntervalNanos) {
            this(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos, backgroundBurstNanos,
                    wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos, schedulerSliceNanos,
                    networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker, jitBurst, scheduler,
                    gcAllocation, consumerPerFetchNanos, loadBalanceIntervalNanos, ColdWakeups.NONE);
        }

        /** One run queue for all cores (no cpu.load-balance-interval). */
        public HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                           double backgroundPerPartitionNanos, double backgroundBurstNanos,
                           Distribution wakeupLatency, double clientBackgroundCores,
                           double clientBackgroundPerRecordNanos, long schedulerSliceNanos,
                           double networkThreadPerWakeupNanos, double requestHandlerPerWakeupNanos,
                           double jitCoresPerBroker, Distribution jitBurst, SchedulerPolicy scheduler,
                           GcAllocation gcAllocation, double consumerPerFetchNanos) {
            this(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos, backgroundBurstNanos,
                    wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos, schedulerSliceNanos,
                    networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker, jitBurst, scheduler,
                    gcAllocation, consumerPerFetchNanos, 0);
        }

        /** These effects with a run queue per core, balanced every {@code nanos} (cpu.load-balance-interval). */
        public HostEffects withLoadBalanceInterval(long nanos) {
            return new HostEffects(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos,
                    backgroundBurstNanos, wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos,
                    schedulerSliceNanos, networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker,
                    jitBurst, scheduler, gcAllocation, consumerPerFetchNanos, nanos, coldWakeups, gcWork, timerSlackNanos);
        }

        /** These effects with young collections driven by {@code gc} (null: by gc.pause-interval only). */
        public HostEffects withGcAllocation(GcAllocation gc) {
            return new HostEffects(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos,
                    backgroundBurstNanos, wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos,
                    schedulerSliceNanos, networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker,
                    jitBurst, scheduler, gc, consumerPerFetchNanos, loadBalanceIntervalNanos, coldWakeups, gcWork, timerSlackNanos);
        }

        /** These effects with stop-the-world pauses whose length is their workers' CPU on the host (null: wall-clock lengths). */
        public HostEffects withGcWork(GcWork work) {
            return new HostEffects(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos,
                    backgroundBurstNanos, wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos,
                    schedulerSliceNanos, networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker,
                    jitBurst, scheduler, gcAllocation, consumerPerFetchNanos, loadBalanceIntervalNanos, coldWakeups, work, timerSlackNanos);
        }

        /** These effects with consumers' poll threads priced per fetch response (cpu.consumer-per-fetch). */
        public HostEffects withConsumerPerFetch(double nanos) {
            return new HostEffects(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos,
                    backgroundBurstNanos, wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos,
                    schedulerSliceNanos, networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, jitCoresPerBroker,
                    jitBurst, scheduler, gcAllocation, nanos, loadBalanceIntervalNanos, coldWakeups, gcWork, timerSlackNanos);
        }

        /** No JIT compiler thread apart from the background load; round robin where the host time-slices. */
        public HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                           double backgroundPerPartitionNanos, double backgroundBurstNanos,
                           Distribution wakeupLatency, double clientBackgroundCores,
                           double clientBackgroundPerRecordNanos, long schedulerSliceNanos,
                           double networkThreadPerWakeupNanos, double requestHandlerPerWakeupNanos) {
            this(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos, backgroundBurstNanos,
                    wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos, schedulerSliceNanos,
                    networkThreadPerWakeupNanos, requestHandlerPerWakeupNanos, 0, null, SchedulerPolicy.ROUND_ROBIN, null, 0);
        }

        /** Threads pay nothing for waking up beyond their work. */
        public HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                           double backgroundPerPartitionNanos, double backgroundBurstNanos,
                           Distribution wakeupLatency, double clientBackgroundCores,
                           double clientBackgroundPerRecordNanos, long schedulerSliceNanos) {
            this(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos, backgroundBurstNanos,
                    wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos, schedulerSliceNanos, 0, 0);
        }

        /** Processor sharing (no scheduler slice). */
        public HostEffects(double backgroundCoresPerBroker, double backgroundPerRequestNanos,
                           double backgroundPerPartitionNanos, double backgroundBurstNanos,
                           Distribution wakeupLatency, double clientBackgroundCores,
                           double clientBackgroundPerRecordNanos) {
            this(backgroundCoresPerBroker, backgroundPerRequestNanos, backgroundPerPartitionNanos, backgroundBurstNanos,
                    wakeupLatency, clientBackgroundCores, clientBackgroundPerRecordNanos, 0);
        }

        public HostEffects {
            if (coldWakeups == null) {
                coldWakeups = ColdWakeups.NONE;
            }
            CpuCosts.requireCost("cpu.background-per-broker", backgroundCoresPerBroker);
            CpuCosts.requireCost("cpu.background-per-request", backgroundPerRequestNanos);
            CpuCosts.requireCost("cpu.background-per-partition", backgroundPerPartitionNanos);
            CpuCosts.requireCost("cpu.client-background", clientBackgroundCores);
            CpuCosts.requireCost("cpu.client-background-per-record", clientBackgroundPerRecordNanos);
            CpuCosts.requireCost("cpu.network-thread-per-wakeup", networkThreadPerWakeupNanos);
            CpuCosts.requireCost("cpu.request-handler-per-wakeup", requestHandlerPerWakeupNanos);
            CpuCosts.requireCost("cpu.jit-per-broker", jitCoresPerBroker);
            CpuCosts.requireCost("cpu.consumer-per-fetch", consumerPerFetchNanos);
            if (jitCoresPerBroker > 0 && (jitBurst == null || !(jitBurst.mean() > 0))) {
                throw new ConfigException("cpu.jit-burst", "a JIT compiler thread using cpu.jit-per-broker cores needs a burst "
                        + "distribution with a positive mean");
            }
            if (!(backgroundBurstNanos > 0) || Double.isInfinite(backgroundBurstNanos)) {
                throw new ConfigException("cpu.background-burst", "must be a positive duration, got " + backgroundBurstNanos + " ns");
            }
            if (timerSlackNanos < 0) {
                throw new ConfigException("cpu.timer-slack", "must be a non-negative duration, got " + timerSlackNanos + " ns");
            }
            if (schedulerSliceNanos < 0) {
                throw new ConfigException("cpu.scheduler-slice", "must be a non-negative duration (0: processor sharing), got "
                        + schedulerSliceNanos + " ns");
            }
            if (scheduler == null) {
                throw new ConfigException("cpu.scheduler", "must be round-robin or eevdf");
            }
            if (scheduler != SchedulerPolicy.ROUND_ROBIN && schedulerSliceNanos == 0) {
                throw new ConfigException("cpu.scheduler", "picks threads for time slices: it needs cpu.scheduler-slice "
                        + "(without one the cores are shared by processor sharing)");
            }
        }

        /** Whether young collections follow the allocating work (GcAllocation) rather than a clock alone. */
        public boolean hasGcAllocation() {
            return gcAllocation != null;
        }

        /** Whether brokers run a JIT compiler thread apart from the background load. */
        public boolean hasJit() {
            return jitCoresPerBroker > 0 && jitBurst != null;
        }

        public boolean hasBackground() {
            return backgroundCoresPerBroker > 0 || backgroundPerRequestNanos > 0 || backgroundPerPartitionNanos > 0;
        }

        public boolean hasClientBackground() {
            return clientBackgroundCores > 0 || clientBackgroundPerRecordNanos > 0;
        }
    }

    /**
     * What a broker thread's wake-up costs beyond its warm cost ({@link HostEffects#networkThreadPerWakeupNanos()},
     * {@link HostEffects#requestHandlerPerWakeupNanos()}, {@link CpuCosts#replicaFetcherPerResponseNanos()}) when the thread
     * wakes rarely: a thread whose recent wake-up rate is r pays {@code cold * h / (h + r)} more, h being
     * {@code halfRatePerSecond}. A thread woken rarely finds its code and data evicted from the caches by whatever ran on
     * its core in between; one woken often finds them in place (CpuJob#setWakeupCost(double, double, double)).
     *
     * @param networkNanos      a network thread's extra CPU per wake-up at a wake-up rate near 0, ns of one core
     * @param handlerNanos      a request handler's
     * @param fetcherNanos      a replica fetcher thread's, on the fetch response that wakes it
     * @param halfRatePerSecond the wake-up rate of one thread at which it pays half of its cold cost
     */
    public record ColdWakeups(double networkNanos, double handlerNanos, double fetcherNanos, double halfRatePerSecond) {
        public static final ColdWakeups NONE = new ColdWakeups(0, 0, 0, 0);

        public ColdWakeups {
            CpuCosts.requireCost("cpu.network-thread-per-cold-wakeup", networkNanos);
            CpuCosts.requireCost("cpu.request-handler-per-cold-wakeup", handlerNanos);
            CpuCosts.requireCost("cpu.replica-fetcher-per-cold-wakeup", fetcherNanos);
            if ((networkNanos > 0 || handlerNanos > 0 || fetcherNanos > 0)
                    && !(halfRatePerSecond > 0 && halfRatePerSecond < Double.POSITIVE_INFINITY)) {
                throw new ConfigException("cpu.cold-wakeup-half-rate", "a cold wake-up cost needs a positive half rate "
                        + "(a thread's wake-ups per second at which it pays half of it, such as 100/s)");
            }
        }
    }

    /**
     * A broker's young collections as its allocation fills eden: each request handled, each partition a fetch walks and each
     * MiB produced to it brings the next collection that much closer (in collections; one collection when they add up to 1).
     *
     * @param perRequest       collections per request handled
     * @param perPartitionRead collections per partition a fetch walks (its fetch session)
     * @param perMiBProduced   collections per MiB of produce requests
     */
    public record GcAllocation(double perRequest, double perPartitionRead, double perMiBProduced) {
        public GcAllocation {
            CpuCosts.requireCost("gc.pauses-per-request", perRequest);
            CpuCosts.requireCost("gc.pauses-per-partition-read", perPartitionRead);
            CpuCosts.requireCost("gc.pauses-per-mib-produced", perMiBProduced);
            if (perRequest + perPartitionRead + perMiBProduced <= 0) {
                throw new ConfigException("gc.pauses-per-request", "allocation-driven collections need a positive term");
            }
        }
    }

    /**
     * A young collection's work: the parallel GC workers' CPU for one pause, shared evenly among them (G1 balances its
     * workers by work stealing), each a thread competing for the host's cores. The pause lasts until the last of them is
     * done, so on a crowded host it lasts longer than the work, and longer the more other threads are runnable: what
     * this machine's pauses do (a median of 12 ms with its cores half idle, 35-60 ms with them saturated).
     *
     * @param perPause CPU of all the workers for one pause, ns of one core
     * @param workers  parallel GC workers (the JVM's ParallelGCThreads)
     */
    public record GcWork(Distribution perPause, int workers) {
        public GcWork {
            if (perPause == null || !(perPause.mean() > 0)) {
                throw new ConfigException("gc.pause-work", "needs a distribution of CPU per pause with a positive mean");
            }
            ConfigException.requirePositive("gc.workers", workers);
        }
    }

    /** Without a client machine size: client hosts get as many cores as broker hosts. */
    public HardwareProfile(String name, int brokerVcpus, int brokersPerHost, boolean clientsShareBrokerHost,
                           CpuCosts cpu, Network network, Disk disk, Map<CompressionType, Double> compressionRatio,
                           Distribution gcPauseInterval, Distribution gcPauseDuration) {
        this(name, brokerVcpus, brokersPerHost, clientsShareBrokerHost, cpu, network, disk, compressionRatio,
                gcPauseInterval, gcPauseDuration, brokerVcpus, HostEffects.NONE);
    }

    /**
     * Broker CPU time, in nanoseconds of one core. A request costs {@code perRequest} of its type
     * plus {@code perKiB} per KiB of payload plus {@code perPartition} per partition it touches;
     * TLS listeners add {@code tlsPerRequest} and {@code tlsPerKiB} (encryption; no zero-copy).
     *
     * <p>Request type keys of {@code perRequestNanos} the model reads: "Produce", "FetchFollower",
     * "FetchConsumer", "Metadata", and "default" for any other.
     *
     * @param fetchSessionPartitionNanos  leader cost per partition of a fetch session, walked on every fetch
     *                                    (and again when a parked fetch completes)
     * @param networkThreadPerRequestNanos network thread cost to read one request (TLS extra)
     * @param perConnectionPerSecondNanos  background cost of one open connection per second (selector upkeep)
     * @param clientPerRequestNanos        producer Sender thread time to build and send one request
     * @param clientPerRecordNanos         application thread time per send() call
     * @param networkThreadPerResponseNanos network thread cost to write one response (TLS extra)
     * @param purgatoryCompleteNanos       cost, on the completing thread, of completing one delayed operation
     *                                    (DelayedProduce or DelayedFetch), beyond reading the data
     * @param replicaFetcherPerResponseNanos follower replica fetcher thread cost per fetch response
     *                                    (plus perKiB and perPartition for the data it appends)
     * @param serviceCv                    coefficient of variation of every CPU cost (lognormal, mean 1);
     *                                    0 makes costs deterministic
     * @param clientPerResponseNanos       producer Sender thread time to read one response (TLS unwrap,
     *                                    parse, complete its batches and run their callbacks)
     * @param replicaFetcherPerPartitionNanos follower replica fetcher thread cost per partition it fetches from
     *                                    that leader, on every fetch response: the fetcher walks all its partition
     *                                    states to build the next fetch and to process the response, data or not
     * @param clientPerWakeupNanos         producer Sender thread time each time it wakes from its selector, before it
     *                                    drains: the poll's return (its selected keys, completed sends and receives) and
     *                                    Sender.runOnce's ready() and metadata checks
     * @param clientPerWakeupPerPartitionNanos producer Sender thread time per partition of the producer's topic each time
     *                                    it wakes, beside clientPerWakeupNanos: RecordAccumulator.ready() walks every
     *                                    partition's deque, and drainBatchesForOneNode every partition the broker leads in
     *                                    the producer's metadata
     */
    public record CpuCosts(
            Map<String, Long> perRequestNanos,
            double perKiBNanos,
            double perPartitionNanos,
            double fetchSessionPartitionNanos,
            double tlsPerRequestNanos,
            double tlsPerKiBNanos,
            double networkThreadPerRequestNanos,
            double perConnectionPerSecondNanos,
            double clientPerRequestNanos,
            double clientPerRecordNanos,
            double networkThreadPerResponseNanos,
            double purgatoryCompleteNanos,
            double replicaFetcherPerResponseNanos,
            double serviceCv,
            double clientPerResponseNanos,
            double replicaFetcherPerPartitionNanos,
            double clientPerWakeupNanos,
            double clientPerWakeupPerPartitionNanos) {
        public CpuCosts {
            perRequestNanos = Map.copyOf(perRequestNanos);
            for (Map.Entry<String, Long> e : perRequestNanos.entrySet()) {
                ConfigException.requireNonNegative("cpu.per-request." + e.getKey(), e.getValue());
            }
            requireCost("cpu.per-kib", perKiBNanos);
            requireCost("cpu.per-partition", perPartitionNanos);
            requireCost("cpu.fetch-session-partition", fetchSessionPartitionNanos);
            requireCost("cpu.tls-per-request", tlsPerRequestNanos);
            requireCost("cpu.tls-per-kib", tlsPerKiBNanos);
            requireCost("cpu.network-thread-per-request", networkThreadPerRequestNanos);
            requireCost("cpu.per-connection-per-second", perConnectionPerSecondNanos);
            requireCost("cpu.client-per-request", clientPerRequestNanos);
            requireCost("cpu.client-per-record", clientPerRecordNanos);
            requireCost("cpu.network-thread-per-response", networkThreadPerResponseNanos);
            requireCost("cpu.purgatory-complete", purgatoryCompleteNanos);
            requireCost("cpu.replica-fetcher-per-response", replicaFetcherPerResponseNanos);
            requireCost("cpu.service-cv", serviceCv);
            requireCost("cpu.client-per-response", clientPerResponseNanos);
            requireCost("cpu.replica-fetcher-per-partition", replicaFetcherPerPartitionNanos);
            requireCost("cpu.client-per-wakeup", clientPerWakeupNanos);
            requireCost("cpu.client-per-wakeup-per-partition", clientPerWakeupPerPartitionNanos);
        }

        /** The seventeen-cost form: a Sender's wake-up costs the same whatever the partitions it writes. */
        public CpuCosts(Map<String, Long> perRequestNanos, double perKiBNanos, double perPartitionNanos,
                        double fetchSessionPartitionNanos, double tlsPerRequestNanos, double tlsPerKiBNanos,
                        double networkThreadPerRequestNanos, double perConnectionPerSecondNanos,
                        double clientPerRequestNanos, double clientPerRecordNanos, double networkThreadPerResponseNanos,
                        double purgatoryCompleteNanos, double replicaFetcherPerResponseNanos, double serviceCv,
                        double clientPerResponseNanos, double replicaFetcherPerPartitionNanos, double clientPerWakeupNanos) {
            this(perRequestNanos, perKiBNanos, perPartitionNanos, fetchSessionPartitionNanos, tlsPerRequestNanos,
                    tlsPerKiBNanos, networkThreadPerRequestNanos, perConnectionPerSecondNanos, clientPerRequestNanos,
                    clientPerRecordNanos, networkThreadPerResponseNanos, purgatoryCompleteNanos,
                    replicaFetcherPerResponseNanos, serviceCv, clientPerResponseNanos, replicaFetcherPerPartitionNanos,
                    clientPerWakeupNanos, 0);
        }

        /** The sixteen-cost form: the Sender thread pays nothing per wake-up. */
        public CpuCosts(Map<String, Long> perRequestNanos, double perKiBNanos, double perPartitionNanos,
                        double fetchSessionPartitionNanos, double tlsPerRequestNanos, double tlsPerKiBNanos,
                        double networkThreadPerRequestNanos, double perConnectionPerSecondNanos,
                        double clientPerRequestNanos, double clientPerRecordNanos, double networkThreadPerResponseNanos,
                        double purgatoryCompleteNanos, double replicaFetcherPerResponseNanos, double serviceCv,
                        double clientPerResponseNanos, double replicaFetcherPerPartitionNanos) {
            this(perRequestNanos, perKiBNanos, perPartitionNanos, fetchSessionPartitionNanos, tlsPerRequestNanos,
                    tlsPerKiBNanos, networkThreadPerRequestNanos, perConnectionPerSecondNanos, clientPerRequestNanos,
                    clientPerRecordNanos, networkThreadPerResponseNanos, purgatoryCompleteNanos,
                    replicaFetcherPerResponseNanos, serviceCv, clientPerResponseNanos, replicaFetcherPerPartitionNanos, 0);
        }

        /** The fifteen-cost form: the follower's fetcher pays nothing per partition of its fetch session. */
        public CpuCosts(Map<String, Long> perRequestNanos, double perKiBNanos, double perPartitionNanos,
                        double fetchSessionPartitionNanos, double tlsPerRequestNanos, double tlsPerKiBNanos,
                        double networkThreadPerRequestNanos, double perConnectionPerSecondNanos,
                        double clientPerRequestNanos, double clientPerRecordNanos, double networkThreadPerResponseNanos,
                        double purgatoryCompleteNanos, double replicaFetcherPerResponseNanos, double serviceCv,
                        double clientPerResponseNanos) {
            this(perRequestNanos, perKiBNanos, perPartitionNanos, fetchSessionPartitionNanos, tlsPerRequestNanos,
                    tlsPerKiBNanos, networkThreadPerRequestNanos, perConnectionPerSecondNanos, clientPerRequestNanos,
                    clientPerRecordNanos, networkThreadPerResponseNanos, purgatoryCompleteNanos,
                    replicaFetcherPerResponseNanos, serviceCv, clientPerResponseNanos, 0);
        }

        /** The fourteen-cost form: responses cost the producer's Sender nothing (client-per-response 0). */
        public CpuCosts(Map<String, Long> perRequestNanos, double perKiBNanos, double perPartitionNanos,
                        double fetchSessionPartitionNanos, double tlsPerRequestNanos, double tlsPerKiBNanos,
                        double networkThreadPerRequestNanos, double perConnectionPerSecondNanos,
                        double clientPerRequestNanos, double clientPerRecordNanos, double networkThreadPerResponseNanos,
                        double purgatoryCompleteNanos, double replicaFetcherPerResponseNanos, double serviceCv) {
            this(perRequestNanos, perKiBNanos, perPartitionNanos, fetchSessionPartitionNanos, tlsPerRequestNanos,
                    tlsPerKiBNanos, networkThreadPerRequestNanos, perConnectionPerSecondNanos, clientPerRequestNanos,
                    clientPerRecordNanos, networkThreadPerResponseNanos, purgatoryCompleteNanos,
                    replicaFetcherPerResponseNanos, serviceCv, 0);
        }

        /** The original ten-cost form: the four later costs are zero (deterministic costs). */
        public CpuCosts(Map<String, Long> perRequestNanos, double perKiBNanos, double perPartitionNanos,
                        double fetchSessionPartitionNanos, double tlsPerRequestNanos, double tlsPerKiBNanos,
                        double networkThreadPerRequestNanos, double perConnectionPerSecondNanos,
                        double clientPerRequestNanos, double clientPerRecordNanos) {
            this(perRequestNanos, perKiBNanos, perPartitionNanos, fetchSessionPartitionNanos, tlsPerRequestNanos,
                    tlsPerKiBNanos, networkThreadPerRequestNanos, perConnectionPerSecondNanos, clientPerRequestNanos,
                    clientPerRecordNanos, 0, 0, 0, 0, 0);
        }

        static void requireCost(String key, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new ConfigException(key, "must be a non-negative finite number, got " + v);
            }
        }

        /** Base cost of a request of Kafka API type {@code type} ("Produce", "Fetch", "Metadata", ...). */
        public long perRequest(String type) {
            return perRequestNanos.getOrDefault(type, perRequestNanos.getOrDefault("default", 0L));
        }
    }

    /**
     * Network: one-way propagation by host pair (with jitter), NIC bandwidth per host.
     *
     * @param nicBytesPerSecond per-host NIC bandwidth, shared by all flows of the host, each direction
     */
    public record Network(
            Distribution sameHostOneWay,
            Distribution sameAzOneWay,
            Distribution crossAzOneWay,
            double nicBytesPerSecond) {
        public Network {
            ConfigException.requirePositive("nic-bandwidth", nicBytesPerSecond);
        }
    }

    /**
     * Disk: page-cache write-back at {@code writeBytesPerSecond} once dirty data exceeds
     * {@code dirtyBackgroundBytes}; writers stall when it exceeds {@code dirtyLimitBytes}; reads that
     * miss the page cache pay {@code readLatency} plus bandwidth. {@code checkpointWrite} and {@code indexCreate} (null:
     * free) block the appending thread on a replica's first append and on a segment's first index entry
     * ({@link io.tailsim.models.storage.SegmentFiles}).
     */
    public record Disk(
            double writeBytesPerSecond,
            double readBytesPerSecond,
            Distribution readLatency,
            long dirtyBackgroundBytes,
            long dirtyLimitBytes,
            long pageCacheBytes,
            Distribution stallInterval,
            Distribution stallDuration,
            Distribution checkpointWrite,
            Distribution indexCreate,
            double indexCreateReferenceReplicas,
            double indexCreateReplicaExponent) {
        public Disk {
            ConfigException.requirePositive("disk-write-bandwidth", writeBytesPerSecond);
            ConfigException.requirePositive("disk-read-bandwidth", readBytesPerSecond);
            if (!(indexCreateReferenceReplicas >= 0) || Double.isInfinite(indexCreateReferenceReplicas)) {
                throw new ConfigException("disk.index-create-reference-replicas", "must be a number of replicas from 0 up (0: the "
                        + "same index creation however many replicas a broker holds), got " + indexCreateReferenceReplicas);
            }
            if (!(indexCreateReplicaExponent >= 0 && indexCreateReplicaExponent <= 2)) {
                throw new ConfigException("disk.index-create-replica-exponent", "must be from 0 to 2, got " + indexCreateReplicaExponent);
            }
        }

        /** Index creation the same however many replicas a broker holds. */
        public Disk(double writeBytesPerSecond, double readBytesPerSecond, Distribution readLatency, long dirtyBackgroundBytes,
                    long dirtyLimitBytes, long pageCacheBytes, Distribution stallInterval, Distribution stallDuration,
                    Distribution checkpointWrite, Distribution indexCreate) {
            this(writeBytesPerSecond, readBytesPerSecond, readLatency, dirtyBackgroundBytes, dirtyLimitBytes, pageCacheBytes,
                    stallInterval, stallDuration, checkpointWrite, indexCreate, 0, 0);
        }

        /**
         * How much longer than a draw of disk.index-create a broker holding {@code replicas} replicas takes to create a
         * segment's index files: (replicas / index-create-reference-replicas) ^ index-create-replica-exponent, 1 without a
         * reference. The same file work timed beside loaded clusters takes longer the more replicas the brokers hold (the
         * files, directories and journal they share), so the profile's draws are for a broker at the reference count.
         */
        public double indexCreateFactor(int replicas) {
            if (indexCreateReferenceReplicas <= 0 || indexCreateReplicaExponent == 0) {
                return 1;
            }
            return Math.pow(Math.max(1, replicas) / indexCreateReferenceReplicas, indexCreateReplicaExponent);
        }

        /** Without the blocking file writes of first appends (profiles that do not measure them). */
        public Disk(double writeBytesPerSecond, double readBytesPerSecond, Distribution readLatency, long dirtyBackgroundBytes,
                    long dirtyLimitBytes, long pageCacheBytes, Distribution stallInterval, Distribution stallDuration) {
            this(writeBytesPerSecond, readBytesPerSecond, readLatency, dirtyBackgroundBytes, dirtyLimitBytes, pageCacheBytes,
                    stallInterval, stallDuration, null, null, 0, 0);
        }
    }
}
