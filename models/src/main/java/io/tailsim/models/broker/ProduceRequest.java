package io.tailsim.models.broker;

import io.tailsim.models.config.Acks;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.storage.RecordBatch;

/** A ProduceRequest: at most one batch per partition, all led by the destination broker. */
public final class ProduceRequest extends Request {
    /** Fixed request overhead (header, transactional id, acks, timeout, topic name) in bytes. */
    public static final int REQUEST_OVERHEAD = 70;
    /** Per partition in a request (partition index, record set size). */
    public static final int PER_PARTITION_REQUEST = 12;
    public static final int RESPONSE_OVERHEAD = 50;
    public static final int PER_PARTITION_RESPONSE = 40;

    private final RecordBatch[] batches;
    private final Partition[] partitions;
    private int count;
    public final Acks acks;
    public final long timeoutNanos;

    public ProduceRequest(int capacity, Acks acks, long timeoutNanos) {
        super(ApiKey.PRODUCE);
        this.batches = new RecordBatch[capacity];
        this.partitions = new Partition[capacity];
        this.acks = acks;
        this.timeoutNanos = timeoutNanos;
    }

    public void add(RecordBatch b, Partition p) {
        batches[count] = b;
        partitions[count] = p;
        count++;
    }

    /** Sets the wire sizes from the batches: call once all are added. */
    public void seal() {
        int bytes = REQUEST_OVERHEAD;
        for (int i = 0; i < count; i++) {
            bytes += PER_PARTITION_REQUEST + batches[i].sizeInBytes();
        }
        requestBytes = bytes;
        responseBytes = RESPONSE_OVERHEAD + PER_PARTITION_RESPONSE * count;
        noResponse = acks == Acks.NONE;
    }

    public int batchCount() {
        return count;
    }

    public RecordBatch batch(int i) {
        return batches[i];
    }

    public Partition partition(int i) {
        return partitions[i];
    }
}
