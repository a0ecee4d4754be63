package io.tailsim.validation;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What this machine can run faithfully. The load limit is a measurement, not a model: on this project's machine kind
 * (2 cores, 24 GiB; /work/shared/reference/real-kafka-here.md) a 3-node cluster with 9 producers, acks=all, linger.ms=5,
 * 512-byte records and RF 3 used 1.97 of 2 cores at 25 MB/s with producer p99 above 1 s: saturated. Beyond that a run
 * measures the machine's CPU queue, not Kafka.
 */
public final class Capacity {
    /** Offered bytes per second that saturated the measured 2-core machine (real-kafka-here.md, 25 MB/s row). MB = 10^6 B. */
    public static final double SATURATING_BYTES_PER_SEC = 25e6;
    /** The record size of that measurement. */
    public static final int MEASURED_RECORD_BYTES = 512;
    /** Records per second at that saturation point; CPU there followed request and record rates, not bytes. */
    public static final double SATURATING_RECORDS_PER_SEC = SATURATING_BYTES_PER_SEC / MEASURED_RECORD_BYTES;
    /** Producer instances (one KafkaProducer each) that kept the measured machine's cores fully busy at only 2 MB/s. */
    public static final int SATURATING_PRODUCERS = 90;
    /** Cores of the measured machine; on another core count the limits scale in proportion (an assumption, not measured). */
    public static final int MEASURED_CORES = 2;
    /** Broker heaps may take at most this share of physical memory, leaving the rest for page cache, the driver and the OS. */
    public static final double MAX_HEAP_FRACTION = 0.70;

    private Capacity() {
    }

    public record Machine(long physicalBytes, int cores) {
        public static Machine current() {
            long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
            return new Machine(bytes, Runtime.getRuntime().availableProcessors());
        }

        double coreShare() {
            return (double) cores / MEASURED_CORES;
        }
    }

    /** Refuses brokers x heap beyond {@link #MAX_HEAP_FRACTION} of physical memory. */
    public static void checkMemory(int brokers, int heapMb, Machine m) {
        long needMb = (long) brokers * heapMb;
        long physicalMb = m.physicalBytes() / (1024 * 1024);
        long allowedMb = (long) (physicalMb * MAX_HEAP_FRACTION);
        if (needMb > allowedMb)
            throw new RefusedRunException(String.format(Locale.ROOT,
                    "refused: %d brokers x %d MiB heap = %d MiB exceeds %.0f%% of this machine's %d MiB physical memory (%d MiB); use fewer brokers or a smaller heap",
                    brokers, heapMb, needMb, MAX_HEAP_FRACTION * 100, physicalMb, allowedMb));
    }

    /**
     * Refuses an offered load (already divided by the scale factor) beyond what the cores carried before saturating: bytes,
     * records or producer instances. The message names the figure, its source, and the smallest --scale that would fit.
     */
    public static void checkLoad(double bytesPerSec, double recordsPerSec, int producers, double scale, Machine m) {
        double byteLimit = SATURATING_BYTES_PER_SEC * m.coreShare();
        double recordLimit = SATURATING_RECORDS_PER_SEC * m.coreShare();
        double producerLimit = SATURATING_PRODUCERS * m.coreShare();
        double byBytes = bytesPerSec / byteLimit, byRecords = recordsPerSec / recordLimit, byProducers = producers / producerLimit;
        double over = Math.max(byBytes, Math.max(byRecords, byProducers));
        if (over <= 1.0) return;
        // Rounded up to hundredths; the epsilon keeps 1.6 from becoming 1.61 through binary rounding.
        double minScale = Math.ceil(scale * over * 100 - 1e-9) / 100;
        String what, source;
        if (byProducers >= byBytes && byProducers >= byRecords) {
            what = String.format(Locale.ROOT, "%d producer instances exceed %.0f", producers, producerLimit);
            source = String.format(Locale.ROOT, "%d producers at 2 MB/s kept a %d-core machine of this kind fully busy "
                    + "(2.0 of 2 cores, producer p50 354 ms; real-kafka-here.md)", SATURATING_PRODUCERS, MEASURED_CORES);
        } else {
            what = byBytes >= byRecords
                    ? String.format(Locale.ROOT, "offered load %.1f MB/s exceeds %.1f MB/s", bytesPerSec / 1e6, byteLimit / 1e6)
                    : String.format(Locale.ROOT, "offered load %.0f records/s exceeds %.0f records/s", recordsPerSec, recordLimit);
            source = String.format(Locale.ROOT, "%.0f MB/s of %d-byte records (acks=all, RF 3) saturated a %d-core machine of this kind "
                    + "(1.97 of 2 cores busy, producer p99 over 1 s; real-kafka-here.md)", SATURATING_BYTES_PER_SEC / 1e6,
                    MEASURED_RECORD_BYTES, MEASURED_CORES);
        }
        throw new RefusedRunException(String.format(Locale.ROOT,
                "refused: %s%s: %s, taken in proportion to this machine's %d cores; rerun with --scale %s or more to divide rates and client counts",
                what, scale == 1.0 ? "" : String.format(Locale.ROOT, " at --scale %s", fmt(scale)), source, m.cores(), fmt(minScale)));
    }

    static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
