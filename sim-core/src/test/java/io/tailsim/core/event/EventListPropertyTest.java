package io.tailsim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongBinaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link HeapEventList} and {@link LadderEventList} behave exactly like the obviously correct
 * {@link TreeEventList} under any sequence of add, remove, removeFirst, peekFirst, re-add and clear,
 * with many tied times, and (for the ladder's resizing) with delays mixing nanoseconds and 30 s.
 */
class EventListPropertyTest {
    /** The lists under test; the tree is the reference and comes last. */
    private static final int TREE = 2;

    /** One logical event, present as a twin object in each list (an Event belongs to one list). */
    private static final class Twin {
        final int id;
        final Probe[] in = new Probe[TREE + 1];

        Twin(int id) {
            this.id = id;
            for (int i = 0; i < in.length; i++) {
                in[i] = new Probe(this);
            }
        }
    }

    private static final class Probe extends Event {
        final Twin twin;

        Probe(Twin twin) {
            this.twin = twin;
        }

        @Override
        public void fire(Simulator sim) {
            throw new AssertionError("list tests never fire events");
        }
    }

    /** Times: mostly ties near zero, sometimes far apart (times are absolute, and may precede the last removed). */
    private static final LongBinaryOperator TIES = (lastRemoved, arg) -> arg % 5 == 4 ? arg : arg % 5;

    /**
     * Times after the last removed one, at a cluster model's mixed scales: the same instant, a few
     * nanoseconds, microseconds, milliseconds, seconds, and exactly 30 s (timeouts, often tied).
     */
    private static final LongBinaryOperator SCALES = (lastRemoved, arg) -> {
        long base = Math.max(0, lastRemoved);
        long delay = switch ((int) (arg % 8)) {
            case 0 -> 0;
            case 1 -> arg % 3;
            case 2 -> arg % 1_000;
            case 3 -> arg * 37 % 1_000_000;
            case 4 -> arg * 7_919 % 100_000_000;
            case 5 -> 30_000_000_000L;
            case 6 -> arg * 104_729 % 2_000_000_000L;
            default -> arg * 1_000_003L;
        };
        return base + delay;
    };

    private static final class Lockstep {
        final EventList[] lists = {new HeapEventList(16), new LadderEventList(16), new TreeEventList()};
        final List<Twin> all = new ArrayList<>();
        final boolean checkEveryEvent;
        final LongBinaryOperator times;
        long seq;
        long lastRemoved = -1;

        Lockstep(boolean checkEveryEvent, LongBinaryOperator times) {
            this.checkEveryEvent = checkEveryEvent;
            this.times = times;
        }

        private List<Twin> withScheduled(boolean scheduled) {
            return all.stream().filter(t -> t.in[TREE].isScheduled() == scheduled).toList();
        }

        void add(Twin t, long time) {
            for (int i = 0; i < lists.length; i++) {
                t.in[i].time = time;
                t.in[i].seq = seq;
                lists[i].add(t.in[i]);
            }
            seq++;
        }

        void apply(int op, long arg) {
            if (op < 45) {
                Twin t = new Twin(all.size());
                all.add(t);
                add(t, times.applyAsLong(lastRemoved, arg));
            } else if (op < 65) {
                Integer expected = id(lists[TREE].removeFirst());
                for (int i = 0; i < TREE; i++) {
                    assertThat(id(lists[i].removeFirst())).as(name(i)).isEqualTo(expected);
                }
                if (expected != null) {
                    lastRemoved = all.get(expected).in[TREE].time();
                }
            } else if (op < 85) {
                List<Twin> pending = withScheduled(true);
                if (!pending.isEmpty()) {
                    Twin t = pending.get((int) (arg % pending.size()));
                    for (int i = 0; i < lists.length; i++) {
                        assertThat(lists[i].remove(t.in[i])).as(name(i)).isTrue();
                    }
                }
            } else if (op < 90) {
                List<Twin> idle = withScheduled(false);
                if (!idle.isEmpty()) {
                    Twin t = idle.get((int) (arg % idle.size()));
                    for (int i = 0; i < lists.length; i++) {
                        assertThat(lists[i].remove(t.in[i])).as(name(i)).isFalse();
                    }
                }
            } else if (op < 95) {
                Integer expected = id(lists[TREE].peekFirst());
                for (int i = 0; i < TREE; i++) {
                    assertThat(id(lists[i].peekFirst())).as(name(i)).isEqualTo(expected);
                }
            } else if (op < 98) {
                List<Twin> idle = withScheduled(false);
                if (!idle.isEmpty()) {
                    // Reuse after firing or cancel.
                    add(idle.get((int) (arg % idle.size())), times.applyAsLong(lastRemoved, arg / 7));
                }
            } else {
                for (EventList list : lists) {
                    list.clear();
                }
            }
            for (int i = 0; i < TREE; i++) {
                assertThat(lists[i].size()).as(name(i)).isEqualTo(lists[TREE].size());
                assertThat(lists[i].isEmpty()).as(name(i)).isEqualTo(lists[TREE].isEmpty());
            }
            if (checkEveryEvent) {
                for (Twin t : all) {
                    for (int i = 0; i < TREE; i++) {
                        assertThat(t.in[i].isScheduled()).as("%s: event %d scheduled", name(i), t.id)
                                .isEqualTo(t.in[TREE].isScheduled());
                    }
                }
            }
        }

        void drainAndCompare() {
            while (!lists[TREE].isEmpty()) {
                Event expected = lists[TREE].removeFirst();
                for (int i = 0; i < TREE; i++) {
                    Event actual = lists[i].removeFirst();
                    assertThat(id(actual)).as(name(i)).isEqualTo(id(expected));
                    assertThat(actual.time()).as(name(i)).isEqualTo(expected.time());
                }
            }
            for (int i = 0; i < TREE; i++) {
                assertThat(lists[i].removeFirst()).as(name(i)).isNull();
                assertThat(lists[i].peekFirst()).as(name(i)).isNull();
            }
        }

        private String name(int i) {
            return lists[i].getClass().getSimpleName();
        }

        private static Integer id(Event e) {
            return e == null ? null : ((Probe) e).twin.id;
        }
    }

    @Property(tries = 600)
    void listsMatchTreeUnderAnyOperationSequence(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> ops,
            @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 1_000_000) Integer> args) {
        Lockstep lists = new Lockstep(true, TIES);
        for (int i = 0; i < ops.size(); i++) {
            lists.apply(ops.get(i), args.get(i));
        }
        lists.drainAndCompare();
    }

    @Property(tries = 600)
    void listsMatchTreeWithMixedDelayScales(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> ops,
            @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 1_000_000) Integer> args) {
        Lockstep lists = new Lockstep(true, SCALES);
        for (int i = 0; i < ops.size(); i++) {
            lists.apply(ops.get(i), args.get(i));
        }
        lists.drainAndCompare();
    }

    @Property(tries = 10)
    void listsMatchTreeWhenDeep(@ForAll long seed) {
        // Thousands of pending events: several levels of the 4-ary heap, growth past the initial capacity.
        Random random = new Random(seed);
        Lockstep lists = new Lockstep(false, TIES);
        for (int i = 0; i < 6000; i++) {
            int op = random.nextInt(100);
            lists.apply(op < 45 ? op : op < 60 ? 0 : op, random.nextInt(1_000_000));
        }
        lists.drainAndCompare();
    }

    @Property(tries = 10)
    void listsMatchTreeWhenDeepWithMixedDelayScales(@ForAll long seed) {
        // Enough events to fill rungs, split crowded buckets and spread the near heap, with cancels throughout.
        Random random = new Random(seed);
        Lockstep lists = new Lockstep(false, SCALES);
        int n = 12_000;
        for (int i = 0; i < n; i++) {
            int op = random.nextInt(100);
            // A first half that builds up the pending set, then a mix that drains it; clear is rare.
            int mapped = i < n / 2 ? (op < 60 ? op % 45 : op) : op;
            if (mapped >= 98 && random.nextInt(20) != 0) {
                mapped = 50;
            }
            lists.apply(mapped, random.nextInt(1_000_000));
        }
        lists.drainAndCompare();
    }
}
