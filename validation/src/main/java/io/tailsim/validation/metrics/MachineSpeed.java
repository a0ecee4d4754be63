package io.tailsim.validation.metrics;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How fast one core of this machine was right before and right after a real run (cluster not yet started, and already
 * stopped): a fixed single-threaded workload, SHA-256 over a fixed 64 KiB buffer {@link #TIMED_PASSES} times (about 0.3 s
 * here) after {@link #WARMUP_PASSES} untimed passes that warm the JIT, timed by wall clock. Reported in MiB hashed per
 * second. On a guest whose vCPUs are shared with other tenants, a slower figure means the same work took longer: the brokers
 * used 20-35% more CPU for the same requests in the slower of two quiet suite runs (docs/validation-repeatability.md).
 *
 * @param before MiB/s measured before the cluster started; null when not probed (runs from before the probe existed)
 * @param after  MiB/s measured after the cluster stopped
 */
public record MachineSpeed(Double before, Double after) {
    public static final String UNIT = "MiB/s of SHA-256 on one thread";
    static final int BUFFER_BYTES = 64 * 1024;
    static final int WARMUP_PASSES = 1_500;
    static final int TIMED_PASSES = 7_500;

    /** Runs the workload once and returns its speed in MiB/s. */
    public static double probe() {
        byte[] buf = buffer();
        MessageDigest sha = sha256();
        byte[] sink = new byte[0];
        for (int i = 0; i < WARMUP_PASSES; i++) sha.update(buf);
        sink = sha.digest();
        long t0 = System.nanoTime();
        for (int i = 0; i < TIMED_PASSES; i++) sha.update(buf);
        sink = sha.digest();
        long nanos = System.nanoTime() - t0;
        if (sink.length != 32) throw new IllegalStateException("SHA-256 gave " + sink.length + " bytes");
        return (double) TIMED_PASSES * BUFFER_BYTES / (1 << 20) / (nanos / 1e9);
    }

    /** The mean of before and after, or whichever exists; null when neither. */
    public Double mean() {
        if (before == null) return after;
        if (after == null) return before;
        return (before + after) / 2;
    }

    /** A fixed pseudo-random buffer (64-bit LCG, high bytes), the same in every JVM. */
    static byte[] buffer() {
        byte[] buf = new byte[BUFFER_BYTES];
        long x = 1;
        for (int i = 0; i < buf.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            buf[i] = (byte) (x >>> 56);
        }
        return buf;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
