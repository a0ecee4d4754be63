package io.tailsim.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the hold model on every engine at every size in one JVM, single-threaded: fill (untimed),
 * warm-up runs so the JIT has compiled each loop, then timed runs of a fixed number of events each;
 * the figure reported per engine and size is the median of its timed runs.
 */
public final class EngineBench {
    /** What to run; {@code eventsPerRun} events are fired per warm-up and per timed run. */
    public record Settings(List<Integer> sizes, List<EngineKind> engines, int warmupRuns, int runs,
                           long eventsPerRun, long meanDelayNanos, long seed) {
        public Settings {
            sizes = List.copyOf(sizes);
            engines = List.copyOf(engines);
        }
    }

    /**
     * One engine at one size: median, min and max events/s over the timed runs, plus what the
     * engine itself counted, so runs can be checked to have done identical work.
     */
    public record Result(String engine, int pending, double eventsPerSecond, double minEventsPerSecond,
                         double maxEventsPerSecond, long eventsFired, int pendingAfter, long clockNanos) {
    }

    private EngineBench() {
    }

    /** Measures every (size, engine) pair; {@code progress} gets one line per pair. */
    public static List<Result> run(Settings s, Consumer<String> progress) {
        List<Result> results = new ArrayList<>();
        for (int pending : s.sizes()) {
            List<Result> atSize = measure(new HoldModel(pending, s.meanDelayNanos(), s.seed()), s);
            for (Result r : atSize) {
                progress.accept(String.format("%-20s pending=%-9d %,15.0f events/s (runs %,.0f .. %,.0f)",
                        r.engine(), pending, r.eventsPerSecond(), r.minEventsPerSecond(), r.maxEventsPerSecond()));
            }
            checkSameWork(atSize, pending, (long) (s.warmupRuns() + s.runs()) * s.eventsPerRun());
            results.addAll(atSize);
        }
        return results;
    }

    /**
     * All engines at one size. Runs go round-robin (run 1 of every engine, then run 2, ...), so load
     * from other processes on a shared machine spreads over the engines instead of hitting one.
     */
    static List<Result> measure(HoldModel model, Settings s) {
        // Leave the previous size's engines (and their garbage) out of these timings.
        System.gc();
        List<HoldEngine> engines = new ArrayList<>();
        for (EngineKind kind : s.engines()) {
            engines.add(kind.create(model));
        }
        double[][] rates = new double[engines.size()][s.runs()];
        for (int round = 0; round < s.warmupRuns() + s.runs(); round++) {
            for (int e = 0; e < engines.size(); e++) {
                long start = System.nanoTime();
                engines.get(e).fire(s.eventsPerRun());
                long elapsed = Math.max(1, System.nanoTime() - start);
                if (round >= s.warmupRuns()) {
                    rates[e][round - s.warmupRuns()] = s.eventsPerRun() * 1e9 / elapsed;
                }
            }
        }
        List<Result> out = new ArrayList<>();
        for (int e = 0; e < engines.size(); e++) {
            double[] r = rates[e];
            Arrays.sort(r);
            HoldEngine engine = engines.get(e);
            out.add(new Result(s.engines().get(e).id(), model.pending(), median(r), r[0], r[r.length - 1],
                    engine.eventsFired(), engine.pending(), engine.clockNanos()));
        }
        return out;
    }

    /** Median of sorted values (mean of the middle two for an even count). */
    static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Same draws mean every engine must fire the same times in the same order: equal counts, an
     * unchanged pending set and the same final clock. Anything else is a bug in a driver or a list.
     */
    private static void checkSameWork(List<Result> atSize, int pending, long expectedFired) {
        long clock = atSize.get(0).clockNanos();
        for (Result r : atSize) {
            if (r.eventsFired() != expectedFired || r.pendingAfter() != pending || r.clockNanos() != clock) {
                throw new IllegalStateException("engines did different work at pending=" + pending
                        + " (expected " + expectedFired + " events fired, " + pending + " pending, clock "
                        + clock + "ns): " + atSize);
            }
        }
    }
}
