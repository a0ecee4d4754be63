package io.tailsim.models.cpu;

import io.tailsim.core.event.Simulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * HostCpu's time-sliced mode, round robin with quantum q (RR(q)) and EEVDF: properties over random job streams, the
 * scheduler's bookkeeping checked after every event.
 */
class TimeSlicedCoresTest {
    static final long INFINITE_SLICE = Long.MAX_VALUE / 4;

    /** One arrival: at {@code at}, a job of {@code work}; {@code chain} more pieces of that work follow from its cpuDone. */
    record Arrival(long at, double work, int group, int chain) {
    }

    @Provide
    Arbitrary<List<Arrival>> streams() {
        Arbitrary<Arrival> a = Combinators.combine(
                Arbitraries.longs().between(0, 5_000_000),
                Arbitraries.doubles().between(1_000, 3_000_000),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3)).as(Arrival::new);
        return a.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Arrival>> integerStreams() {
        Arbitrary<Arrival> a = Combinators.combine(
                Arbitraries.longs().between(0, 5_000_000),
                Arbitraries.longs().between(1, 2_000_000).map(Long::doubleValue),
                Arbitraries.just(0),
                Arbitraries.just(0)).as(Arrival::new);
        return a.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Long> slices() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1_000, 3_000_000), Arbitraries.just(INFINITE_SLICE));
    }

    /** A thread: runs its arrival's work, then its chain of further pieces, each submitted from cpuDone. */
    static class Thread extends CpuJob {
        final HostCpu cpu;
        final Arrival arrival;
        final List<Long> done = new ArrayList<>();
        int left;

        Thread(HostCpu cpu, Arrival a) {
            super(a.group());
            this.cpu = cpu;
            this.arrival = a;
            this.left = a.chain();
        }

        @Override
        protected void cpuDone(long now) {
            done.add(now);
            if (left-- > 0) {
                cpu.submit(this, arrival.work());
            }
        }
    }

    /** A run: the threads in arrival order, and the integral of min(cores, jobs present) the test keeps itself. */
    static final class Run {
        final Simulator sim = new Simulator();
        final HostCpu cpu;
        final List<Thread> threads = new ArrayList<>();
        double presentIntegral;
        double cores;
        /** Core events (a job's finish or slice end) fired at each instant: more than one is a tie. */
        final java.util.Map<Long, Integer> coreEventsAt = new java.util.HashMap<>();

        /** No two core events fired at one instant: the order of every scheduling decision was set by time alone. */
        boolean tieFree() {
            return coreEventsAt.values().stream().allMatch(n -> n == 1);
        }

        Run(double capacity, long slice) {
            this(capacity, slice, SchedulerPolicy.ROUND_ROBIN);
        }

        Run(double capacity, long slice, SchedulerPolicy policy) {
            this(capacity, slice, policy, 0);
        }

        Run(double capacity, long slice, SchedulerPolicy policy, long balance) {
            cpu = new HostCpu(sim, "h", capacity);
            cpu.setTimeSlice(slice, policy, balance);
            cores = capacity;
            long[] last = {0};
            int[] present = {0};
            sim.setObserver((s, fired) -> {
                presentIntegral += Math.min(cores, present[0]) * (s.now() - last[0]);
                if (fired.label().contains("/core")) {
                    coreEventsAt.merge(s.now(), 1, Integer::sum);
                }
                last[0] = s.now();
                cpu.checkInvariants();
                present[0] = cpu.runnable();
            });
        }

        Run submitAll(List<Arrival> stream) {
            for (Arrival a : stream) {
                Thread t = new Thread(cpu, a);
                threads.add(t);
                sim.schedule(a.at(), s -> cpu.submit(t, a.work()));
            }
            return this;
        }

        List<List<Long>> completions() {
            List<List<Long>> out = new ArrayList<>();
            for (Thread t : threads) {
                out.add(t.done);
            }
            return out;
        }

        double offered() {
            double w = 0;
            for (Thread t : threads) {
                w += t.arrival.work() * (t.arrival.chain() + 1);
            }
            return w;
        }

        int jobs() {
            int n = 0;
            for (Thread t : threads) {
                n += t.arrival.chain() + 1;
            }
            return n;
        }
    }

    /**
     * Work conservation: every job finishes; the work delivered (busy core-time) is the work offered, up to the rounding
     * of completions to whole ns; and it is the integral of min(cores, jobs present): no core idles while a job waits.
     */
    @Property(tries = 60)
    void everyJobGetsItsWorkAndNoCoreIdlesWhileOneWaits(@ForAll("streams") List<Arrival> stream,
                                                        @ForAll("slices") long slice,
                                                        @ForAll @IntRange(min = 1, max = 4) int cores,
                                                        @ForAll SchedulerPolicy policy) {
        Run r = new Run(cores, slice, policy).submitAll(stream);
        r.sim.run();
        for (Thread t : r.threads) {
            assertThat(t.done).hasSize(t.arrival.chain() + 1);
            assertThat(t.onCpu()).isFalse();
        }
        double busy = r.cpu.busyCoreNanosTotal();
        assertThat(busy).isCloseTo(r.offered(), within(2.0 * r.jobs()));
        assertThat(busy).isCloseTo(r.presentIntegral, within(2.0 * r.jobs()));
        assertThat(r.cpu.runnable()).isZero();
    }

    /**
     * A run queue per core (EEVDF with a load-balance interval): every job still finishes with its work, no core idles while
     * a job waits (an idle core takes from the others' queues), pauses lose nothing, and the same stream gives the same run.
     */
    @Property(tries = 60)
    void perCoreRunQueuesConserveWorkAndLeaveNoCoreIdleWhileOneWaits(@ForAll("streams") List<Arrival> stream,
                                                                     @ForAll("slices") long slice,
                                                                     @ForAll @IntRange(min = 1, max = 4) int cores,
                                                                     @ForAll @IntRange(min = 100_000, max = 40_000_000) int balance,
                                                                     @ForAll @IntRange(min = 0, max = 4_000_000) int pauseAt,
                                                                     @ForAll boolean roundRobin) {
        SchedulerPolicy policy = roundRobin ? SchedulerPolicy.ROUND_ROBIN : SchedulerPolicy.EEVDF;
        Run r = new Run(cores, slice, policy, balance).submitAll(stream);
        r.sim.run();
        for (Thread t : r.threads) {
            assertThat(t.done).hasSize(t.arrival.chain() + 1);
        }
        double busy = r.cpu.busyCoreNanosTotal();
        assertThat(busy).isCloseTo(r.offered(), within(2.0 * r.jobs()));
        assertThat(busy).isCloseTo(r.presentIntegral, within(2.0 * r.jobs()));
        Run again = new Run(cores, slice, policy, balance).submitAll(stream);
        again.sim.run();
        assertThat(again.completions()).isEqualTo(r.completions());
        Run paused = new Run(cores, slice, policy, balance).submitAll(stream);
        paused.sim.schedule(pauseAt, s -> paused.cpu.pause(1));
        paused.sim.schedule(pauseAt + 1_000_000L, s -> paused.cpu.resume(1));
        paused.sim.run();
        assertThat(paused.cpu.busyCoreNanosTotal()).isCloseTo(paused.offered(), within(2.0 * paused.jobs()));
    }

    /**
     * Per-core queues: a woken thread that finds no idle core waits on the core it last ran on, so another core ending a
     * slice keeps its own thread, and the woken one starts at its own core's slice end; with one queue it starts at the
     * first slice end of any core.
     */
    @Test
    void aWokenThreadWaitsOnTheCoreItLastRanOn() {
        for (long balance : new long[] {0, 50_000_000}) {
            Simulator sim = new Simulator();
            HostCpu cpu = new HostCpu(sim, "h", 2);
            cpu.setTimeSlice(1_000_000, SchedulerPolicy.EEVDF, balance);
            long[] started = {-1};
            CpuJob waker = new CpuJob(0) {
                @Override
                protected void started(long now) {
                    if (now > 0) {
                        started[0] = now;
                    }
                }

                @Override
                protected void cpuDone(long now) {
                }
            };
            Thread a = new Thread(cpu, new Arrival(0, 20_000_000, 0, 0));
            Thread b = new Thread(cpu, new Arrival(0, 20_000_000, 0, 0));
            // b takes one core; the waker runs briefly on the other, which a then takes; both cores busy when it wakes
            sim.schedule(0, s -> cpu.submit(b, 20_000_000));
            sim.schedule(5_000, s -> cpu.submit(waker, 1_000));
            sim.schedule(20_000, s -> cpu.submit(a, 20_000_000));
            sim.schedule(100_000, s -> cpu.submit(waker, 500_000));
            sim.run();
            // b's slice ends at 1.0 ms, a's at 1.02 ms: one queue lets the first of them take the waker; per core, it
            // waits for the core it last ran on, a's
            assertThat(started[0]).as("balance %d", balance).isEqualTo(balance == 0 ? 1_000_000L : 1_020_000L);
        }
    }

    /** With an infinite slice RR is FCFS on c servers: each job starts at the later of its arrival and the first free core. */
    @Property(tries = 60)
    void anInfiniteSliceServesInArrivalOrder(@ForAll("integerStreams") List<Arrival> stream,
                                             @ForAll @IntRange(min = 1, max = 3) int cores) {
        List<Arrival> sorted = new ArrayList<>(stream);
        // distinct arrival instants, so that the order of arrival is the order of the list
        sorted.sort((x, y) -> Long.compare(x.at(), y.at()));
        List<Arrival> distinct = new ArrayList<>();
        long prev = -1;
        for (Arrival a : sorted) {
            long at = Math.max(a.at(), prev + 1);
            distinct.add(new Arrival(at, a.work(), 0, 0));
            prev = at;
        }
        Run r = new Run(cores, INFINITE_SLICE).submitAll(distinct);
        r.sim.run();
        long[] freeAt = new long[cores];
        for (int i = 0; i < distinct.size(); i++) {
            int k = 0;
            for (int j = 1; j < cores; j++) {
                if (freeAt[j] < freeAt[k]) {
                    k = j;
                }
            }
            long start = Math.max(distinct.get(i).at(), freeAt[k]);
            freeAt[k] = start + (long) distinct.get(i).work();
            assertThat(r.threads.get(i).done).as("job %d", i).containsExactly(freeAt[k]);
        }
    }

    /** As q goes to 0, RR(q) approaches processor sharing: completion times within a few slices per job present. */
    @Property(tries = 25)
    void aVanishingSliceApproachesProcessorSharing(@ForAll("integerStreams") List<Arrival> stream,
                                                  @ForAll @IntRange(min = 1, max = 3) int cores) {
        List<Arrival> small = stream.size() > 12 ? stream.subList(0, 12) : stream;
        long q = 100;
        Run rr = new Run(cores, q).submitAll(small);
        rr.sim.run();
        Run ps = new Run(cores, 0).submitAll(small);
        ps.sim.run();
        for (int i = 0; i < small.size(); i++) {
            long a = rr.threads.get(i).done.get(0);
            long b = ps.threads.get(i).done.get(0);
            // each of the other jobs can be a slice ahead or behind at the end: n slices, plus rounding
            assertThat((double) a).as("job %d", i).isCloseTo(b, within((double) (small.size() + 1) * q + small.size()));
        }
    }

    /** A stop-the-world pause takes a group's jobs off the cores and queue; they finish later by the pause, no work lost. */
    @Property(tries = 60)
    void pausesKeepTheWorkLeft(@ForAll("streams") List<Arrival> stream, @ForAll("slices") long slice,
                               @ForAll @IntRange(min = 1, max = 3) int cores,
                               @ForAll @IntRange(min = 0, max = 4_000_000) int pauseAt,
                               @ForAll @IntRange(min = 1, max = 3_000_000) int pauseFor,
                               @ForAll SchedulerPolicy policy) {
        Run r = new Run(cores, slice, policy).submitAll(stream);
        r.sim.schedule(pauseAt, s -> r.cpu.pause(1));
        r.sim.schedule(pauseAt + (long) pauseFor, s -> r.cpu.resume(1));
        r.sim.run();
        for (Thread t : r.threads) {
            assertThat(t.done).hasSize(t.arrival.chain() + 1);
        }
        assertThat(r.cpu.busyCoreNanosTotal()).isCloseTo(r.offered(), within(2.0 * r.jobs()));
    }

    /** The same stream gives the same run. */
    @Property(tries = 30)
    void runsAreDeterministic(@ForAll("streams") List<Arrival> stream, @ForAll("slices") long slice,
                              @ForAll @IntRange(min = 1, max = 3) int cores, @ForAll SchedulerPolicy policy) {
        Run a = new Run(cores + 0.4, slice, policy).submitAll(stream);
        a.sim.run();
        Run b = new Run(cores + 0.4, slice, policy).submitAll(stream);
        b.sim.run();
        assertThat(a.completions()).isEqualTo(b.completions());
        assertThat(a.sim.eventsFired()).isEqualTo(b.sim.eventsFired());
    }

    /**
     * A tracked job standing for a burst of pieces of one thread: under RR the thread keeps its core between pieces, so
     * one job of the whole burst is the same run, and attainedAt gives each piece's completion.
     */
    @Property(tries = 60)
    void aTrackedBurstIsItsPiecesOneAfterAnother(@ForAll("streams") List<Arrival> others, @ForAll("slices") long slice,
                                                 @ForAll @IntRange(min = 1, max = 3) int cores,
                                                 @ForAll @IntRange(min = 1, max = 30) int pieces,
                                                 @ForAll @IntRange(min = 1_000, max = 400_000) int pieceWork,
                                                 @ForAll @IntRange(min = 0, max = 3_000_000) int start,
                                                 @ForAll SchedulerPolicy policy) {
        List<Arrival> bg = new ArrayList<>();
        for (Arrival a : others) {
            bg.add(new Arrival(a.at(), a.work() + 0.37, 0, a.chain()));  // off the whole ns grid: no exact ties
        }
        // pieces one at a time, each submitted from the previous one's cpuDone
        Run chained = new Run(cores, slice, policy).submitAll(bg);
        Thread burst = new Thread(chained.cpu, new Arrival(start, pieceWork, 0, pieces - 1));
        chained.sim.schedule(start, s -> chained.cpu.submit(burst, pieceWork));
        chained.sim.run();
        // The two runs schedule the burst's core events at different moments (each piece, or once), so where two cores'
        // events fall on the same ns the tie is broken by scheduling order, which differs: the property is about
        // tie-free runs (a tie can swap two queued jobs; jqwik seeds -5636681089555883571 and -8776773072776891999).
        Assume.that(chained.tieFree());

        Run oneJob = new Run(cores, slice, policy).submitAll(bg);
        long[] crossings = new long[pieces];
        CpuJob job = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                for (int k = 0; k < pieces; k++) {
                    crossings[k] = oneJob.cpu.attainedAt(this, (double) pieceWork * (k + 1));
                }
            }
        };
        oneJob.sim.schedule(start, s -> oneJob.cpu.submitTracked(job, (double) pieceWork * pieces));
        oneJob.sim.run();
        Assume.that(oneJob.tieFree());

        assertThat(oneJob.completions()).isEqualTo(chained.completions());
        assertThat(crossings).containsExactly(burst.done.stream().mapToLong(Long::longValue).toArray());
    }

    /** Fractional capacity: ceil(capacity) cores, each at capacity / ceil(capacity). */
    @Test
    void fractionalCapacitySlowsEveryCore() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1.5);
        cpu.setTimeSlice(1_000_000);
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cpu.submit(new CpuJob(0) {
                @Override
                protected void cpuDone(long now) {
                    done.add(now);
                }
            }, 750_000);
        }
        sim.run();
        assertThat(done).containsExactly(1_000_000L, 1_000_000L);
        assertThat(cpu.utilisation()).isCloseTo(1.0, within(1e-9));
    }

    /** A short job arriving behind a long one on one core waits at most a slice, then runs to its end. */
    @Test
    void aShortJobWaitsForTheSliceNotTheLongJob() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.setTimeSlice(1_500_000);
        long[] done = new long[2];
        CpuJob longJob = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                done[0] = now;
            }
        };
        CpuJob shortJob = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                done[1] = now;
            }
        };
        cpu.submit(longJob, 2_000_000);
        sim.schedule(100_000, s -> cpu.submit(shortJob, 5_000));
        sim.run();
        assertThat(done[1]).isEqualTo(1_505_000L);
        assertThat(done[0]).isEqualTo(2_005_000L);
        // under processor sharing the short job would have been stretched next to the long one: 100 us + 2 x 5 us
        Simulator ps = new Simulator();
        HostCpu pcpu = new HostCpu(ps, "p", 1);
        long[] pdone = new long[1];
        pcpu.submit(new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
            }
        }, 2_000_000);
        ps.schedule(100_000, s -> pcpu.submit(new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                pdone[0] = now;
            }
        }, 5_000));
        ps.run();
        assertThat(pdone[0]).isEqualTo(110_000L);
    }

    /**
     * On one core with a 1 ms slice: a thread that runs {@code pieces} pieces of 100 us, each handed to it from the previous
     * one's cpuDone, and another thread that wakes with 100 us of work 10 us in. The order in which their work ended.
     */
    private static List<String> chainBesideAWokenThread(SchedulerPolicy policy, int pieces) {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.setTimeSlice(1_000_000, policy);
        List<String> order = new ArrayList<>();
        int[] left = {pieces};
        CpuJob chain = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                order.add("chain@" + now);
                if (--left[0] > 0) {
                    cpu.submit(this, 100_000);
                }
            }
        };
        CpuJob other = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                order.add("other@" + now);
            }
        };
        cpu.submit(chain, 100_000);
        sim.schedule(10_000, s -> cpu.submit(other, 100_000));
        sim.setObserver((s, e) -> cpu.checkInvariants());
        sim.run();
        assertThat(cpu.timeSlice()).isEqualTo(1_000_000L);
        return order;
    }

    /** A thread handed work at the instant its job finished keeps its core, ahead of a job that was waiting. */
    @Test
    void aThreadThatNeverSleptKeepsItsCore() {
        List<String> order = chainBesideAWokenThread(SchedulerPolicy.ROUND_ROBIN, 3);
        assertThat(order).containsExactly("chain@100000", "chain@200000", "chain@300000", "other@400000");
    }

    /** A thread that sleeps between short jobs, next to CPU-bound threads on one core; its jobs' response times. */
    private static List<Long> sleeperResponses(SchedulerPolicy policy, int hogs) {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.setTimeSlice(1_000_000, policy);
        for (int i = 0; i < hogs; i++) {
            cpu.submit(new CpuJob(0) {
                @Override
                protected void cpuDone(long now) {
                }
            }, 60_000_000);
        }
        List<Long> responses = new ArrayList<>();
        long[] submitted = new long[1];
        CpuJob sleeper = new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
                responses.add(now - submitted[0]);
            }
        };
        for (int k = 0; k < 20; k++) {
            long at = 2_300_000L + k * 6_000_000L;
            sim.schedule(at, s -> {
                submitted[0] = s.now();
                cpu.submit(sleeper, 50_000);
            });
        }
        sim.setObserver((s, e) -> cpu.checkInvariants());
        sim.run();
        return responses;
    }

    /**
     * EEVDF: a thread that mostly sleeps wakes with the lag it left (it used less than its share), so its virtual deadline
     * comes before the CPU-bound threads' and it runs as soon as the running slice ends; round robin queues it behind
     * every one of them.
     */
    @Test
    void underEevdfAThreadThatMostlySleepsRunsAheadOfCpuBoundOnes() {
        List<Long> eevdf = sleeperResponses(SchedulerPolicy.EEVDF, 4);
        List<Long> rr = sleeperResponses(SchedulerPolicy.ROUND_ROBIN, 4);
        assertThat(eevdf).hasSize(20);
        // Each wait adds to the lag it sleeps with (the others' vruntime moves on while it waits, its own barely), so over
        // its first wake-ups (six here: 1.75, 0.8, 1.85, 0.9, 0.95, 1.0 ms) its deadline moves ahead of the CPU-bound
        // threads'; from then on it waits for nothing but the end of the running slice.
        assertThat(eevdf.subList(6, 20)).allSatisfy(r -> assertThat(r).isLessThanOrEqualTo(1_050_000L));
        assertThat(eevdf.subList(0, 6)).allSatisfy(r -> assertThat(r).isLessThan(2_000_000L));
        // round robin makes it wait behind the three queued threads' slices too, every time
        assertThat(rr).allSatisfy(r -> assertThat(r).isGreaterThan(3_000_000L));
    }

    /** EEVDF shares a core equally among CPU-bound threads: each has run within a slice of the others at every moment. */
    @Test
    void underEevdfCpuBoundThreadsShareEqually() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.setTimeSlice(1_000_000, SchedulerPolicy.EEVDF);
        long[] done = new long[3];
        double[] work = {30_000_000, 30_000_000, 30_000_000};
        for (int i = 0; i < 3; i++) {
            int k = i;
            sim.schedule(i * 700_000L, s -> cpu.submit(new CpuJob(0) {
                @Override
                protected void cpuDone(long now) {
                    done[k] = now;
                }
            }, work[k]));
        }
        sim.setObserver((s, e) -> cpu.checkInvariants());
        sim.run();
        // 90 ms of work on one core: all three end in the last few slices, none far ahead
        for (long d : done) {
            assertThat(d).isBetween(86_000_000L, 90_000_000L);
        }
    }

    /** Under EEVDF too, a thread handed work at the instant it finished keeps its core while its slice lasts. */
    @Test
    void underEevdfAThreadThatNeverSleptKeepsItsCoreForItsSlice() {
        List<String> order = chainBesideAWokenThread(SchedulerPolicy.EEVDF, 15);
        // ten pieces fill the chain's 1 ms slice; then the waiting thread, placed with the earlier deadline, runs
        assertThat(order.subList(0, 11)).containsExactly("chain@100000", "chain@200000", "chain@300000", "chain@400000",
                "chain@500000", "chain@600000", "chain@700000", "chain@800000", "chain@900000", "chain@1000000",
                "other@1100000");
        assertThat(order).hasSize(16).endsWith("chain@1600000");
    }

    /** A thread that wakes now and then for a little work, on a host whose cores CPU-bound threads keep busy. */
    private static class Sleeper extends CpuJob {
        final HostCpu cpu;
        final List<Long> responses = new ArrayList<>();
        long wokeAt;

        Sleeper(HostCpu cpu) {
            super(0);
            this.cpu = cpu;
        }

        void wake(long now, double work) {
            if (onCpu()) {
                responses.add(Long.MAX_VALUE);      // still waiting from its previous wake-up
                return;
            }
            wokeAt = now;
            cpu.submit(this, work);
        }

        /** Wakes it {@code times} times, {@code gap} apart from {@code first}, each time for {@code work}. */
        void wakeEvery(Simulator sim, long first, long gap, int times, double work) {
            for (int i = 0; i < times; i++) {
                sim.schedule(first + i * gap, s -> wake(s.now(), work));
            }
        }

        /** Wake-ups from the {@code from}-th on that ran at once: their response is their work. */
        long startedAtOnce(int from, long work) {
            return responses.stream().skip(from).filter(r -> r == work).count();
        }

        @Override
        protected void cpuDone(long now) {
            responses.add(now - wokeAt);
        }
    }

    private static CpuJob cpuBound() {
        return new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
            }
        };
    }

    /**
     * EEVDF wake-up preemption (check_preempt_wakeup_fair): a sleeper woken with the lag it left takes the core at once from
     * a CPU-bound thread that has run past its fair share (no longer eligible, so no longer protected), without waiting for
     * that thread's slice to end; its wake-ups that find the running thread still within its share wait for the slice end.
     */
    @Test
    void underEevdfAWokenThreadPreemptsOneThatRanPastItsShare() {
        for (long balance : new long[] {0, 1_000_000_000L}) {
            Simulator sim = new Simulator();
            HostCpu cpu = new HostCpu(sim, "h", 1);
            cpu.setTimeSlice(3_000_000, SchedulerPolicy.EEVDF, balance);
            sim.setObserver((s, e) -> cpu.checkInvariants());
            CpuJob a = cpuBound();
            CpuJob b = cpuBound();
            Sleeper sleeper = new Sleeper(cpu);
            sim.schedule(0, s -> cpu.submit(a, 200_000_000));
            sim.schedule(1, s -> cpu.submit(b, 200_000_000));
            sleeper.wakeEvery(sim, 1_000_000L, 7_300_000L, 40, 20_000);
            sim.run();
            assertThat(sleeper.responses).hasSize(40).doesNotContain(Long.MAX_VALUE);
            long atOnce = sleeper.startedAtOnce(0, 20_000L);
            // the core is never idle: without wake-up preemption every response would hold the rest of a 3 ms slice
            assertThat(atOnce).as("balance %d", balance).isGreaterThanOrEqualTo(13);
            assertThat(a.preemptions() + b.preemptions()).isGreaterThanOrEqualTo(atOnce);
            assertThat(sleeper.preemptions()).isZero();
        }
    }

    /**
     * A running thread within its share keeps its slice (RUN_TO_PARITY): a thread waking for the first time (no lag) is
     * placed at the average, which the lone running thread is at, so it waits for that thread's deadline.
     */
    @Test
    void underEevdfAnEligibleRunningThreadKeepsItsSlice() {
        for (long balance : new long[] {0, 1_000_000_000L}) {
            Simulator sim = new Simulator();
            HostCpu cpu = new HostCpu(sim, "h", 1);
            cpu.setTimeSlice(3_000_000, SchedulerPolicy.EEVDF, balance);
            CpuJob a = cpuBound();
            Sleeper w = new Sleeper(cpu);
            sim.schedule(0, s -> cpu.submit(a, 20_000_000));
            sim.schedule(500_000, s -> w.wake(s.now(), 100_000));
            sim.run();
            assertThat(w.responses).as("balance %d", balance).containsExactly(3_000_000L - 500_000L + 100_000L);
            assertThat(a.preemptions()).isEqualTo(1);
        }
    }

    /**
     * Per-core queues keep an eligibility average per core (Linux's per-CPU cfs_rq): on a core two CPU-bound threads share,
     * each runs past its share in the second half of its slice and a sleeper woken there preempts it; a thread running
     * alone on the other core, whose vruntime races ahead, does not make them look eligible, as one host-wide average would.
     */
    @Test
    void perCoreQueuesJudgeEligibilityOnTheirOwnCore() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 2);
        cpu.setTimeSlice(3_000_000, SchedulerPolicy.EEVDF, 1_000_000_000L);
        sim.setObserver((s, e) -> cpu.checkInvariants());
        Sleeper sleeper = new Sleeper(cpu);
        CpuJob a = cpuBound();
        CpuJob b = cpuBound();
        CpuJob c = cpuBound();
        // the sleeper runs first on core 0; a then takes core 0, c core 1, and b queues on core 0 (the shorter queue, by index)
        sim.schedule(0, s -> sleeper.wake(0, 1_000));
        sim.schedule(10_000, s -> cpu.submit(a, 300_000_000));
        sim.schedule(20_000, s -> cpu.submit(c, 400_000_000));
        sim.schedule(30_000, s -> cpu.submit(b, 300_000_000));
        sleeper.wakeEvery(sim, 1_000_000L, 7_300_000L, 40, 20_000);
        sim.run();
        assertThat(sleeper.responses).hasSize(41).doesNotContain(Long.MAX_VALUE);
        long atOnce = sleeper.startedAtOnce(1, 20_000L);
        assertThat(atOnce).isGreaterThanOrEqualTo(13);
        assertThat(c.preemptions()).isZero();
    }

    /**
     * A thread woken under its waker's lock (a network thread woken by Selector.wakeup inside interruptLock) that would
     * preempt its waker finds the lock held by the thread it preempted and sleeps again: it never starts while the waker
     * is off its core holding the lock, each such wake costs it a second wake-up and the waker a preemption, and without
     * the lock the same wakes preempt the waker less often. Checked on one and on two cores, one queue and per-core queues.
     */
    @Test
    void aThreadWokenUnderItsWakersLockWaitsForTheWakerToRunAgain() {
        for (int cores : new int[] {1, 2}) {
            for (long balance : new long[] {0, 1_000_000_000L}) {
                long[] without = convoyRun(cores, balance, false);
                long[] with = convoyRun(cores, balance, true);
                String as = cores + " cores, balance " + balance;
                // {wakes, sleeper's wake-ups, waker's preemptions, starts while the waker held the lock}
                assertThat(without[1]).as(as).isEqualTo(without[0]);
                long blocked = with[1] - with[0];
                assertThat(blocked).as(as).isGreaterThanOrEqualTo(5);
                assertThat(with[2]).as(as).isGreaterThanOrEqualTo(blocked).isGreaterThan(without[2]);
                assertThat(with[3]).as(as).isZero();
            }
        }
    }

    private static long[] convoyRun(int cores, long balance, boolean underLock) {
        Run r = new Run(cores, 3_000_000, SchedulerPolicy.EEVDF, balance);
        Simulator sim = r.sim;
        HostCpu cpu = r.cpu;
        long[] heldAtStart = new long[1];
        CpuJob[] waker = new CpuJob[1];
        Sleeper sleeper = new Sleeper(cpu) {
            @Override
            protected void started(long now) {
                if (waker[0].holdsWakeLock || deferredBy != null) {
                    heldAtStart[0]++;
                }
            }
        };
        sleeper.setWakesUnderWakerLock(underLock);
        int[] wakes = new int[1];
        // a worker that wakes the sleeper at the end of every 1.1 ms piece and goes on with the next (after every third it
        // sleeps 0.4 ms first), beside CPU-bound threads
        waker[0] = new CpuJob(0) {
            int pieces;

            @Override
            protected void cpuDone(long now) {
                if (!sleeper.onCpu()) {
                    wakes[0]++;
                    sleeper.wake(now, 20_000);
                }
                if (++pieces < 200) {
                    if (pieces % 3 == 0) {
                        // it sleeps after this wake: it still runs the end of the lock (the tail) before it does
                        sim.schedule(400_000, s -> cpu.submit(this, 1_100_000));
                    } else {
                        cpu.submit(this, 1_100_000);
                    }
                }
            }
        };
        for (int i = 0; i < cores; i++) {
            CpuJob hog = cpuBound();
            sim.schedule(i, s -> cpu.submit(hog, 400_000_000));
        }
        sim.schedule(10, s -> cpu.submit(waker[0], 1_100_000));
        sim.run();
        assertThat(sleeper.responses).hasSize(wakes[0]);
        return new long[] {wakes[0], sleeper.wakeups(), waker[0].preemptions(), heldAtStart[0]};
    }

    /**
     * Wakes under the waker's lock among random threads: every piece of every thread ends, every wake of the threads woken
     * under the lock is served (none left blocked or deferred), the cores deliver the work offered plus at most a lock's tail
     * per wake, a pause of one group loses nothing, the scheduler's bookkeeping holds after every event (the run's
     * observer), and the same stream gives the same run.
     */
    @Property(tries = 60)
    void wakesUnderTheWakersLockLoseNothing(@ForAll("streams") List<Arrival> stream, @ForAll("slices") long slice,
                                            @ForAll @IntRange(min = 1, max = 3) int cores,
                                            @ForAll @IntRange(min = 0, max = 40_000_000) int balance,
                                            @ForAll @IntRange(min = 0, max = 4_000_000) int pauseAt,
                                            @ForAll boolean pause) {
        List<List<Long>> first = null;
        for (int round = 0; round < 2; round++) {
            Run r = new Run(cores, slice, SchedulerPolicy.EEVDF, balance);
            List<Sleeper> sleepers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Sleeper z = new Sleeper(r.cpu);
                z.setWakesUnderWakerLock(true);
                sleepers.add(z);
            }
            int[] wakes = new int[1];
            for (Arrival a : stream) {
                // each piece, as it ends, wakes a sleeper (if asleep) for a tenth of the piece's work
                Thread t = new Thread(r.cpu, a) {
                    @Override
                    protected void cpuDone(long now) {
                        Sleeper z = sleepers.get((done.size() + (int) arrival.at()) % sleepers.size());
                        if (!z.onCpu()) {
                            wakes[0]++;
                            z.wake(now, arrival.work() / 10);
                        }
                        super.cpuDone(now);
                    }
                };
                r.threads.add(t);
                r.sim.schedule(a.at(), s -> r.cpu.submit(t, a.work()));
            }
            if (pause) {
                r.sim.schedule(pauseAt, s -> r.cpu.pause(1));
                r.sim.schedule(pauseAt + 1_000_000L, s -> r.cpu.resume(1));
            }
            r.sim.run();
            double woken = 0;
            for (Sleeper z : sleepers) {
                assertThat(z.onCpu()).isFalse();
                assertThat(z.responses).doesNotContain(Long.MAX_VALUE);
                woken += z.responses.size();
            }
            assertThat(woken).isEqualTo(wakes[0]);
            long blocked = 0;
            for (Sleeper z : sleepers) {
                blocked += z.wakeups() - z.responses.size();
            }
            if (round == 0) {
                net.jqwik.api.statistics.Statistics.collect(blocked > 0 ? "some wakes blocked" : "none blocked");
            }
            for (Thread t : r.threads) {
                assertThat(t.done).hasSize(t.arrival.chain() + 1);
            }
            double busy = r.cpu.busyCoreNanosTotal();
            assertThat(busy).isGreaterThanOrEqualTo(r.offered() - 2.0 * r.jobs());
            // the sleepers' work is at most a tenth of the threads' (one wake per piece at most)
            assertThat(busy).isLessThanOrEqualTo(r.offered() * 1.1 + (TimeSlicedCores.LOCK_TAIL_NANOS + 2) * wakes[0] + 2.0 * r.jobs());
            if (round == 1) {
                // the property must meet the blocked wake it is about in a fair share of its tries
                net.jqwik.api.statistics.Statistics.coverage(c -> c.check("some wakes blocked").percentage(pc -> pc >= 10));
            }
            if (!pause) {
                if (first == null) {
                    first = r.completions();
                } else {
                    assertThat(r.completions()).isEqualTo(first);
                }
            }
        }
    }

    /** Round robin counts a preemption each time a slice ends with another thread waiting: two 10-slice threads, 9 each. */
    @Test
    void preemptionsCountSliceEndsWithOthersWaiting() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.setTimeSlice(1_000_000);
        CpuJob a = cpuBound();
        CpuJob b = cpuBound();
        sim.schedule(0, s -> cpu.submit(a, 10_000_000));
        sim.schedule(1, s -> cpu.submit(b, 10_000_000));
        sim.run();
        assertThat(a.preemptions()).isEqualTo(9);
        assertThat(b.preemptions()).isEqualTo(9);
    }

    @Test
    void theSliceIsSetBeforeTheFirstJob() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, "h", 1);
        cpu.submit(new CpuJob(0) {
            @Override
            protected void cpuDone(long now) {
            }
        }, 1_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cpu.setTimeSlice(1_000_000))
                .isInstanceOf(IllegalStateException.class);
    }
}
