package io.tailsim.validation.driver;

import java.util.List;

/**
 * The clients and the timing of a run: warm-up, then the measured window. Only records whose intended send time falls in the
 * window are recorded.
 */
public record WorkloadSpec(List<ProducerGroupSpec> producers, List<ConsumerGroupSpec> consumers, double warmupSeconds,
                           double measureSeconds, long seed) {
    /**
     * The driver's own JIT and the clients' first connections settle in this long (real-kafka-here.md); the brokers get their
     * longer warm-up before it ({@code ClusterOptions.brokerWarmup}).
     */
    public static final double MIN_WARMUP_SECONDS = 10;

    public WorkloadSpec {
        producers = List.copyOf(producers);
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
        if (producers.isEmpty()) throw new IllegalArgumentException("a workload needs at least one producer group");
        if (warmupSeconds < MIN_WARMUP_SECONDS)
            throw new IllegalArgumentException("warm-up must be at least " + MIN_WARMUP_SECONDS + " s (JIT warm-up), got " + warmupSeconds);
        if (!(measureSeconds > 0)) throw new IllegalArgumentException("measured window must be > 0 s, got " + measureSeconds);
    }

    /** The same workload with {@code seconds} more warm-up before the measured window (the brokers' own warm-up). */
    public WorkloadSpec withExtraWarmup(double seconds) {
        if (seconds == 0) return this;
        return new WorkloadSpec(producers, consumers, warmupSeconds + seconds, measureSeconds, seed);
    }

    /** Records per second the paced groups offer; saturating groups offer whatever the machine carries and count 0 here. */
    public double offeredRecordsPerSec() {
        return producers.stream().mapToDouble(ProducerGroupSpec::offeredRecordsPerSec).sum();
    }

    public boolean hasSaturatingProducers() {
        return producers.stream().anyMatch(g -> g.arrival() instanceof Arrival.Saturating);
    }

    public double offeredBytesPerSec() {
        return producers.stream().mapToDouble(ProducerGroupSpec::bytesPerSec).sum();
    }

    public int producerCount() {
        return producers.stream().mapToInt(ProducerGroupSpec::count).sum();
    }

    public int consumerCount() {
        return consumers.stream().mapToInt(ConsumerGroupSpec::count).sum();
    }
}
