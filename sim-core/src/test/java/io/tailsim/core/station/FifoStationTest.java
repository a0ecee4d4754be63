package io.tailsim.core.station;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.dist.Distributions;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStreams;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FifoStationTest {
    private static final long MS = MILLISECOND;

    private record Departed(String job, long arrival, long start, long end) {
    }

    private static FifoStation<String> station(Simulator sim, int servers, List<Departed> log) {
        FifoStation<String> st = new FifoStation<>(sim, "st", servers, Distributions.deterministic(10 * MS),
                new RandomStreams(1).stream("service"));
        st.onDeparture((job, arrival, start, end) -> log.add(new Departed(job, arrival, start, end)));
        return st;
    }

    private static void arriveAt(Simulator sim, FifoStation<String> st, long t, String job) {
        sim.schedule(t, s -> st.arrive(job));
    }

    @Test
    void singleServerHandTrace() {
        // Service 10 ms; arrivals at 0, 2, 4, 30 ms. a: [0,10]; b waits 8 -> [10,20]; c waits 16 -> [20,30];
        // d arrives at 30 as c leaves -> [30,40], wait 0.
        Simulator sim = new Simulator();
        List<Departed> log = new ArrayList<>();
        FifoStation<String> st = station(sim, 1, log);
        arriveAt(sim, st, 0, "a");
        arriveAt(sim, st, 2 * MS, "b");
        arriveAt(sim, st, 4 * MS, "c");
        arriveAt(sim, st, 30 * MS, "d");
        sim.run();
        assertThat(log).containsExactly(
                new Departed("a", 0, 0, 10 * MS),
                new Departed("b", 2 * MS, 10 * MS, 20 * MS),
                new Departed("c", 4 * MS, 20 * MS, 30 * MS),
                new Departed("d", 30 * MS, 30 * MS, 40 * MS));
        assertThat(sim.now()).isEqualTo(40 * MS);
        assertThat(st.waitingTimeTally().mean()).isEqualTo(6.0 * MS);        // (0 + 8 + 16 + 0) / 4
        assertThat(st.sojournTimeTally().mean()).isEqualTo(16.0 * MS);       // (10 + 18 + 26 + 10) / 4
        assertThat(st.waitingTimes().mean()).isEqualTo(6.0);
        assertThat(st.waitingTimes().max()).isEqualTo(16.0);
        assertThat(st.sojournTimes().valueAtPercentile(50)).isCloseTo(10.0, within(0.01));
        assertThat(st.utilisation()).isEqualTo(1.0);
        // Queue: 1 on [2,4), 2 on [4,10), 1 on [10,20): integral 2 + 12 + 10 = 24 ms over 40 ms.
        assertThat(st.queueLength().average(sim.now())).isEqualTo(0.6);
        assertThat(st.queueLength().max()).isEqualTo(2);
        assertThat(st.arrivals()).isEqualTo(4);
        assertThat(st.departures()).isEqualTo(4);
        assertThat(st.inSystem()).isZero();
    }

    @Test
    void twoServersHandTrace() {
        // a, b, c at 0 and d at 5, service 10: a and b start at once; c (wait 10) and d (wait 5) at 10.
        Simulator sim = new Simulator();
        List<Departed> log = new ArrayList<>();
        FifoStation<String> st = station(sim, 2, log);
        arriveAt(sim, st, 0, "a");
        arriveAt(sim, st, 0, "b");
        arriveAt(sim, st, 0, "c");
        arriveAt(sim, st, 5 * MS, "d");
        sim.runUntil(1 * MS);
        assertThat(st.busyServers()).isEqualTo(2);
        assertThat(st.queued()).isEqualTo(1);
        sim.run();
        assertThat(log).extracting(Departed::job).containsExactly("a", "b", "c", "d");
        assertThat(log.get(2)).isEqualTo(new Departed("c", 0, 10 * MS, 20 * MS));
        assertThat(log.get(3)).isEqualTo(new Departed("d", 5 * MS, 10 * MS, 20 * MS));
        assertThat(st.waitingTimeTally().mean()).isEqualTo(3.75 * MS);
        assertThat(st.utilisation()).isEqualTo(1.0);
        // Queue: 1 on [0,5), 2 on [5,10): 15 ms over 20 ms.
        assertThat(st.queueLength().average(sim.now())).isEqualTo(0.75);
    }

    @Test
    void utilisationCountsIdleTime() {
        // One 10 ms job every 40 ms on one server: 25% busy.
        Simulator sim = new Simulator();
        FifoStation<String> st = station(sim, 1, new ArrayList<>());
        for (int i = 0; i < 100; i++) {
            arriveAt(sim, st, i * 40 * MS, "j" + i);
        }
        sim.runUntil(4000 * MS);
        assertThat(st.utilisation()).isCloseTo(0.25, within(1e-12));
        assertThat(st.waitingTimes().max()).isZero();
    }

    @Test
    void jobsMayBringTheirOwnServiceTimes() {
        Simulator sim = new Simulator();
        List<Departed> log = new ArrayList<>();
        FifoStation<String> st = new FifoStation<>(sim, "cpu", 1, null, null);
        st.onDeparture((job, arrival, start, end) -> log.add(new Departed(job, arrival, start, end)));
        sim.schedule(0, s -> st.arrive("big", 30 * MS));
        sim.schedule(1 * MS, s -> st.arrive("small", 1 * MS));
        sim.run();
        assertThat(log).containsExactly(new Departed("big", 0, 0, 30 * MS),
                new Departed("small", 1 * MS, 30 * MS, 31 * MS));
        assertThatThrownBy(() -> st.arrive("x")).hasMessageContaining("no service distribution");
        assertThatThrownBy(() -> st.arrive("x", -5)).hasMessageContaining("-5");
    }

    @Test
    void theRingBufferKeepsFifoOrderAcrossWrapAndGrowth() {
        Simulator sim = new Simulator();
        List<Departed> log = new ArrayList<>();
        FifoStation<String> st = station(sim, 1, log);
        List<String> expected = new ArrayList<>();
        // 10 at once, run 5 services (head moves), then 300 more: wraps past the end and grows twice.
        for (int i = 0; i < 10; i++) {
            expected.add("a" + i);
            arriveAt(sim, st, 0, "a" + i);
        }
        sim.runUntil(45 * MS);
        for (int i = 0; i < 300; i++) {
            expected.add("b" + i);
            arriveAt(sim, st, 0, "b" + i);
        }
        sim.run();
        assertThat(log).extracting(Departed::job).containsExactlyElementsOf(expected);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).start()).isEqualTo(log.get(i - 1).end());
        }
    }

    @Test
    void resetAtWarmupEndForgetsTheTransient() {
        Simulator sim = new Simulator();
        FifoStation<String> st = station(sim, 1, new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            arriveAt(sim, st, 0, "burst" + i);      // waits 0, 10, 20, 30, 40 ms
        }
        arriveAt(sim, st, 100 * MS, "late");         // wait 0
        st.resetStatisticsAt(55 * MS);              // after the burst has drained at 50 ms
        sim.run();
        assertThat(st.waitingTimeTally().count()).isEqualTo(1);
        assertThat(st.waitingTimeTally().mean()).isZero();
        assertThat(st.waitingTimes().count()).isEqualTo(1);
        assertThat(st.busy().startNanos()).isEqualTo(55 * MS);
        // Busy on [100, 110] within [55, 110].
        assertThat(st.utilisation()).isCloseTo(10.0 / 55, within(1e-12));
        assertThat(st.departures()).isEqualTo(6);
    }

    @Test
    void sourceRespectsItsLimitAndEndTime() {
        Simulator sim = new Simulator();
        RandomStreams streams = new RandomStreams(3);
        List<Long> indices = new ArrayList<>();
        Source limited = new Source(sim, Distributions.exponential(MS), streams.stream("a"), indices::add).limit(50).start();
        sim.run();
        assertThat(limited.generated()).isEqualTo(50);
        assertThat(indices).hasSize(50).startsWith(0L, 1L, 2L).endsWith(49L);

        Simulator sim2 = new Simulator();
        long[] last = {-1};
        Source timed = new Source(sim2, Distributions.exponential(MS), streams.stream("b"), n -> last[0] = sim2.now())
                .until(1000 * MS).start();
        sim2.run();
        assertThat(last[0]).isLessThan(1000 * MS).isGreaterThan(950 * MS);
        // 1000 ms at rate 1/ms: Poisson(1000), sd ~32.
        assertThat(timed.generated()).isBetween(850L, 1150L);
    }

    @Test
    void sourceCanBeStoppedFromItsOwnCallback() {
        Simulator sim = new Simulator();
        Source[] self = new Source[1];
        self[0] = new Source(sim, Distributions.deterministic(MS), new RandomStreams(1).stream("s"), n -> {
            if (n == 4) {
                self[0].stop();
            }
        }).start();
        sim.run();
        assertThat(self[0].generated()).isEqualTo(5);
        assertThat(sim.now()).isEqualTo(5 * MS);
    }

    @Test
    void sourceFeedsAStationInAFewLines() {
        Simulator sim = new Simulator();
        RandomStreams streams = new RandomStreams(11);
        FifoStation<Void> mm1 = new FifoStation<>(sim, "mm1", 1, Distributions.exponential(MS), streams.stream("service"));
        Source.into(sim, Distributions.exponential(2 * MS), streams.stream("arrivals"), mm1).limit(20_000).start();
        sim.run();
        assertThat(mm1.departures()).isEqualTo(20_000);
        assertThat(mm1.utilisation()).isCloseTo(0.5, within(0.03));
    }

    @Test
    void steadyStateCostsNoAllocationPerJob() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Simulator sim = new Simulator();
        RandomStreams streams = new RandomStreams(5);
        FifoStation<Void> st = new FifoStation<>(sim, "mm2", 2, Distributions.exponential(MS), streams.stream("service"));
        Source.into(sim, Distributions.exponential(0.6 * MS), streams.stream("arrivals"), st).start();
        sim.runUntil(200_000 * MS);               // warm the JIT and let the queue reach its high-water mark
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        long departedBefore = st.departures();
        sim.runUntil(400_000 * MS);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        long jobs = st.departures() - departedBefore;
        assertThat(jobs).isGreaterThan(300_000);
        // A few KB of slack for the MXBean call itself and a rare ring-buffer growth.
        assertThat(allocated).as("bytes allocated for %d jobs", jobs).isLessThan(64 * 1024);
    }

    @Test
    void invalidConstructionIsRejected() {
        Simulator sim = new Simulator();
        assertThatThrownBy(() -> new FifoStation<String>(sim, "x", 0, Distributions.deterministic(1), null))
                .hasMessageContaining("server count 0");
    }
}
