package io.tailsim.models.placement;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaPlacementTest {
    private static int[] racks(int brokers, int azs) {
        int[] r = new int[brokers];
        for (int b = 0; b < brokers; b++) {
            r[b] = b % azs;
        }
        return r;
    }

    @Test
    void rackAlternatedListTakesOneBrokerPerRackInTurn() {
        // brokers 0..5 in racks 0,1,2,0,1,2 -> 0,1,2,3,4,5; racks of sizes 2,1 -> 0,1,2
        assertThat(ReplicaPlacement.rackAlternatedBrokerList(new int[] {0, 1, 2, 0, 1, 2})).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ReplicaPlacement.rackAlternatedBrokerList(new int[] {0, 0, 1})).containsExactly(0, 2, 1);
    }

    /** The latency blog's layout: 9 brokers, 3 AZs, 108 partitions, RF 3. */
    @Test
    void blogClusterReplicasInDistinctAzsAndLeadersBalanced() {
        int[] rack = racks(9, 3);
        int[][] a = ReplicaPlacement.assign(rack, 108, 3, 4, 7, 0);
        int[] leaders = new int[9];
        int[] replicas = new int[9];
        for (int[] p : a) {
            Set<Integer> azs = new HashSet<>();
            for (int b : p) {
                azs.add(rack[b]);
                replicas[b]++;
            }
            assertThat(azs).hasSize(3);
            leaders[p[0]]++;
        }
        assertThat(leaders).containsOnly(12);
        assertThat(replicas).containsOnly(36);
    }

    @Property(tries = 200)
    void replicasDistinctAndRackAwareWhenPossible(@ForAll @IntRange(min = 1, max = 12) int brokers,
                                                  @ForAll @IntRange(min = 1, max = 4) int azs,
                                                  @ForAll @IntRange(min = 1, max = 60) int partitions,
                                                  @ForAll @IntRange(min = 1, max = 4) int rfWanted,
                                                  @ForAll @IntRange(min = 0, max = 11) int start) {
        int rf = Math.min(rfWanted, brokers);
        int[] rack = racks(brokers, Math.min(azs, brokers));
        int racks = Math.min(azs, brokers);
        int[][] a = ReplicaPlacement.assign(rack, partitions, rf, start % brokers, start % brokers, 0);
        int[] leaders = new int[brokers];
        for (int[] p : a) {
            assertThat(p).hasSize(rf).doesNotHaveDuplicates();
            Set<Integer> used = new HashSet<>();
            for (int b : p) {
                used.add(rack[b]);
            }
            assertThat(used).hasSize(Math.min(rf, racks));
            leaders[p[0]]++;
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int l : leaders) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    /** AddPartitions (startPartitionId > 0): leaders continue the round-robin; replicas stay rack-aware. */
    @Test
    void addedPartitionsContinueTheLeaderRotation() {
        int[] rack = racks(9, 3);
        int[][] all = ReplicaPlacement.assign(rack, 36, 3, 2, 2, 0);
        int[][] more = ReplicaPlacement.assign(rack, 18, 3, 2, 2, 18);
        for (int i = 0; i < 18; i++) {
            assertThat(more[i][0]).isEqualTo(all[18 + i][0]);
            Set<Integer> azs = new HashSet<>();
            for (int b : more[i]) {
                azs.add(rack[b]);
            }
            assertThat(azs).hasSize(3);
        }
    }
}
