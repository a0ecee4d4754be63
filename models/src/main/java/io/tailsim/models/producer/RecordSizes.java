package io.tailsim.models.producer;

/**
 * Sizes of Kafka's v2 record format (DefaultRecord, DefaultRecordBatch): a record is a varint
 * length followed by attributes, varlong timestamp delta, varint offset delta, varint key length
 * and key, varint value length and value, varint header count.
 */
public final class RecordSizes {
    /** DefaultRecordBatch.RECORD_BATCH_OVERHEAD. */
    public static final int BATCH_HEADER = 61;

    private RecordSizes() {
    }

    /** Bytes of a zig-zag varint holding {@code v}. */
    public static int varintSize(int v) {
        int zz = (v << 1) ^ (v >> 31);
        return (31 - Integer.numberOfLeadingZeros(zz | 1)) / 7 + 1;
    }

    public static int varlongSize(long v) {
        long zz = (v << 1) ^ (v >> 63);
        return (63 - Long.numberOfLeadingZeros(zz | 1)) / 7 + 1;
    }

    /** DefaultRecord.sizeInBytes with no headers; {@code keyBytes} 0 means a null key. */
    public static int recordSize(int offsetDelta, long timestampDeltaMs, int keyBytes, int valueBytes) {
        int body = 1 + varlongSize(timestampDeltaMs) + varintSize(offsetDelta)
                + (keyBytes == 0 ? 1 : varintSize(keyBytes) + keyBytes)
                + varintSize(valueBytes) + valueBytes + varintSize(0);
        return varintSize(body) + body;
    }

    /** AbstractRecords.estimateSizeInBytesUpperBound for one record in a new batch. */
    public static int upperBound(int keyBytes, int valueBytes) {
        return BATCH_HEADER + 5 + 10 + 5 + 5 + keyBytes + 5 + valueBytes + 5 + 1;
    }
}
