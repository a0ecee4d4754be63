package io.tailsim.validation.driver;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's pacing against Kafka's MockProducer (acknowledged at once): Trogdor's periods, and open-loop stamps. */
class ProducerWorkerTest {
    private static List<Long> stamps(MockProducer<byte[], byte[]> p) {
        return p.history().stream().map(ProducerRecord::value).map(RecordStamp::read).toList();
    }

    private static ProducerWorker worker(MockProducer<byte[], byte[]> p, Arrival arrival, double perProducer, Schedule s) {
        return worker(p, arrival, perProducer, s, 0);
    }

    private static ProducerWorker worker(MockProducer<byte[], byte[]> p, Arrival arrival, double perProducer, Schedule s, long clockOffset) {
        ProducerGroupSpec g = new ProducerGroupSpec("g", "t", 1, perProducer, 0, 64, Keys.NONE, arrival, Map.of());
        return new ProducerWorker(p, g, perProducer, new RecordKeys(Keys.NONE, 0, 3, 0, new SplittableRandom(1)), new SplittableRandom(2), s,
                new TopicLatency(new LatencyRecorder(), new LatencyRecorder()), new LatencyRecorder(), new LongAdder(), clockOffset);
    }

    private static Schedule schedule(long startInMs, long windowMs, long runMs) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startInMs);
        return new Schedule(start, start, start + TimeUnit.MILLISECONDS.toNanos(windowMs), start + TimeUnit.MILLISECONDS.toNanos(runMs));
    }

    @Test
    void trogdorSendsEachPeriodsQuotaAtItsStartThenWaitsForTheNextPeriod() {
        MockProducer<byte[], byte[]> p = new MockProducer<>(Cluster.empty(), true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Schedule s = schedule(20, 1000, 1000);
        worker(p, new Arrival.Trogdor(100_000_000L, true, 0), 50, s).run();
        // 5 records per 100 ms period (50 records/s); Trogdor's throttle starts full, so its first period carries one more.
        Map<Long, Integer> perPeriod = new TreeMap<>();
        for (long t : stamps(p)) perPeriod.merge((t - s.startNanos()) / 100_000_000L, 1, Integer::sum);
        assertThat(perPeriod.keySet()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(perPeriod.get(0L)).isEqualTo(6);
        assertThat(perPeriod.entrySet().stream().filter(e -> e.getKey() > 0)).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(5));
        // Each burst starts near its period's start (a loose bound: the machine may be busy).
        for (long t : stamps(p)) assertThat((t - s.startNanos()) % 100_000_000L).isLessThan(60_000_000L);
        assertThat(p.closed()).isTrue();
    }

    /**
     * Trogdor's periods follow the machine's clock: a producer starts each burst at the machine's offset into the period (the
     * same for every producer of the driver), kept within its group's clock skew.
     */
    @Test
    void trogdorBurstsStartAtTheMachinesClockOffsetWithinTheGroupsSkew() {
        for (long[] c : new long[][]{{10_000_000L, 7_000_000L, 7_000_000L}, {10_000_000L, 30_000_000L, 9_999_999L}}) {
            MockProducer<byte[], byte[]> p = new MockProducer<>(Cluster.empty(), true, null, new ByteArraySerializer(), new ByteArraySerializer());
            Schedule s = schedule(20, 600, 600);
            worker(p, new Arrival.Trogdor(100_000_000L, true, c[0]), 50, s, c[1]).run();
            assertThat(stamps(p)).isNotEmpty();
            // no burst before the offset into its period (a loose upper bound: the machine may be busy)
            for (long t : stamps(p)) assertThat((t - s.startNanos()) % 100_000_000L).isBetween(c[2], 60_000_000L);
        }
    }

    @Test
    void theDriversProducersShareOneClockOffsetDrawnFromTheSeedWithinTheSkew() {
        Arrival.Trogdor t = new Arrival.Trogdor(100_000_000L, true, 1_000_000L);
        ProducerGroupSpec a = new ProducerGroupSpec("a", "t", 9, 900, 4, 512, Keys.NONE, t, Map.of());
        ProducerGroupSpec b = new ProducerGroupSpec("b", "t", 3, 30, 4, 512, Keys.NONE, Arrival.POISSON, Map.of());
        java.util.Set<Long> offsets = new java.util.HashSet<>();
        for (long seed = 1; seed <= 50; seed++) {
            long o = WorkloadDriver.machineClockOffsetNanos(new WorkloadSpec(List.of(b, a), List.of(), 10, 30, seed));
            assertThat(o).isBetween(0L, 999_999L);
            assertThat(WorkloadDriver.machineClockOffsetNanos(new WorkloadSpec(List.of(b, a), List.of(), 10, 30, seed))).isEqualTo(o);
            offsets.add(o);
        }
        assertThat(offsets).hasSizeGreaterThan(40);
        assertThat(WorkloadDriver.machineClockOffsetNanos(new WorkloadSpec(List.of(b), List.of(), 10, 30, 1))).isZero();
    }

    @Test
    void openLoopRecordsCarryTheirScheduledTimeNotTheSendTime() {
        MockProducer<byte[], byte[]> p = new MockProducer<>(Cluster.empty(), true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Schedule s = schedule(20, 500, 500);
        worker(p, Arrival.CONSTANT, 100, s).run();
        List<Long> t = stamps(p);
        assertThat(t).hasSizeBetween(49, 51);
        for (int i = 1; i < t.size(); i++) assertThat(t.get(i) - t.get(i - 1)).isBetween(9_999_999L, 10_000_001L);
    }

    @Test
    void onOffSendsAtTheLongRunRateWithGapsOfTheOffPeriods() {
        ArrivalProcess a = new ArrivalProcess(new Arrival.OnOff(100_000_000L, 300_000_000L), 100, new SplittableRandom(9));
        int n = 200_000;
        double sum = 0;
        long longGaps = 0;
        for (int i = 0; i < n; i++) {
            long g = a.nextGapNanos();
            sum += g;
            if (g > 50_000_000L) longGaps++;
        }
        // Mean gap 10 ms (100 records/s in the long run) made of 2.5 ms gaps while on, and off periods now and then.
        assertThat(sum / n).isBetween(9.5e6, 10.5e6);
        assertThat(longGaps).isGreaterThan(n / 100);
    }
}
