package io.tailsim.models.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Kafka's assignors for a group whose members all subscribe to one topic; members are in the
 * order of their (sorted) member ids, which the model takes to be their index in the group.
 */
final class PartitionAssignor {
    private PartitionAssignor() {
    }

    /**
     * RangeAssignor: member i gets a contiguous range of partitions, the first
     * {@code partitions % members} members one more than the others.
     */
    static List<List<Integer>> range(int partitions, int members) {
        int per = partitions / members;
        int extra = partitions % members;
        List<List<Integer>> out = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            int start = per * m + Math.min(m, extra);
            int length = per + (m < extra ? 1 : 0);
            List<Integer> l = new ArrayList<>(length);
            for (int p = start; p < start + length; p++) {
                l.add(p);
            }
            out.add(l);
        }
        return out;
    }

    /**
     * CooperativeStickyAssignor when every member subscribes to the same topics
     * (AbstractStickyAssignor.constrainedAssign): each member keeps up to maxQuota of the partitions
     * it owns; members below minQuota are filled round-robin from the unassigned partitions in
     * order; members still short take partitions from members at maxQuota; partitions left over
     * go one each to members at minQuota. A fresh group therefore gets partitions round-robin:
     * member k has k, k + n, k + 2n, ...
     *
     * @param owned each member's owned partitions, in the order it lists them
     */
    static List<List<Integer>> cooperativeSticky(int partitions, List<List<Integer>> owned) {
        int members = owned.size();
        TreeSet<Integer> unassigned = new TreeSet<>();
        for (int p = 0; p < partitions; p++) {
            unassigned.add(p);
        }
        int minQuota = partitions / members;
        int maxQuota = (partitions + members - 1) / members;
        List<List<Integer>> assignment = new ArrayList<>();
        List<Integer> unfilled = new ArrayList<>();
        ArrayDeque<Integer> maxCapacity = new ArrayDeque<>();
        ArrayDeque<Integer> minCapacity = new ArrayDeque<>();
        for (int m = 0; m < members; m++) {
            List<Integer> a = new ArrayList<>();
            assignment.add(a);
            List<Integer> mine = owned.get(m).stream().filter(p -> p < partitions).toList();
            for (int p : mine) {
                if (a.size() < maxQuota) {
                    a.add(p);
                    unassigned.remove(p);
                }
            }
            if (mine.size() < minQuota) {
                unfilled.add(m);
            } else {
                if (a.size() == minQuota) {
                    minCapacity.add(m);
                }
                if (a.size() == maxQuota) {
                    maxCapacity.add(m);
                }
            }
        }
        Iterator<Integer> next = unassigned.iterator();
        while (!unfilled.isEmpty() && next.hasNext()) {
            Iterator<Integer> members2 = unfilled.iterator();
            while (members2.hasNext()) {
                int m = members2.next();
                if (!next.hasNext()) {
                    break;
                }
                assignment.get(m).add(next.next());
                next.remove();
                if (assignment.get(m).size() == minQuota) {
                    minCapacity.add(m);
                    members2.remove();
                }
            }
        }
        for (int m : unfilled) {
            List<Integer> a = assignment.get(m);
            while (a.size() < minQuota) {
                Integer over = maxCapacity.poll();
                if (over == null) {
                    throw new IllegalStateException("members under quota but every partition is assigned");
                }
                a.add(assignment.get(over).remove(0));
            }
            minCapacity.add(m);
        }
        for (int p : unassigned) {
            Integer m = minCapacity.poll();
            if (m == null) {
                throw new IllegalStateException("partitions unassigned but every member is at its quota");
            }
            assignment.get(m).add(p);
        }
        return assignment;
    }
}
