package io.tailsim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link HeapEventList} behaves exactly like the obviously correct {@link TreeEventList} under any
 * sequence of add, remove, removeFirst, peekFirst, re-add and clear, with many tied times.
 */
class EventListPropertyTest {

    /** One logical event, present as a twin object in each list (an Event belongs to one list). */
    private static final class Twin {
        final int id;
        final Probe inHeap;
        final Probe inTree;

        Twin(int id) {
            this.id = id;
            this.inHeap = new Probe(this);
            this.inTree = new Probe(this);
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

    private static final class Lockstep {
        final HeapEventList heap = new HeapEventList(16);
        final TreeEventList tree = new TreeEventList();
        final List<Twin> all = new ArrayList<>();
        final boolean checkEveryEvent;
        long seq;

        Lockstep(boolean checkEveryEvent) {
            this.checkEveryEvent = checkEveryEvent;
        }

        private List<Twin> withScheduled(boolean scheduled) {
            return all.stream().filter(t -> t.inTree.isScheduled() == scheduled).toList();
        }

        void add(Twin t, long time) {
            for (Probe p : new Probe[] {t.inHeap, t.inTree}) {
                p.time = time;
                p.seq = seq;
            }
            seq++;
            heap.add(t.inHeap);
            tree.add(t.inTree);
        }

        void apply(int op, long arg) {
            if (op < 45) {
                Twin t = new Twin(all.size());
                all.add(t);
                add(t, arg % 5 == 4 ? arg : arg % 5); // mostly ties, sometimes far apart
            } else if (op < 65) {
                assertThat(id(heap.removeFirst())).isEqualTo(id(tree.removeFirst()));
            } else if (op < 85) {
                List<Twin> pending = withScheduled(true);
                if (!pending.isEmpty()) {
                    Twin t = pending.get((int) (arg % pending.size()));
                    assertThat(heap.remove(t.inHeap)).isTrue();
                    assertThat(tree.remove(t.inTree)).isTrue();
                }
            } else if (op < 90) {
                List<Twin> idle = withScheduled(false);
                if (!idle.isEmpty()) {
                    Twin t = idle.get((int) (arg % idle.size()));
                    assertThat(heap.remove(t.inHeap)).isFalse();
                    assertThat(tree.remove(t.inTree)).isFalse();
                }
            } else if (op < 95) {
                assertThat(id(heap.peekFirst())).isEqualTo(id(tree.peekFirst()));
            } else if (op < 98) {
                List<Twin> idle = withScheduled(false);
                if (!idle.isEmpty()) {
                    add(idle.get((int) (arg % idle.size())), arg % 5); // reuse after firing or cancel
                }
            } else {
                heap.clear();
                tree.clear();
            }
            assertThat(heap.size()).isEqualTo(tree.size());
            assertThat(heap.isEmpty()).isEqualTo(tree.isEmpty());
            if (checkEveryEvent) {
                for (Twin t : all) {
                    assertThat(t.inHeap.isScheduled()).as("event %d scheduled", t.id).isEqualTo(t.inTree.isScheduled());
                }
            }
        }

        void drainAndCompare() {
            while (!tree.isEmpty()) {
                Event fromTree = tree.removeFirst();
                Event fromHeap = heap.removeFirst();
                assertThat(id(fromHeap)).isEqualTo(id(fromTree));
                assertThat(fromHeap.time()).isEqualTo(fromTree.time());
            }
            assertThat(heap.removeFirst()).isNull();
            assertThat(heap.peekFirst()).isNull();
        }

        private static Integer id(Event e) {
            return e == null ? null : ((Probe) e).twin.id;
        }
    }

    @Property(tries = 600)
    void heapMatchesTreeUnderAnyOperationSequence(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> ops,
            @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 1_000_000) Integer> args) {
        Lockstep lists = new Lockstep(true);
        for (int i = 0; i < ops.size(); i++) {
            lists.apply(ops.get(i), args.get(i));
        }
        lists.drainAndCompare();
    }

    @Property(tries = 10)
    void heapMatchesTreeWhenDeep(@ForAll long seed) {
        // Thousands of pending events: several levels of the 4-ary heap, growth past the initial capacity.
        Random random = new Random(seed);
        Lockstep lists = new Lockstep(false);
        for (int i = 0; i < 6000; i++) {
            int op = random.nextInt(100);
            lists.apply(op < 45 ? op : op < 60 ? 0 : op, random.nextInt(1_000_000));
        }
        lists.drainAndCompare();
    }
}
