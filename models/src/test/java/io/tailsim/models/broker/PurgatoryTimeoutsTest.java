package io.tailsim.models.broker;

import io.tailsim.core.event.Simulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PurgatoryTimeoutsTest {
    static final class Op implements PurgatoryTimeouts.Expirable {
        final int n;
        final long deadline;
        final List<Op> expired;
        boolean done;
        long expiredAt = -1;
        Simulator sim;

        Op(int n, long deadline, List<Op> expired) {
            this.n = n;
            this.deadline = deadline;
            this.expired = expired;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void expire() {
            assertThat(done).isFalse();
            done = true;
            expiredAt = sim.now();
            expired.add(this);
        }
    }

    /**
     * Operations parked with a few timeout values, most completed before their deadline: every one that is not done
     * expires exactly at park time + timeout, in (deadline, park order) order as one event per operation would
     * expire them, and none that was done expires.
     */
    @Test
    void expiresExactlyTheUncompletedAtTheirDeadlinesInOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            Simulator sim = new Simulator();
            PurgatoryTimeouts t = new PurgatoryTimeouts(sim);
            Random r = new Random(seed);
            long[] timeouts = {30_000_000L, 5_000_000L, 30_000_000L, 700_000L};
            List<Op> ops = new ArrayList<>();
            List<Op> expired = new ArrayList<>();
            long at = 0;
            for (int i = 0; i < 4_000; i++) {
                at += r.nextInt(3) == 0 ? 0 : r.nextInt(20_000);
                long timeout = timeouts[r.nextInt(seed == 1 ? 1 : timeouts.length)];
                int n = i;
                long parkAt = at;
                Op op = new Op(n, parkAt + timeout, expired);
                op.sim = sim;
                ops.add(op);
                sim.schedule(parkAt, s -> t.add(op, timeout));
                if (r.nextInt(10) != 0) {
                    // completed some time before, at or after its deadline; completing after it is a no-op
                    long doneAt = parkAt + (long) (r.nextDouble() * 1.2 * timeout);
                    if (doneAt < op.deadline) {
                        sim.schedule(doneAt, s -> op.done = true);
                    }
                }
            }
            sim.run();
            List<Op> expected = new ArrayList<>();
            for (Op op : ops) {
                if (op.expiredAt >= 0) {
                    assertThat(op.expiredAt).as("op %d", op.n).isEqualTo(op.deadline);
                } else {
                    assertThat(op.done).isTrue();
                }
            }
            for (Op op : ops) {
                if (op.expiredAt >= 0) {
                    expected.add(op);
                }
            }
            expected.sort(Comparator.<Op>comparingLong(o -> o.deadline).thenComparingInt(o -> o.n));
            assertThat(expired).containsExactlyElementsOf(expected);
            assertThat(expired.size()).isGreaterThan(ops.size() / 20);
            assertThat(t.held()).isZero();
        }
    }
}
