package io.tailsim.validation.metrics;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/** Latency histograms in microseconds: 1 us .. 1 h, 3 significant digits (the project's convention). */
public final class Histograms {
    public static final long LOWEST_US = 1;
    public static final long HIGHEST_US = TimeUnit.HOURS.toMicros(1);
    public static final int DIGITS = 3;

    private Histograms() {
    }

    public static Histogram create() {
        return new Histogram(LOWEST_US, HIGHEST_US, DIGITS);
    }

    /** Compressed HdrHistogram encoding in base64, so a histogram travels in JSON and decodes exactly. */
    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] b = new byte[n];
        buf.flip();
        buf.get(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** The same distribution in nanoseconds (the simulator's unit), each recorded value scaled by 1000 with its count. */
    public static Histogram toNanos(Histogram us) {
        Histogram ns = new Histogram(1, HIGHEST_US * 1000, DIGITS);
        for (org.HdrHistogram.HistogramIterationValue v : us.recordedValues())
            ns.recordValueWithCount(v.getValueIteratedTo() * 1000, v.getCountAtValueIteratedTo());
        return ns;
    }

    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), LOWEST_US);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram", e);
        }
    }
}
