package io.tailsim.validation.calibrate;

import java.nio.file.Path;

/**
 * What {@link MachineProbe} measured directly.
 *
 * @param loopbackOneWayMeanNanos mean of half round trips of 100-byte messages on 127.0.0.1
 * @param loopbackOneWayCv        their coefficient of variation
 * @param dirtyBackgroundRatio    /proc/sys/vm/dirty_background_ratio, percent
 * @param indexCreateNanos        a segment's index files created, mapped and first written: values at 0..100% (null in
 *                                facts kept before this probe existed)
 * @param checkpointWriteNanos    a leader-epoch checkpoint written, forced, moved and its directory forced: values at 0..100%
 */
public record MachineFacts(int cores, String cpuModel, long memTotalBytes, int loopbackRoundTrips, double loopbackOneWayMeanNanos,
                           double loopbackOneWayCv, double loopbackBytesPerSecond, long diskProbeBytes, double diskWriteBytesPerSecond,
                           String diskDir, long dirtyBackgroundRatio, long dirtyRatio, double[] indexCreateNanos,
                           double[] checkpointWriteNanos) {
    static final int ROUND_TRIPS = 20_000;
    static final long LOOPBACK_BYTES = 1L << 30;
    static final long DISK_BYTES = 256L << 20;
    static final int FILE_SAMPLES = 120;

    /** Measures this machine: about 15-20 seconds. {@code logDir} is where the brokers keep their logs. */
    public static MachineFacts measure(Path logDir) {
        double[] oneWay = MachineProbe.loopbackOneWayNanos(ROUND_TRIPS, 100);
        double[] mc = MachineProbe.meanAndCv(oneWay);
        double[][] files = MachineProbe.firstAppendFileWorkNanos(logDir, FILE_SAMPLES);
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), MachineProbe.cpuModel(),
                MachineProbe.meminfoBytes("MemTotal").orElseThrow(() -> new IllegalStateException("no MemTotal in /proc/meminfo")),
                ROUND_TRIPS, mc[0], mc[1], MachineProbe.loopbackBytesPerSecond(LOOPBACK_BYTES),
                DISK_BYTES, MachineProbe.diskWriteBytesPerSecond(logDir, DISK_BYTES), logDir.toString(),
                MachineProbe.vm("dirty_background_ratio").orElse(10), MachineProbe.vm("dirty_ratio").orElse(20), files[0], files[1]);
    }
}
