package io.tailsim.models.config;

import io.tailsim.core.dist.Distribution;

import java.util.Map;

/**
 * Measured or published costs of one testbed. One profile serves every experiment on its testbed;
 * where each number comes from is written in the profile file, not here.
 *
 * @param brokerVcpus      vCPUs of a broker host
 * @param brokersPerHost   brokers sharing one host's cores (1 in the cloud; all of them on a laptop)
 * @param clientsShareBrokerHost whether client CPU competes with brokers (validation on one machine)
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
        Distribution gcPauseDuration) {

    public HardwareProfile {
        ConfigException.requirePositive("vcpus", brokerVcpus);
        ConfigException.requirePositive("brokers-per-host", brokersPerHost);
        compressionRatio = Map.copyOf(compressionRatio);
    }

    /**
     * Broker CPU time, in nanoseconds of one core. A request costs {@code perRequest} of its type
     * plus {@code perKiB} per KiB of payload plus {@code perPartition} per partition it touches;
     * TLS listeners add {@code tlsPerRequest} and {@code tlsPerKiB} (encryption; no zero-copy).
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
            double clientPerRecordNanos) {
        public CpuCosts {
            perRequestNanos = Map.copyOf(perRequestNanos);
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
     * miss the page cache pay {@code readLatency} plus bandwidth.
     */
    public record Disk(
            double writeBytesPerSecond,
            double readBytesPerSecond,
            Distribution readLatency,
            long dirtyBackgroundBytes,
            long dirtyLimitBytes,
            long pageCacheBytes,
            Distribution stallInterval,
            Distribution stallDuration) {
        public Disk {
            ConfigException.requirePositive("disk-write-bandwidth", writeBytesPerSecond);
            ConfigException.requirePositive("disk-read-bandwidth", readBytesPerSecond);
        }
    }
}
