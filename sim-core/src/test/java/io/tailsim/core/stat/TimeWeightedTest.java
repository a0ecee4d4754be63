package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeWeightedTest {

    /** 0 on [0,10), 2 on [10,30), 1 on [30,60), 0 on [60,100]: integral 2·20 + 1·30 = 70. */
    private static TimeWeighted steps() {
        TimeWeighted q = new TimeWeighted(0, 0);
        q.update(10, 2);
        q.update(30, 1);
        q.update(60, 0);
        return q;
    }

    @Test
    void averagesAHandMadeStepFunction() {
        TimeWeighted q = steps();
        assertThat(q.integral(100)).isEqualTo(70.0);
        assertThat(q.average(100)).isEqualTo(0.7);
        assertThat(q.average(60)).isEqualTo(70.0 / 60);
        assertThat(q.max()).isEqualTo(2);
        assertThat(q.min()).isEqualTo(0);
        assertThat(q.value()).isEqualTo(0);
    }

    @Test
    void theLastValueHoldsUntilNow() {
        TimeWeighted q = new TimeWeighted(50, 3);
        assertThat(q.average(150)).isEqualTo(3.0);
        q.update(100, 1);
        // 3 on [50,100), 1 on [100,150]: (150 + 50) / 100.
        assertThat(q.average(150)).isEqualTo(2.0);
    }

    @Test
    void resetAtWarmupEndKeepsTheCurrentValue() {
        TimeWeighted q = new TimeWeighted(0, 0);
        q.update(10, 2);
        q.update(30, 1);
        q.reset(40);          // warm-up ends while the value is 1
        q.update(60, 0);
        assertThat(q.startNanos()).isEqualTo(40);
        assertThat(q.average(60)).isEqualTo(1.0);
        assertThat(q.average(100)).isEqualTo(20.0 / 60);
        assertThat(q.max()).isEqualTo(1);
    }

    @Test
    void incrementsMakeTheSameFunction() {
        TimeWeighted q = new TimeWeighted(0, 0);
        q.add(10, +1);
        q.add(10, +1);  // two arrivals at once: a zero-length step contributes nothing
        q.add(30, -1);
        q.add(60, -1);
        assertThat(q.average(100)).isEqualTo(steps().average(100));
    }

    @Test
    void utilisationOfABusyIdleCycle() {
        // One server busy 3 of every 4 time units, for 1000 cycles.
        TimeWeighted busy = new TimeWeighted();
        for (long c = 0; c < 1000; c++) {
            busy.update(4 * c, 1);
            busy.update(4 * c + 3, 0);
        }
        assertThat(busy.average(4000)).isEqualTo(0.75);
    }

    @Test
    void timeMustNotGoBackwards() {
        TimeWeighted q = steps();
        assertThatThrownBy(() -> q.update(59, 1)).hasMessageContaining("59");
        assertThatThrownBy(() -> q.average(20)).hasMessageContaining("20");
        assertThat(new TimeWeighted(5, 1).average(5)).isNaN();
    }
}
