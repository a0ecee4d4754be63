package io.tailsim.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatorTest {

    /** Records its firings into a shared log, as "label@time". */
    private static final class Mark extends Event {
        private final String name;
        private final List<String> log;

        Mark(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public void fire(Simulator sim) {
            log.add(name + "@" + sim.now());
        }

        @Override
        public String label() {
            return name;
        }
    }

    private final List<String> log = new ArrayList<>();

    private Mark mark(String name) {
        return new Mark(name, log);
    }

    // ---- mistakes fail at once, naming the value ----

    @Property(tries = 200)
    void aNegativeDelayIsRejectedNamingIt(@ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long delay) {
        Simulator sim = new Simulator();
        assertThatThrownBy(() -> sim.schedule(mark("e"), delay))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Long.toString(delay));
        assertThat(sim.pending()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void anInvalidFractionalDelayIsRejectedNamingIt(double delay) {
        Simulator sim = new Simulator();
        assertThatThrownBy(() -> sim.schedule(mark("e"), delay))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Double.toString(delay));
    }

    @Property(tries = 200)
    void aTimeInThePastIsRejectedNamingIt(@ForAll @LongRange(min = Long.MIN_VALUE, max = 999) long time) {
        Simulator sim = new Simulator();
        sim.runUntil(1000);
        assertThatThrownBy(() -> sim.scheduleAt(mark("late"), time))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Long.toString(time))
                .hasMessageContaining("late");
    }

    @Test
    void aDelayPastTheEndOfTimeIsRejectedNamingIt() {
        Simulator sim = new Simulator();
        sim.runUntil(5);
        assertThatThrownBy(() -> sim.schedule(mark("e"), Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> sim.schedule(mark("e"), 1e19))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0E19");
    }

    @Test
    void schedulingAfterFinishIsRejectedNamingTheTime() {
        Simulator sim = new Simulator();
        sim.schedule(mark("dropped"), 50L);
        sim.runUntil(10);
        sim.finish();
        assertThat(sim.isFinished()).isTrue();
        assertThat(sim.pending()).isZero();
        assertThatThrownBy(() -> sim.schedule(mark("e"), 25L))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("t=35ns").hasMessageContaining("finished");
        assertThatThrownBy(() -> sim.scheduleAt(mark("e"), 77))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("77");
        assertThatThrownBy(() -> sim.reschedule(mark("e"), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("13");
        sim.run();
        assertThat(log).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RandomWorkload.Lists.class)
    void schedulingAPendingEventAgainIsRejectedAndLeavesItIntact(RandomWorkload.Lists list) {
        Simulator sim = new Simulator(list.create());
        Mark e = mark("e");
        sim.schedule(e, 10L);
        assertThatThrownBy(() -> sim.schedule(e, 5L))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already scheduled at t=10ns");
        // Its keys were not overwritten: it is still where it was, and can still be cancelled.
        assertThat(e.time()).isEqualTo(10);
        assertThat(sim.cancel(e)).isTrue();
        sim.run();
        assertThat(log).isEmpty();
    }

    @Test
    void aRejectedRescheduleLeavesTheEventWhereItWas() {
        Simulator sim = new Simulator();
        Mark e = mark("e");
        sim.schedule(e, 10L);
        assertThatThrownBy(() -> sim.reschedule(e, -4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-4");
        sim.run();
        assertThat(log).containsExactly("e@10");
    }

    // ---- running ----

    @Test
    void runUntilATimeFiresEverythingUpToItInclusiveThenMovesTheClockThere() {
        Simulator sim = new Simulator();
        sim.schedule(mark("a"), 10L);
        sim.schedule(mark("b"), 20L);
        sim.schedule(mark("c"), 21L);
        sim.runUntil(20);
        assertThat(log).containsExactly("a@10", "b@20");
        assertThat(sim.now()).isEqualTo(20);
        assertThat(sim.pending()).isEqualTo(1);
        sim.runUntil(100);
        assertThat(log).containsExactly("a@10", "b@20", "c@21");
        assertThat(sim.now()).isEqualTo(100);
        assertThatThrownBy(() -> sim.runUntil(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    }

    @Test
    void runWithoutEndLeavesTheClockAtTheLastEvent() {
        Simulator sim = new Simulator();
        sim.schedule(mark("a"), 42L);
        sim.run();
        assertThat(sim.now()).isEqualTo(42);
        assertThat(sim.eventsFired()).isEqualTo(1);
    }

    @Test
    void runUntilAConditionStopsRightAfterTheEventThatMakesItTrue() {
        Simulator sim = new Simulator();
        for (int i = 1; i <= 5; i++) {
            sim.schedule(mark("e" + i), i * 10L);
        }
        sim.runUntil(() -> log.size() == 3);
        assertThat(log).containsExactly("e1@10", "e2@20", "e3@30");
        assertThat(sim.now()).isEqualTo(30);
        // Already true: nothing fires.
        sim.runUntil(() -> true);
        assertThat(log).hasSize(3);
        // Never true: runs until the list is empty.
        sim.runUntil(() -> false);
        assertThat(log).hasSize(5);
        assertThat(sim.now()).isEqualTo(50);
    }

    @Test
    void stopFromInsideAnEventEndsTheRunAfterThatEvent() {
        Simulator sim = new Simulator();
        sim.schedule(mark("a"), 1L);
        sim.schedule(2, s -> {
            log.add("stopper@" + s.now());
            s.stop();
        });
        sim.schedule(mark("same-time"), 2L);
        sim.schedule(mark("c"), 3L);
        sim.runUntil(1000);
        assertThat(log).containsExactly("a@1", "stopper@2");
        assertThat(sim.now()).as("a stopped run does not advance the clock to its end").isEqualTo(2);
        sim.run();
        assertThat(log).containsExactly("a@1", "stopper@2", "same-time@2", "c@3");
    }

    @Test
    void finishFromInsideAnEventEndsTheRunWithTheClockAtThatEvent() {
        Simulator sim = new Simulator();
        sim.schedule(5, Simulator::finish);
        sim.schedule(mark("never"), 6L);
        sim.runUntil(1000);
        assertThat(sim.now()).isEqualTo(5);
        assertThat(log).isEmpty();
        sim.runUntil(2000);
        assertThat(sim.now()).isEqualTo(5);
    }

    @Test
    void stepFiresExactlyOneEvent() {
        Simulator sim = new Simulator();
        sim.schedule(mark("a"), 7L);
        sim.schedule(mark("b"), 7L);
        assertThat(sim.step()).isTrue();
        assertThat(log).containsExactly("a@7");
        assertThat(sim.pending()).isEqualTo(1);
        assertThat(sim.step()).isTrue();
        assertThat(sim.step()).isFalse();
        assertThat(log).containsExactly("a@7", "b@7");
    }

    @Test
    void anEventCanRescheduleItselfWhileFiringAndBeCancelledLater() {
        Simulator sim = new Simulator();
        Event ticker = new Event() {
            @Override
            public void fire(Simulator s) {
                log.add("tick@" + s.now());
                s.schedule(this, 10L);
            }
        };
        sim.schedule(ticker, 0L);
        sim.schedule(35, s -> s.cancel(ticker));
        sim.runUntil(1000); // bounded, so a broken cancel fails instead of ticking forever
        assertThat(log).containsExactly("tick@0", "tick@10", "tick@20", "tick@30");
        assertThat(ticker.isScheduled()).isFalse();
        assertThat(sim.cancel(ticker)).isFalse();
    }

    @Test
    void fractionalDelaysRoundToTheNearestNanosecond() {
        Simulator sim = new Simulator();
        sim.schedule(mark("down"), 2.4);
        sim.schedule(mark("up"), 2.6);
        sim.run();
        assertThat(log).containsExactly("down@2", "up@3");
    }

    @Test
    void theObserverSeesEveryEventAfterItFires() {
        Simulator sim = new Simulator();
        List<String> seen = new ArrayList<>();
        sim.setObserver((s, e) -> seen.add(e.label() + "@" + s.now() + " after " + log.size()));
        sim.schedule(mark("a"), 1L);
        sim.schedule(mark("b"), 2L);
        sim.run();
        assertThat(seen).containsExactly("a@1 after 1", "b@2 after 2");
    }

    // ---- event lists ----

    @Test
    void anEventFromAnotherListIsNotRemovedByMistake() {
        // Same (time, seq) keys in two simulators: cancelling in the wrong one must not touch the other.
        for (RandomWorkload.Lists kind : RandomWorkload.Lists.values()) {
            Simulator one = new Simulator(kind.create());
            Simulator two = new Simulator(kind.create());
            Mark a = mark("a");
            Mark b = mark("b");
            one.schedule(a, 5L);
            two.schedule(b, 5L);
            assertThat(one.cancel(b)).as(kind.name()).isFalse();
            assertThat(b.isScheduled()).isTrue();
            assertThat(two.pending()).isEqualTo(1);
            assertThat(one.pending()).isEqualTo(1);
        }
    }

    @Test
    void theTreeListRefusesADuplicateKeyRatherThanDroppingTheEvent() {
        TreeEventList list = new TreeEventList();
        Mark a = mark("a");
        Mark b = mark("b");
        a.time = 3;
        b.time = 3;
        list.add(a);
        assertThatThrownBy(() -> list.add(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("time=3ns");
        assertThat(b.isScheduled()).isFalse();
        assertThat(list.size()).isEqualTo(1);
    }
}
