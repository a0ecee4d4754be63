package io.tailsim.core.stat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** A run of evenly spaced latencies recorded at once leaves the recorder exactly as recording them one by one. */
class LatencyRecorderRunPropertyTest {
    @Property(tries = 500)
    void aRunIsTheSameAsItsValuesOneByOne(@ForAll @LongRange(min = 0, max = 5_000_000_000L) long lowest,
                                          @ForAll @LongRange(min = 0, max = 2_000_000) long step,
                                          @ForAll @IntRange(min = 0, max = 600) int count) {
        long highest = lowest + Math.max(0, count - 1) * step;
        LatencyRecorder run = new LatencyRecorder();
        LatencyRecorder one = new LatencyRecorder();
        run.record(7_000);
        one.record(7_000);
        run.recordDescending(highest, step, count);
        for (int k = 0; k < count; k++) {
            one.record(highest - k * step);
        }
        assertThat(run.copyHistogram()).isEqualTo(one.copyHistogram());
        assertThat(run.count()).isEqualTo(one.count());
        assertThat(run.meanNanos()).isEqualTo(one.meanNanos());
        assertThat(run.minNanos()).isEqualTo(one.minNanos());
        assertThat(run.maxNanos()).isEqualTo(one.maxNanos());
        assertThat(run.summary()).isEqualTo(one.summary());
    }
}
