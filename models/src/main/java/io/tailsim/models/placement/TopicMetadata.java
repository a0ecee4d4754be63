package io.tailsim.models.placement;

import io.tailsim.models.replication.Partition;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client's metadata says about one topic: its partitions and their leaders, and for each
 * broker the partitions it leads in metadata order (Cluster.partitionsForNode, which the
 * producer's drain walks from a per-node index). Immutable; a partition change makes a new one.
 */
public final class TopicMetadata {
    private final String topic;
    private final Partition[] partitions;
    private final int[][] byLeader;
    private final int[] positionInLeader;

    public TopicMetadata(String topic, List<Partition> partitions, int brokers) {
        this.topic = topic;
        this.partitions = partitions.toArray(new Partition[0]);
        List<List<Integer>> lists = new ArrayList<>();
        for (int b = 0; b < brokers; b++) {
            lists.add(new ArrayList<>());
        }
        positionInLeader = new int[this.partitions.length];
        for (int i = 0; i < this.partitions.length; i++) {
            Partition p = this.partitions[i];
            if (p.id() != i) {
                throw new IllegalArgumentException("partition " + i + " of " + topic + " has id " + p.id());
            }
            List<Integer> l = lists.get(p.leader());
            positionInLeader[i] = l.size();
            l.add(i);
        }
        byLeader = new int[brokers][];
        for (int b = 0; b < brokers; b++) {
            byLeader[b] = lists.get(b).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public String topic() {
        return topic;
    }

    public int partitionCount() {
        return partitions.length;
    }

    public Partition partition(int i) {
        return partitions[i];
    }

    public int leader(int i) {
        return partitions[i].leader();
    }

    public int brokers() {
        return byLeader.length;
    }

    /** Partitions broker {@code b} leads, in metadata order. Do not modify. */
    public int[] partitionsForNode(int b) {
        return byLeader[b];
    }

    /** Position of partition {@code i} in its leader's list. */
    public int positionInLeader(int i) {
        return positionInLeader[i];
    }
}
