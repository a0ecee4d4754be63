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
