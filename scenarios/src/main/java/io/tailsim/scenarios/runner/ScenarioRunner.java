package io.tailsim.scenarios.runner;

import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.report.OverloadException;
import io.tailsim.models.report.RunResult;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs a scenario's independent replications (in parallel when asked) and pools them into a
 * {@link Summary}. Replication r's seed depends only on (scenario seed, r), and results are pooled
 * in replication order, so the summary is the same whatever the thread count.
 */
public final class ScenarioRunner {
    private static final long PROGRESS_STEP_NANOS = 100_000_000L;

    /** How to run: null fields take the scenario's own values. */
    public record Options(Integer replications, Long seed, int threads, ProgressListener progress) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (replications != null && replications < 1) {
                throw new IllegalArgumentException("replications must be at least 1, got " + replications);
            }
            progress = progress == null ? ProgressListener.NONE : progress;
        }

        public static Options defaults() {
            return new Options(null, null, 1, ProgressListener.NONE);
        }
    }

    /** The pooled summary and the replications behind it (for interval logs and plots). */
    public record Outcome(Summary summary, List<RunResult> replications) {
    }

    public Outcome run(Scenario scenario, Options options) {
        return runAll(List.of(scenario), options).get(0);
    }

    /**
     * Runs every replication of every scenario on one pool of {@code options.threads()} threads (a
     * sweep's points run side by side), and pools each scenario's replications in replication order.
     * Every scenario uses the same master seed, so sweep points share common random numbers.
     */
    public List<Outcome> runAll(List<Scenario> scenarios, Options options) {
        int n = scenarios.size();
        int[] reps = new int[n];
        long[] seeds = new long[n];
        int jobs = 0;
        long totalMs = 0;
        for (int i = 0; i < n; i++) {
            Scenario sc = scenarios.get(i);
            reps[i] = options.replications() != null ? options.replications() : sc.replications();
            seeds[i] = options.seed() != null ? options.seed() : sc.seed();
            jobs += reps[i];
            totalMs += sc.spec().durationNanos() / 1_000_000L * reps[i];
        }
        AtomicLongArray done = new AtomicLongArray(jobs);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), jobs));
        try {
            List<List<CompletableFuture<RunResult>>> futures = new ArrayList<>();
            int job = 0;
            for (int i = 0; i < n; i++) {
                Scenario sc = scenarios.get(i);
                List<CompletableFuture<RunResult>> f = new ArrayList<>();
                for (int r = 0; r < reps[i]; r++) {
                    int rep = r;
                    int slot = job++;
                    long seed = RandomStreams.replicationSeed(seeds[i], r);
                    long total = totalMs;
                    f.add(CompletableFuture.supplyAsync(
                            () -> runOne(sc.name(), sc.spec(), rep, seed, slot, done, total, options), pool));
                }
                futures.add(f);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<RunResult> results = new ArrayList<>();
                for (CompletableFuture<RunResult> f : futures.get(i)) {
                    results.add(join(f, futures));
                }
                double wall = (System.nanoTime() - start) / 1e9;
                Scenario sc = scenarios.get(i);
                outcomes.add(new Outcome(Summary.of(sc.name(), sc.spec(), seeds[i], results, wall), List.copyOf(results)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunResult join(CompletableFuture<RunResult> f, List<List<CompletableFuture<RunResult>>> all) {
        try {
            return f.join();
        } catch (CompletionException e) {
            all.forEach(l -> l.forEach(x -> x.cancel(true)));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static RunResult runOne(String name, ClusterSpec spec, int r, long seed, int slot, AtomicLongArray done,
                                    long totalMs, Options options) {
        ClusterModel model = new ClusterModel(spec, seed);
        ProgressListener progress = options.progress();
        if (progress != ProgressListener.NONE) {
            // A read-only tick on the model's own clock: it touches no model state, so the model's
            // events keep their relative order and results do not depend on whether progress is shown.
            model.simulator().schedule(new ProgressTick(PROGRESS_STEP_NANOS, spec.durationNanos(), nowNanos -> {
                done.set(slot, nowNanos / 1_000_000L);
                progress.progress(sum(done), totalMs);
            }), PROGRESS_STEP_NANOS);
        }
        try {
            RunResult result = model.run();
            done.set(slot, spec.durationNanos() / 1_000_000L);
            progress.progress(sum(done), totalMs);
            return result;
        } catch (OverloadException e) {
            throw new OverloadedClusterException(name, r, e);
        }
    }

    private static long sum(AtomicLongArray a) {
        long s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += a.get(i);
        }
        return s;
    }
}
