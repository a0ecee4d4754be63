package io.tailsim.models.cpu;

import io.tailsim.core.dist.Distributions;
import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The OS wake-up latency and the JVMs' background CPU of a crowded host (HardwareProfile.HostEffects). */
class HostEffectsTest {
    /** A thread that, when its work is done, is handed {@code chained} more jobs at once (a handler with a queue). */
    private static final class Worker extends CpuJob {
        final HostCpu cpu;
        final List<Long> done = new ArrayList<>();
        int chained;

        Worker(HostCpu cpu) {
            super(0);
            this.cpu = cpu;
        }

        @Override
        protected void cpuDone(long now) {
            done.add(now);
            if (chained-- > 0) {
                cpu.submit(this, 1_000_000);
            }
        }
    }

    @Test
    void aSleepingThreadWaitsTheWakeupLatencyAndABusyOneTakingQueuedWorkDoesNot() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        cpu.setWakeupLatency(Distributions.deterministic(300_000), new RandomStreams(1).stream("w"));
        Worker w = new Worker(cpu);
        w.chained = 2;
        cpu.submit(w, 1_000_000);
        assertThat(w.onCpu()).isTrue();
        sim.run();
        // woken at 0: runs 0.3-1.3 ms; then two queued jobs back to back, no further wake-up
        assertThat(w.done).containsExactly(1_300_000L, 2_300_000L, 3_300_000L);

        // asleep since 3.3 ms: the next hand-off waits again
        sim.schedule(new Event() {
            @Override
            public void fire(Simulator s) {
                cpu.submit(w, 1_000_000);
            }
        }, 700_000);
        sim.run();
        assertThat(w.done).last().isEqualTo(5_300_000L);
    }

    /** A thread that sleeps in timed waits pays the timer slack beside the wake-up latency; one woken by an event does not. */
    @Test
    void aThreadWakingFromATimedWaitAlsoPaysTheTimerSlack() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        cpu.setWakeupLatency(Distributions.deterministic(300_000), new RandomStreams(1).stream("w"));
        cpu.setTimerSlack(50_000);
        Worker timed = new Worker(cpu), event = new Worker(cpu);
        timed.setWakesOnTimer(true);
        cpu.submit(timed, 1_000_000);
        cpu.submit(event, 1_000_000);
        sim.run();
        assertThat(timed.done).containsExactly(1_350_000L);
        assertThat(event.done).containsExactly(1_300_000L);
        assertThat(cpu.timerWakeupDelay()).isEqualTo(350_000);
        assertThat(cpu.wakeupDelay()).isEqualTo(300_000);

        // without a wake-up latency there is no wake-up model, and no slack either
        HostCpu bare = new HostCpu(new Simulator(), "b", 1);
        bare.setTimerSlack(50_000);
        assertThat(bare.timerWakeupDelay()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cpu.setTimerSlack(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAWakeupLatencyTheCpuIsPlainProcessorSharing() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        Worker w = new Worker(cpu);
        cpu.submit(w, 1_000_000);
        sim.run();
        assertThat(w.done).containsExactly(1_000_000L);
    }

    @Test
    void idleBackgroundLoadUsesItsCoresOnAverage() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        BackgroundLoad bg = new BackgroundLoad(sim, cpu, 0, 0.25, 2_000_000, new RandomStreams(7).stream("bg"));
        sim.runUntil(100_000_000_000L);
        // 0.25 of 2 cores = 12.5% utilisation; 100 s of 2 ms jobs at 125/s: about 12,500 jobs
        assertThat(cpu.utilisation()).isCloseTo(0.125, within(0.005));
        assertThat(bg.jobs()).isBetween(12_000L, 13_000L);
    }

    @Test
    void offPathWorkRunsInBurstsOnceABurstIsOwedAndSlowsTheRequestThreads() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        BackgroundLoad bg = new BackgroundLoad(sim, cpu, 0, 0, 2_000_000, new RandomStreams(7).stream("bg"));
        bg.add(1_500_000);
        assertThat(bg.jobs()).isZero();
        assertThat(cpu.runnable()).isZero();
        bg.add(600_000);
        assertThat(bg.jobs()).isEqualTo(1);
        Worker w = new Worker(cpu);
        cpu.submit(w, 1_000_000);
        sim.run();
        // the 2 ms burst and the 1 ms request share one core: the request finishes at 2 ms, not 1 ms
        assertThat(w.done).containsExactly(2_000_000L);
        bg.add(1_900_000);
        assertThat(bg.jobs()).isEqualTo(2);
    }

    @Test
    void aCompilerThreadUsesItsCoresInLongBurstsOneAtATime() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        CompilerThread jit = new CompilerThread(sim, cpu, 0, 0.25, Distributions.deterministic(100_000_000),
                new RandomStreams(7).stream("jit"));
        int[] most = new int[1];
        sim.schedule(new Event() {
            @Override
            public void fire(Simulator s) {
                most[0] = Math.max(most[0], cpu.runnable());
                s.schedule(this, 1_000_000);
            }
        }, 1);
        sim.runUntil(400_000_000_000L);
        // 0.25 cores in 100 ms bursts: 2.5 a second, 12.5% of 2 cores; one compiler thread, so never two bursts at once
        assertThat(cpu.utilisation()).isCloseTo(0.125, within(0.01));
        assertThat(jit.bursts()).isBetween(900L, 1100L);
        assertThat(most[0]).isEqualTo(1);
    }
}
