package io.tailsim.models.consumer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionAssignorTest {

    @Test
    void rangeGivesContiguousRangesTheFirstMembersOneMore() {
        assertThat(PartitionAssignor.range(7, 3)).containsExactly(List.of(0, 1, 2), List.of(3, 4), List.of(5, 6));
        assertThat(PartitionAssignor.range(2, 3)).containsExactly(List.of(0), List.of(1), List.of());
    }

    @Test
    void cooperativeStickyDealsAFreshGroupRoundRobin() {
        List<List<Integer>> fresh = PartitionAssignor.cooperativeSticky(7, List.of(List.of(), List.of(), List.of()));
        assertThat(fresh).containsExactly(List.of(0, 3, 6), List.of(1, 4), List.of(2, 5));
    }

    @Test
    void cooperativeStickyKeepsOwnedPartitionsAndSpreadsNewOnes() {
        List<List<Integer>> owned = List.of(List.of(0, 3, 6), List.of(1, 4), List.of(2, 5));
        List<List<Integer>> grown = PartitionAssignor.cooperativeSticky(12, owned);
        for (int m = 0; m < 3; m++) {
            assertThat(grown.get(m)).containsAll(owned.get(m)).hasSize(4);
        }
        assertThat(grown.stream().flatMap(List::stream).sorted().toList())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void cooperativeStickyTakesFromTheFullestWhenAMemberIsShort() {
        // member 0 owns everything (a member joined): it keeps maxQuota, the rest move
        List<List<Integer>> a = PartitionAssignor.cooperativeSticky(6, List.of(List.of(0, 1, 2, 3, 4, 5), List.of()));
        assertThat(a.get(0)).containsExactly(0, 1, 2);
        assertThat(a.get(1)).containsExactly(3, 4, 5);
    }
}
