package io.tailsim.models.placement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kafka's rack-aware replica assignment (server-common/.../admin/AdminUtils
 * .assignReplicasToBrokersRackAware): brokers are arranged alternating racks (racks in order,
 * brokers of a rack by id); partition i's leader is arranged[(i + startIndex) % n]; the other
 * replicas follow at a shift that grows by one every n partitions, skipping brokers whose rack
 * already holds a replica while a rack without one remains. Leaders are balanced and, with
 * replication.factor <= racks, a partition's replicas sit in distinct racks (here: AZs).
 */
public final class ReplicaPlacement {
    private ReplicaPlacement() {
    }

    /**
     * Assignments for partitions {@code startPartitionId .. startPartitionId + nPartitions - 1};
     * {@code result[i]} lists broker ids, leader first.
     *
     * @param brokerRack rack (AZ) of broker id b at index b
     */
    public static int[][] assign(int[] brokerRack, int nPartitions, int replicationFactor, int startIndex,
                                 int nextReplicaShift, int startPartitionId) {
        int numBrokers = brokerRack.length;
        if (replicationFactor > numBrokers) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " > brokers " + numBrokers);
        }
        int[] arranged = rackAlternatedBrokerList(brokerRack);
        Set<Integer> racks = new HashSet<>();
        for (int r : brokerRack) {
            racks.add(r);
        }
        int numRacks = racks.size();
        int[][] out = new int[nPartitions][];
        int currentPartitionId = Math.max(0, startPartitionId);
        int shift = nextReplicaShift;
        for (int i = 0; i < nPartitions; i++) {
            if (currentPartitionId > 0 && currentPartitionId % numBrokers == 0) {
                shift++;
            }
            int firstReplicaIndex = (currentPartitionId + startIndex) % numBrokers;
            int leader = arranged[firstReplicaIndex];
            int[] replicas = new int[replicationFactor];
            replicas[0] = leader;
            Set<Integer> racksWithReplicas = new HashSet<>();
            racksWithReplicas.add(brokerRack[leader]);
            Set<Integer> brokersWithReplicas = new HashSet<>();
            brokersWithReplicas.add(leader);
            int k = 0;
            for (int j = 0; j < replicationFactor - 1; j++) {
                while (true) {
                    int broker = arranged[replicaIndex(firstReplicaIndex, shift * numRacks, k, numBrokers)];
                    int rack = brokerRack[broker];
                    k++;
                    if ((!racksWithReplicas.contains(rack) || racksWithReplicas.size() == numRacks)
                            && (!brokersWithReplicas.contains(broker) || brokersWithReplicas.size() == numBrokers)) {
                        replicas[j + 1] = broker;
                        racksWithReplicas.add(rack);
                        brokersWithReplicas.add(broker);
                        break;
                    }
                }
            }
            out[i] = replicas;
            currentPartitionId++;
        }
        return out;
    }

    static int replicaIndex(int firstReplicaIndex, int secondReplicaShift, int replicaIndex, int nBrokers) {
        if (nBrokers == 1) {
            return firstReplicaIndex;
        }
        long shift = 1 + (secondReplicaShift + replicaIndex) % (nBrokers - 1);
        return (int) ((firstReplicaIndex + shift) % nBrokers);
    }

    /** AdminUtils.getRackAlternatedBrokerList: one broker from each rack in turn, racks and brokers in order. */
    public static int[] rackAlternatedBrokerList(int[] brokerRack) {
        int maxRack = 0;
        for (int r : brokerRack) {
            maxRack = Math.max(maxRack, r);
        }
        List<List<Integer>> byRack = new ArrayList<>();
        for (int r = 0; r <= maxRack; r++) {
            byRack.add(new ArrayList<>());
        }
        for (int b = 0; b < brokerRack.length; b++) {
            byRack.get(brokerRack[b]).add(b);
        }
        byRack.removeIf(List::isEmpty);
        int[] out = new int[brokerRack.length];
        int[] next = new int[byRack.size()];
        int n = 0;
        int rack = 0;
        while (n < out.length) {
            List<Integer> l = byRack.get(rack);
            if (next[rack] < l.size()) {
                out[n++] = l.get(next[rack]++);
            }
            rack = (rack + 1) % byRack.size();
        }
        return out;
    }
}
