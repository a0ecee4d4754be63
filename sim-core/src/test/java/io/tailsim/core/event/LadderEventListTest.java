package io.tailsim.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The ladder's resizing: rungs sized to what they receive keep the work per event bounded (no O(n)
 * degradation) under skewed, shifting and tied time distributions, and the order stays the tree's.
 */
class LadderEventListTest {

    private static final class Slot extends Event {
        final int id;
        /** Its twin in the reference list. */
        Slot twin;

        Slot(int id) {
            this.id = id;
        }

        @Override
        public void fire(Simulator sim) {
            throw new AssertionError("list tests never fire events");
        }
    }

    /** Drives a ladder and a tree in lockstep the way Simulator does: seq increases, times never precede now. */
    private static final class Driver {
        final LadderEventList ladder = new LadderEventList();
        final TreeEventList tree = new TreeEventList();
        final List<Slot> slots = new ArrayList<>();
        long seq;
        long now;
        long ops;
        int maxNear;
        int maxRungs;

        Slot newSlot() {
            Slot s = new Slot(slots.size());
            s.twin = new Slot(s.id);
            slots.add(s);
            return s;
        }

        void schedule(Slot s, long time) {
            s.time = time;
            s.twin.time = time;
            s.seq = seq;
            s.twin.seq = seq++;
            ladder.add(s);
            tree.add(s.twin);
            ops++;
            observe();
        }

        Slot pop() {
            Slot fromTree = (Slot) tree.removeFirst();
            Slot fromLadder = (Slot) ladder.removeFirst();
            if (fromTree == null) {
                assertThat(fromLadder).isNull();
                return null;
            }
            assertThat(fromLadder.id).as("event fired at t=%d (op %d)", fromTree.time(), ops).isEqualTo(fromTree.id);
            now = fromTree.time();
            ops++;
            observe();
            return fromLadder;
        }

        void cancel(Slot s) {
            boolean inTree = tree.remove(s.twin);
            assertThat(ladder.remove(s)).isEqualTo(inTree);
            ops++;
            observe();
        }

        private void observe() {
            assertThat(ladder.size()).isEqualTo(tree.size());
            maxNear = Math.max(maxNear, ladder.nearSize());
            maxRungs = Math.max(maxRungs, ladder.rungCount());
        }

        /** Hold model: pop the earliest, reschedule it after a drawn delay, cancel a random pending one now and then. */
        void hold(long events, ToLongFunction<SplittableRandom> delay, double cancelProbability, SplittableRandom rng) {
            for (long i = 0; i < events; i++) {
                Slot s = pop();
                schedule(s, now + delay.applyAsLong(rng));
                if (rng.nextDouble() < cancelProbability) {
                    Slot victim = slots.get(rng.nextInt(slots.size()));
                    if (victim.isScheduled()) {
                        cancel(victim);
                        schedule(victim, now + delay.applyAsLong(rng));
                    }
                }
            }
        }

        void drain() {
            while (pop() != null) {
                // pop compares each event with the tree's
            }
            assertThat(ladder.isEmpty()).isTrue();
        }

        double movesPerOp() {
            return (double) ladder.moves / ops;
        }
    }

