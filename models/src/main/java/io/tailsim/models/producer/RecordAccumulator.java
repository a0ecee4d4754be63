package io.tailsim.models.producer;

import io.tailsim.models.placement.TopicMetadata;

import java.util.Arrays;

/**
 * The RecordAccumulator's deques: per partition a FIFO of batches (intrusive list, the last one open
 * for appends), and per broker the set of its partitions that hold batches, so the sender's ready
 * check and drain touch only non-empty partitions (Kafka walks them all; the outcome is the same).
 */
final class RecordAccumulator {
    private ProducerBatch[] heads = new ProducerBatch[0];
    private ProducerBatch[] tails = new ProducerBatch[0];
    private int[] dequeSizes = new int[0];
    private int[] nonEmptySlot = new int[0];
    private boolean[] everHadDeque = new boolean[0];
    private int partitionsWithDeque;
    private long[] recordsSentTo = new long[0];
    private int[][] nodeNonEmpty;
    private int[] nodeNonEmptyCount;
    private TopicMetadata metadata;
    private int batchesQueued;

    RecordAccumulator(TopicMetadata metadata) {
        this.nodeNonEmpty = new int[metadata.brokers()][4];
        this.nodeNonEmptyCount = new int[metadata.brokers()];
        setMetadata(metadata);
    }

    /** New metadata (more partitions): grow the per-partition arrays. Leaders never move here. */
    void setMetadata(TopicMetadata md) {
        int n = md.partitionCount();
        if (n > heads.length) {
            heads = Arrays.copyOf(heads, n);
            tails = Arrays.copyOf(tails, n);
            dequeSizes = Arrays.copyOf(dequeSizes, n);
            int old = nonEmptySlot.length;
            nonEmptySlot = Arrays.copyOf(nonEmptySlot, n);
            Arrays.fill(nonEmptySlot, old, n, -1);
            everHadDeque = Arrays.copyOf(everHadDeque, n);
            recordsSentTo = Arrays.copyOf(recordsSentTo, n);
        }
        this.metadata = md;
    }

    TopicMetadata metadata() {
        return metadata;
    }

    ProducerBatch head(int p) {
        return heads[p];
    }

    ProducerBatch tail(int p) {
        return tails[p];
    }

    int dequeSize(int p) {
        return dequeSizes[p];
    }

    int batchesQueued() {
        return batchesQueued;
    }

    /** Kafka's adaptive partitioning starts once every partition has a deque in the batches map. */
    boolean allPartitionsHaveDeques(int partitions) {
        return partitionsWithDeque >= partitions;
    }

    /** Records sent to partition {@code p} so far (the next batch's base sequence). */
    long recordsSentTo(int p) {
        return recordsSentTo[p];
    }

    void countRecord(int p) {
        recordsSentTo[p]++;
    }

    void addBatch(ProducerBatch b) {
        int p = b.partitionId;
        if (tails[p] == null) {
            heads[p] = b;
            addNonEmpty(p);
        } else {
            tails[p].next = b;
        }
        tails[p] = b;
        dequeSizes[p]++;
        batchesQueued++;
        if (!everHadDeque[p]) {
            everHadDeque[p] = true;
            partitionsWithDeque++;
        }
    }

    ProducerBatch pollHead(int p) {
        ProducerBatch b = heads[p];
        heads[p] = b.next;
        b.next = null;
        if (heads[p] == null) {
            tails[p] = null;
            removeNonEmpty(p);
        }
        dequeSizes[p]--;
        batchesQueued--;
        return b;
    }

    int nonEmptyCount(int node) {
        return nodeNonEmptyCount[node];
    }

    /** The i-th non-empty partition led by {@code node} (unordered). */
    int nonEmpty(int node, int i) {
        return nodeNonEmpty[node][i];
    }

    private void addNonEmpty(int p) {
        int node = metadata.leader(p);
        int c = nodeNonEmptyCount[node];
        if (c == nodeNonEmpty[node].length) {
            nodeNonEmpty[node] = Arrays.copyOf(nodeNonEmpty[node], c * 2);
        }
        nodeNonEmpty[node][c] = p;
        nonEmptySlot[p] = c;
        nodeNonEmptyCount[node] = c + 1;
    }

    private void removeNonEmpty(int p) {
        int node = metadata.leader(p);
        int slot = nonEmptySlot[p];
        int last = --nodeNonEmptyCount[node];
        int moved = nodeNonEmpty[node][last];
        nodeNonEmpty[node][slot] = moved;
        nonEmptySlot[moved] = slot;
        nonEmptySlot[p] = -1;
    }
}
