package io.tailsim.validation.driver;

/**
 * The intended send time travels in the first 8 bytes of each record's value (big-endian System.nanoTime of the driver
 * JVM). Latency is measured from it, not from when send() was called, so a stalled sender does not hide the wait of the
 * records queued behind it (no coordinated omission). Producers and consumers share the driver JVM, hence one clock.
 */
public final class RecordStamp {
    public static final int BYTES = Long.BYTES;

    private RecordStamp() {
    }

    public static void write(byte[] value, long intendedNanos) {
        for (int i = 7; i >= 0; i--) {
            value[i] = (byte) intendedNanos;
            intendedNanos >>>= 8;
        }
    }

    public static long read(byte[] value) {
        if (value == null || value.length < BYTES) throw new IllegalArgumentException("record value too short for a send-time stamp");
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (value[i] & 0xFF);
        return v;
    }
}