    /** A cluster model's delays: zero, nanoseconds, microseconds, milliseconds, and 30 s timeouts. */
    private static long clusterDelay(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < 0.25) {
            return 0;
        } else if (u < 0.45) {
            return rng.nextLong(1, 100);
        } else if (u < 0.7) {
            return (long) (20_000 * Math.exp(1.5 * rng.nextGaussian()));
        } else if (u < 0.92) {
            return (long) (-3e6 * Math.log(1 - rng.nextDouble()));
        }
        return 30_000_000_000L;
    }

    @Test
    void clusterLikeDelaysWithCancelsKeepTheWorkPerEventBounded() {
        SplittableRandom rng = new SplittableRandom(1);
        Driver d = new Driver();
        for (int i = 0; i < 20_000; i++) {
            // Spread over a millisecond: 5,000 events tied at t=0 would (rightly) sit in the near heap.
            d.schedule(d.newSlot(), rng.nextLong(1_000_000) + clusterDelay(rng));
        }
        d.hold(300_000, LadderEventListTest::clusterDelay, 0.3, rng);
        d.drain();
        // Each event is moved a bounded number of times (top to rung 0, down a few rungs, into the
        // near heap), and the near heap stays small enough that its log factor is a constant.
        assertThat(d.movesPerOp()).isLessThan(3);
        assertThat(d.maxNear).isLessThanOrEqualTo(LadderEventList.NEAR_LIMIT + LadderEventList.SPAWN_THRESHOLD);
        assertThat(d.ladder.spawns).as("crowded buckets were split").isPositive();
        assertThat(d.maxRungs).isGreaterThan(1).isLessThanOrEqualTo(LadderEventList.MAX_RUNGS);
    }

    @Test
    void aShiftInTheDelayScaleIsAbsorbed() {
        // Seconds, then microseconds (a million times finer, as when a model leaves a quiet phase), then
        // seconds again: rungs sized for one phase must not leave the next one in a single bucket.
        SplittableRandom rng = new SplittableRandom(2);
        Driver d = new Driver();
        for (int i = 0; i < 10_000; i++) {
            d.schedule(d.newSlot(), rng.nextLong(2_000_000_000L));
        }
        d.hold(100_000, r -> r.nextLong(2_000_000_000L), 0, rng);
        d.hold(200_000, r -> r.nextLong(2_000), 0.1, rng);
        d.hold(100_000, r -> r.nextLong(2_000_000_000L), 0.1, rng);
        d.drain();
        assertThat(d.movesPerOp()).isLessThan(3);
        assertThat(d.maxNear).isLessThanOrEqualTo(LadderEventList.NEAR_LIMIT + LadderEventList.SPAWN_THRESHOLD);
        assertThat(d.ladder.spreads + d.ladder.spawns).as("the microsecond phase was refined").isPositive();
    }

    @Test
    void tiesFireInSchedulingOrderWithoutRepeatedWork() {
        // Ten thousand events at one instant cannot be split by time: they go to the near heap once.
        Driver d = new Driver();
        for (int i = 0; i < 10_000; i++) {
            d.schedule(d.newSlot(), 5);
        }
        for (int i = 0; i < 10_000; i++) {
            d.schedule(d.newSlot(), 1_000 + i % 3);
        }
        d.drain();
        assertThat(d.ladder.moves).isLessThanOrEqualTo(2 * 20_000);
    }

    @Test
    void aBlockOfTiesInTheNearHeapIsNotSpreadOverAndOver() {
        // Ten thousand ties reach the near heap together and cannot be split; events then keep
        // landing beside them. Spreading the heap at every insert would cost O(n) per event.
        SplittableRandom rng = new SplittableRandom(3);
        Driver d = new Driver();
        for (int i = 0; i < 10_000; i++) {
            d.schedule(d.newSlot(), 1_000);
        }
        d.schedule(d.newSlot(), 1_000_000_000);
        d.hold(20_000, r -> r.nextLong(1, 100), 0.1, rng);
        d.drain();
        assertThat(d.movesPerOp()).isLessThan(3);
    }

    @Test
    void geometricallySpreadTimesStayWithinTheRungCap() {
        // Times 2^i cross every scale at once, the worst case for fixed-width buckets.
        Driver d = new Driver();
        for (int rep = 0; rep < 50; rep++) {
            for (int i = 0; i < 63; i++) {
                d.schedule(d.newSlot(), (1L << i) + rep);
            }
        }
        for (int i = 0; i < 2_000; i++) {
            Slot s = d.pop();
            d.schedule(s, d.now + (1L << (i % 40)));
        }
        d.drain();
        assertThat(d.maxRungs).isLessThanOrEqualTo(LadderEventList.MAX_RUNGS);
    }

    @Test
    void timesAtTheEndOfTheClockKeepTheirOrder() {
        Driver d = new Driver();
        long max = Long.MAX_VALUE;
        long[] times = {max, 0, max - 1, max, 1L << 62, max - (1L << 40), 0, max};
        for (long t : times) {
            d.schedule(d.newSlot(), t);
        }
        for (int i = 0; i < 300; i++) {
            d.schedule(d.newSlot(), max - i % 7);
        }
        for (int i = 0; i < 200; i++) {
            Slot s = d.pop();
            d.schedule(s, s.time() == max ? max : max - 1);
        }
        d.drain();
    }

    @Test
    void aNegativeTimeIsRejected() {
        LadderEventList list = new LadderEventList();
        Slot s = new Slot(0);
        s.time = -1;
        assertThatThrownBy(() -> list.add(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThat(s.isScheduled()).isFalse();
    }

    @Test
    void anEventPendingInAnotherLadderIsNotRemoved() {
        LadderEventList mine = new LadderEventList();
        LadderEventList other = new LadderEventList();
        List<Slot> theirs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Slot s = new Slot(i);
            s.time = 10 + i;
            s.seq = i;
            (i % 2 == 0 ? mine : other).add(s);
            if (i % 2 == 1) {
                theirs.add(s);
            }
        }
        // Both move their events from top into rungs and near heaps, so slots and rung numbers coincide.
        mine.peekFirst();
        other.peekFirst();
        for (Slot s : theirs) {
            assertThat(mine.remove(s)).isFalse();
            assertThat(s.isScheduled()).isTrue();
        }
        assertThat(mine.size()).isEqualTo(50);
        assertThat(other.size()).isEqualTo(50);
        int fired = 0;
        while (other.removeFirst() != null) {
            fired++;
        }
        assertThat(fired).isEqualTo(50);
    }
}
