package io.tailsim.models.producer;

import io.tailsim.core.time.Time;
import io.tailsim.models.broker.ProduceRequest;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.TopicRecorders;
import io.tailsim.models.storage.RecordBatch;

import java.util.Arrays;

/**
 * A producer batch (ProducerBatch with its MemoryRecordsBuilder): records for one partition, with
 * each record's send() time in a primitive array, so per-record latencies cost no object per
 * record. Sizing follows Kafka: a record joins if the estimated size stays within batch.size
 * (the first always joins); the estimate is the header plus the uncompressed record bytes times the
 * compression ratio estimate times 1.05; once a record does not fit, the batch is closed for
 * appends (and counts as full).
 */
public final class ProducerBatch extends RecordBatch {
    private static final float COMPRESSION_RATE_ESTIMATION_FACTOR = 1.05f;

    final KafkaProducer producer;
    final Partition partition;
    final int partitionId;
    final long createdAt;
    final long allocatedBytes;
    private final int batchSize;
    private final boolean compressed;
    private final float estimatedRatio;
    private int records;
    /**
     * Send times: while they form an arithmetic progression (a Trogdor burst, constant-rate arrivals)
     * only the first and the stride are kept; the array exists once a record breaks the progression.
     */
    private long firstSend;
    private long stride;
    private long[] sendTimes;
    private final int capacityHint;
    private int uncompressedBytes;
    /** estimatedSizeInBytes(), kept current on every append. */
    private int estimatedSize = RecordSizes.BATCH_HEADER;
    private boolean closedForAppends;
    /** Records this producer sent to the partition before this batch (the idempotent producer's base sequence). */
    final long baseSequence;
    ProducerBatch next;
    long requestSentAt = -1;
    long ackedAt = -1;
    ProduceRequest request;
    boolean traced;

    ProducerBatch(KafkaProducer producer, Partition partition, int partitionId, long now, int batchSize,
                  boolean compressed, float estimatedRatio, long allocatedBytes, long baseSequence, int capacityHint) {
        this.producer = producer;
        this.partition = partition;
        this.partitionId = partitionId;
        this.createdAt = now;
        this.batchSize = batchSize;
        this.compressed = compressed;
        this.estimatedRatio = estimatedRatio;
        this.allocatedBytes = allocatedBytes;
        this.baseSequence = baseSequence;
        this.capacityHint = Math.max(2, capacityHint);
    }

    @Override
    public int recordCount() {
        return records;
    }

    public Partition partition() {
        return partition;
    }

    public KafkaProducer producer() {
        return producer;
    }

    public long createdAt() {
        return createdAt;
    }

    public long requestSentAt() {
        return requestSentAt;
    }

    public long ackedAt() {
        return ackedAt;
    }

    public long baseSequence() {
        return baseSequence;
    }

    public boolean traced() {
        return traced;
    }

    /** The produce request that carried it (broker timestamps for traces). */
    public ProduceRequest request() {
        return request;
    }

    /**
     * Records each record's latency to {@code now} (now less its send() time) in {@code recorder}; a batch whose send()
     * times are evenly spaced hands them over as one run.
     */
    public void recordLatencies(io.tailsim.core.stat.LatencyRecorder recorder, long now) {
        if (sendTimes == null) {
            recorder.recordDescending(now - firstSend, stride, records);
        } else {
            for (int k = 0; k < records; k++) {
                recorder.record(now - sendTimes[k]);
            }
        }
    }

    /** send() time of record {@code i} of the batch. */
    public long sendTime(int i) {
        return sendTimes != null ? sendTimes[i] : firstSend + i * stride;
    }

    /** MemoryRecordsBuilder.estimatedBytesWritten. */
    int estimatedSizeInBytes() {
        return estimatedSize;
    }

    private int computeEstimatedSize() {
        return estimateFor(compressed, estimatedRatio, uncompressedBytes);
    }

    /** estimatedSizeInBytes() of a batch with {@code uncompressed} record bytes. */
    static int estimateFor(boolean compressed, float ratio, int uncompressed) {
        if (!compressed) {
            return RecordSizes.BATCH_HEADER + uncompressed;
        }
        return RecordSizes.BATCH_HEADER + (int) (uncompressed * ratio * COMPRESSION_RATE_ESTIMATION_FACTOR);
    }

    /** This batch's estimate with {@code uncompressed} record bytes (its own ratio estimate). */
    int estimateWith(int uncompressed) {
        return estimateFor(compressed, estimatedRatio, uncompressed);
    }

    int uncompressedBytes() {
        return uncompressedBytes;
    }

    /** MemoryRecordsBuilder.isFull. */
    boolean isFull() {
        return closedForAppends || (records > 0 && batchSize <= estimatedSize);
    }

    /**
     * Appends one record sent at {@code sendTime} if it fits (MemoryRecordsBuilder.hasRoomFor);
     * otherwise closes the batch for appends and returns -1. Returns the bytes the estimate grew by.
     */
    int tryAppend(long now, long sendTime, int keyBytes, int valueBytes) {
        if (isFull()) {
            closedForAppends = true;
            return -1;
        }
        int recordSize = RecordSizes.recordSize(records, (now - createdAt) / Time.MILLISECOND, keyBytes, valueBytes);
        if (records > 0 && batchSize < estimatedSize + recordSize) {
            closedForAppends = true;
            return -1;
        }
        int before = records == 0 ? 0 : estimatedSize;
        storeSendTime(sendTime);
        uncompressedBytes += recordSize;
        estimatedSize = computeEstimatedSize();
        return estimatedSize - before;
    }

    private void storeSendTime(long t) {
        int i = records++;
        if (sendTimes == null) {
            if (i == 0) {
                firstSend = t;
                return;
            }
            if (i == 1) {
                stride = t - firstSend;
                return;
            }
            if (t == firstSend + i * stride) {
                return;
            }
            long[] a = new long[Math.max(Math.min(capacityHint, 8), i + 1)];
            for (int k = 0; k < i; k++) {
                a[k] = firstSend + k * stride;
            }
            sendTimes = a;
        } else if (i == sendTimes.length) {
            sendTimes = Arrays.copyOf(sendTimes, i * 2);
        }
        sendTimes[i] = t;
    }

    /** Closes the batch as the sender drains it: fixes its wire size (compressed with the profile's ratio). */
    float close(double actualRatio) {
        closedForAppends = true;
        int body = compressed ? (int) Math.ceil(uncompressedBytes * actualRatio) : uncompressedBytes;
        sizeInBytes = RecordSizes.BATCH_HEADER + body;
        estimatedSize = sizeInBytes;
        return compressed ? (float) actualRatio : 1.0f;
    }

    @Override
    protected void onAppend(long offset, long now) {
        super.onAppend(offset, now);
        TopicRecorders rec = producer.topicRecorders;
        rec.publishTime.record(now - requestSentAt, records);
        producer.recordsAppended += records;
        if (traced) {
            producer.traceAppend(this, now);
        }
    }

    @Override
    protected void onCommit(long now) {
        super.onCommit(now);
        producer.topicRecorders.commitTime.record(now - appendTime, records);
        if (traced) {
            producer.traceCommit(this, now);
        }
    }

    @Override
    public String toString() {
        return "ProducerBatch[" + producer.name() + " -> " + partition + ", " + records + " records, seq "
                + baseSequence + (isAppended() ? ", offset " + baseOffset : "") + "]";
    }
}
