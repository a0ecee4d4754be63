package io.tailsim.core.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.time.Time;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

class IntervalSeriesTest {
    private static final long S = Time.SECOND;
    private static final long MS = Time.MILLISECOND;

    /**
     * 10 s intervals over 35 s: [0,10) gets 1..100 ms, [10,20) nothing, [20,30) 1000 x 5 ms and one
     * 2 s outlier, [30,35) a single 7 ms value.
     */
    private static IntervalSeries sample(String tag) {
        IntervalSeries s = new IntervalSeries(tag, 0, 10 * S);
        for (int i = 1; i <= 100; i++) {
            s.record(i * 90 * MS, i * MS);
        }
        for (int i = 0; i < 1000; i++) {
            s.record(20 * S + i * MS, 5 * MS);
        }
        s.record(29 * S, 2000 * MS);
        s.record(33 * S, 7 * MS);
        s.close(35 * S);
        return s;
    }

    @Test
    void eachIntervalHoldsItsOwnValues() {
        IntervalSeries s = sample(null);
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.counts()).containsExactly(100, 0, 1001, 1);
        assertThat(s.startSeconds()).containsExactly(0, 10, 20, 30);
        assertThat(s.intervals().get(3).endNanos()).isEqualTo(35 * S);   // last one is partial
        double[] p50 = s.percentileSeries(50);
        assertThat(p50[0]).isCloseTo(50.0, within(0.05));
        assertThat(p50[1]).isNaN();
        assertThat(p50[2]).isCloseTo(5.0, within(0.005));
        assertThat(p50[3]).isCloseTo(7.0, within(0.007));
        double[][] tails = s.percentileSeries(new double[] {99, 100});
        assertThat(tails[0][0]).isCloseTo(99.0, within(0.1));
        assertThat(tails[1][2]).isCloseTo(2000.0, within(2.0));
        assertThat(s.intervals().get(2).maxNanos()).isBetween(2000 * MS, 2002 * MS);
        assertThat(s.total().count()).isEqualTo(1102);
    }

    @Test
    void warmupCanBeCutAfterTheFactFromWholeIntervals() {
        IntervalSeries s = sample(null);
        double[] means = s.meanSeries();
        assertThat(means[0]).isCloseTo(50.5, within(0.05));
        assertThat(means[1]).isNaN();
        assertThat(means[3]).isCloseTo(7.0, within(0.01));
        LatencyRecorder steady = s.total(2);   // drop the first two intervals as warm-up
        assertThat(steady.count()).isEqualTo(1002);
        assertThat(steady.valueAtPercentile(50)).isCloseTo(5.0, within(0.005));
        assertThat(s.total(4).count()).isZero();
        assertThatThrownBy(() -> s.total(5)).hasMessageContaining("5");
    }

    @Test
    void intervalLogRoundTripsThroughHdrHistogramsWriterAndReader() {
        IntervalSeries s = sample("produce");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.writeLog(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"")
                .contains("Tag=produce,20.000,10.000,2");

        IntervalSeries back = IntervalSeries.readLog(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.tag()).isEqualTo("produce");
        assertThat(back.isClosed()).isTrue();
        assertThat(back.size()).isEqualTo(s.size());
        assertThat(back.intervalNanos()).isEqualTo(10 * S);
        for (int i = 0; i < s.size(); i++) {
            IntervalSeries.Interval a = s.intervals().get(i);
            IntervalSeries.Interval b = back.intervals().get(i);
            assertThat(b.startNanos()).isEqualTo(a.startNanos());
            assertThat(b.endNanos()).isEqualTo(a.endNanos());
            assertThat(b.count()).isEqualTo(a.count());
            assertThat(b.histogram()).isEqualTo(a.histogram());
        }
        assertThat(back.percentileSeries(99.9)).containsExactly(s.percentileSeries(99.9));
    }

    @Test
    void theLogIsReadableByTheStockHdrHistogramReader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample(null).writeLog(out);
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(out.toByteArray()));
        Histogram total = LatencyRecorder.newHistogram();
        int intervals = 0;
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            total.add((Histogram) h);
            intervals++;
        }
        assertThat(intervals).isEqualTo(4);
        assertThat(total.getTotalCount()).isEqualTo(1102);
    }

    @Test
    void severalTaggedSeriesShareOneLog() {
        IntervalSeries produce = sample("produce");
        IntervalSeries e2e = new IntervalSeries("e2e", 0, 10 * S);
        e2e.record(1 * S, 40 * MS);
        e2e.record(12 * S, 60 * MS);
        e2e.close(20 * S);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntervalSeries.writeLog(out, List.of(produce, e2e));
        Map<String, IntervalSeries> back = IntervalSeries.readLogs(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back).containsOnlyKeys("produce", "e2e");
        assertThat(back.get("produce").counts()).containsExactly(100, 0, 1001, 1);
        assertThat(back.get("e2e").counts()).containsExactly(1, 1);
        assertThat(back.get("e2e").percentileSeries(50)[1]).isCloseTo(60.0, within(0.06));
        assertThatThrownBy(() -> IntervalSeries.readLog(new ByteArrayInputStream(out.toByteArray())))
                .hasMessageContaining("produce");
    }

    @Test
    void misuseFailsLoudly() {
        IntervalSeries s = new IntervalSeries(0, 10 * S);
        s.record(25 * S, MS);
        assertThatThrownBy(() -> s.record(15 * S, MS)).hasMessageContaining("before the current interval");
        assertThatThrownBy(() -> s.record(26 * S, -1)).isInstanceOf(IllegalArgumentException.class);
        s.close(30 * S);
        assertThat(s.counts()).containsExactly(0, 0, 1);   // exactly at the boundary: no empty partial
        assertThatThrownBy(() -> s.record(31 * S, MS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IntervalSeries(0, 1500)).hasMessageContaining("1500");
        assertThatThrownBy(() -> new IntervalSeries("a,b", 0, S)).hasMessageContaining("a,b");
    }
}
