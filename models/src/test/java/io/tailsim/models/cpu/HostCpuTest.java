package io.tailsim.models.cpu;

import io.tailsim.core.event.Simulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HostCpuTest {
    private static final class Job extends CpuJob {
        final List<Long> done;

        Job(List<Long> done) {
            super(0);
            this.done = done;
        }

        @Override
        protected void cpuDone(long now) {
            done.add(now);
        }
    }

    @Test
    void twoEqualJobsOnOneCoreTakeTwiceAsLong() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        List<Long> done = new ArrayList<>();
        cpu.submit(new Job(done), 1_000_000);
        cpu.submit(new Job(done), 1_000_000);
        sim.run();
        assertThat(done).hasSize(2);
        assertThat(done.get(0)).isCloseTo(2_000_000L, within(2L));
        assertThat(done.get(1)).isCloseTo(2_000_000L, within(2L));
    }

    /**
     * CPU pressure "some": the share of time a runnable thread waits for a core. Two 1 ms jobs on one core: under time
     * slices one waits while the other runs (the first of the 2 ms); under processor sharing both are
     * slowed the whole 2 ms. Then 2 ms idle and 1 ms alone: no waiting.
     */
    @Test
    void pressureSomeCountsTheTimeARunnableThreadWaits() {
        for (boolean sliced : new boolean[] {true, false}) {
            Simulator sim = new Simulator();
            HostCpu cpu = new HostCpu(sim, "h", 1);
            if (sliced) {
                cpu.setTimeSlice(3_000_000);
            }
            List<Long> done = new ArrayList<>();
            Job first = new Job(done);
            Job second = new Job(done);
            cpu.submit(first, 1_000_000);
            cpu.submit(second, 1_000_000);
            sim.run();
            assertThat(cpu.pressureSome()).as("sliced %s", sliced).isCloseTo(sliced ? 0.5 : 1.0, within(1e-6));
            // the run-queue wait (schedstat): under slices the second thread waited the first's 1 ms; under sharing nobody waits
            assertThat(first.runQueueWaitNanos(sim.now())).isZero();
            assertThat(second.runQueueWaitNanos(sim.now())).isEqualTo(sliced ? 1_000_000L : 0L);
            sim.schedule(new io.tailsim.core.event.Event() {
                @Override
                public void fire(Simulator s) {
                    cpu.submit(new Job(done), 1_000_000);
                }
            }, 2_000_000);
            sim.run();
            assertThat(sim.now()).isEqualTo(5_000_000L);
            assertThat(cpu.pressureSome()).as("sliced %s", sliced).isCloseTo((sliced ? 1.0 : 2.0) / 5, within(1e-6));
            cpu.resetStats();
            assertThat(cpu.pressureSome()).isNaN();
        }
    }

    @Test
    void jobsRunAtFullSpeedWhileCoresAreFree() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        List<Long> done = new ArrayList<>();
        cpu.submit(new Job(done), 1_000_000);
        cpu.submit(new Job(done), 3_000_000);
        sim.run();
        assertThat(done.get(0)).isCloseTo(1_000_000L, within(2L));
        assertThat(done.get(1)).isCloseTo(3_000_000L, within(2L));
    }

    /**
     * A thread pays its wake-up cost when handed work while asleep, not when handed more at the instant it finishes (it
     * never slept); its wake-ups are counted either way.
     */
    @Test
    void aSleepingThreadPaysItsWakeupCostAndABusyOneDoesNot() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        List<Long> done = new ArrayList<>();
        CpuJob[] self = new CpuJob[1];
        int[] left = {2};
        CpuJob job = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                done.add(now);
                if (left[0]-- > 0) {
                    cpu.submit(self[0], 1_000_000);  // more work queued: straight on, no wake-up
                }
            }
        };
        self[0] = job;
        job.setWakeupCost(500_000);
        cpu.submit(job, 1_000_000);
        sim.run();
        assertThat(done).containsExactly(1_500_000L, 2_500_000L, 3_500_000L);
        assertThat(job.wakeups()).isEqualTo(1);
        sim.schedule(new io.tailsim.core.event.Event() {
            @Override
            public void fire(Simulator s) {
                cpu.submit(job, 1_000_000);  // asleep since 3.5 ms: pays again
            }
        }, 1_000_000);
        sim.run();
        assertThat(done).last().isEqualTo(6_000_000L);
        assertThat(job.wakeups()).isEqualTo(2);
        assertThat(cpu.busyCoreNanosTotal()).isCloseTo(5_000_000, within(2.0));
    }

    /**
     * started(): when a thread first runs work it was handed — after its wake-up latency, and on a time-sliced host once a
     * core is free — the instant Kafka stamps a request's dequeue on the running thread.
     */
    @Test
    void startedIsWhenTheThreadFirstRunsItsWork() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.setTimeSlice(10_000_000);
        cpu.setWakeupLatency(new io.tailsim.core.dist.Deterministic(200_000),
                new io.tailsim.core.rng.RandomStreams(1).stream("w"));
        List<Long> starts = new ArrayList<>();
        class Recording extends CpuJob {
            Recording() {
                super(0);
            }

            @Override
            protected void started(long now) {
                starts.add(now);
            }

            @Override
            protected void cpuDone(long now) {
            }
        }
        cpu.submit(new Recording(), 1_000_000);   // wakes at 0.2 ms, runs to 1.2 ms
        cpu.submit(new Recording(), 1_000_000);   // wakes at 0.2 ms, waits for the one core until 1.2 ms
        sim.run();
        assertThat(starts).containsExactly(200_000L, 1_200_000L);
    }

    /**
     * A cold wake-up cost follows the thread's recent wake-up rate r: warm + cold * h / (h + r). A thread's first wake-up
     * pays it whole; a thread woken every 10 ms (100/s) settles at half of it when h is 100/s; and a thread woken in
     * bursts of nine, 1 ms apart, every 100 ms (90/s on average, but 1 ms after its last sleep for eight of the nine)
     * pays per wake-up what a steady thread at 90/s pays, since the rate and not the sleep before decides.
     */
    @Test
    void aColdWakeupCostFollowsTheThreadsRecentWakeupRate() {
        double warm = 10_000, cold = 80_000, half = 100;
        double first = wakeupCostOver(new long[] {0}, warm, cold, half)[0];
        assertThat(first).isCloseTo(warm + cold, within(1e-6));
        long[] steady = new long[3000];
        for (int i = 0; i < steady.length; i++) {
            steady[i] = i * 10_000_000L;
        }
        double[] s = wakeupCostOver(steady, warm, cold, half);
        assertThat(s[s.length - 1]).isCloseTo(warm + cold * half / (half + 100), within(200.0));
        long[] bursts = new long[9 * 300], even = new long[9 * 300];
        for (int b = 0; b < 300; b++) {
            for (int k = 0; k < 9; k++) {
                bursts[9 * b + k] = b * 100_000_000L + k * 1_000_000L;
                even[9 * b + k] = Math.round((9 * b + k) * 1e9 / 90);
            }
        }
        double burstMean = meanOfLast(wakeupCostOver(bursts, warm, cold, half), 900);
        double evenMean = meanOfLast(wakeupCostOver(even, warm, cold, half), 900);
        assertThat(evenMean).isCloseTo(warm + cold * half / (half + 90), within(300.0));
        assertThat(burstMean).isCloseTo(evenMean, within(0.01 * evenMean));
    }

    /** The CPU each wake-up at {@code times} costs a thread handed no work of its own (its wake-up cost alone). */
    private static double[] wakeupCostOver(long[] times, double warm, double cold, double half) {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        Job job = new Job(new ArrayList<>());
        job.setWakeupCost(warm, cold, half);
        double[] cost = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            int at = i;
            sim.schedule(new io.tailsim.core.event.Event() {
                @Override
                public void fire(Simulator s) {
                    double before = cpu.busyCoreNanosTotal();
                    cpu.submit(job, 0);
                    s.schedule(new io.tailsim.core.event.Event() {
                        @Override
                        public void fire(Simulator s2) {
                            cost[at] = cpu.busyCoreNanosTotal() - before;
                        }
                    }, 900_000);
                }
            }, times[i]);
        }
        sim.run();
        return cost;
    }

    private static double meanOfLast(double[] v, int n) {
        double sum = 0;
        for (int i = v.length - n; i < v.length; i++) {
            sum += v[i];
        }
        return sum / n;
    }

    @Test
    void aColdWakeupCostNeedsAPositiveHalfRate() {
        CpuJob job = new Job(new ArrayList<>());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.setWakeupCost(0, 1000, 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.setWakeupCost(0, -1, 100))
                .isInstanceOf(IllegalArgumentException.class);
        job.setWakeupCost(0, 0, 0);  // no cold cost: no half rate needed
    }

    @Test
    void aWakeupCostMustBeANonNegativeNumber() {
        CpuJob job = new Job(new ArrayList<>());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.setWakeupCost(-1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.setWakeupCost(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Three jobs of 1 ms on 2 cores share at rate 2/3: all finish at 1.5 ms. */
    @Test
    void moreJobsThanCoresShareTheCores() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cpu.submit(new Job(done), 1_000_000);
        }
        sim.run();
        assertThat(done).allSatisfy(t -> assertThat(t).isCloseTo(1_500_000L, within(2L)));
        assertThat(cpu.utilisation()).isCloseTo(1.0, within(1e-6));
    }

    /** A job arriving mid-way slows the running one from then on. */
    @Test
    void lateArrivalSharesFromItsArrival() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        List<Long> done = new ArrayList<>();
        Job a = new Job(done);
        cpu.submit(a, 2_000_000);
        sim.schedule(1_000_000, s -> cpu.submit(new Job(done), 500_000));
        sim.run();
        // from 1 ms both run at half speed: the short one ends at 2 ms, the long one at 2.5 ms
        assertThat(done.get(0)).isCloseTo(2_000_000L, within(2L));
        assertThat(done.get(1)).isCloseTo(2_500_000L, within(2L));
    }

    @Test
    void pausedGroupStopsAndResumesWithItsRemainingWork() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        List<Long> done = new ArrayList<>();
        cpu.submit(new Job(done), 1_000_000);
        sim.schedule(400_000, s -> cpu.pause(0));
        sim.schedule(900_000, s -> cpu.resume(0));
        sim.run();
        assertThat(done.get(0)).isCloseTo(1_500_000L, within(2L));
    }
}
