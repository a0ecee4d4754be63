package io.tailsim.core.stat;

import io.tailsim.core.rng.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent replications of a simulation: replication r runs with its own
 * {@link RandomStreams} seeded by {@link RandomStreams#replicationSeed(long, int)}, so its result
 * depends only on (master seed, r). Results come back indexed by replication number, so the same
 * seed gives the same list whatever the thread count or executor.
 *
 * <pre>{@code
 * List<Double> waits = Replications.of(42, 20).threads(2).run((r, streams) -> simulateOnce(streams));
 * ConfidenceInterval ci = ReplicationStats.of(waits, w -> w).confidenceInterval();
 * }</pre>
 */
public final class Replications {
    /** One replication: build a fresh model from {@code streams}, run it, return its estimates. */
    @FunctionalInterface
    public interface Replication<E> {
        E run(int replication, RandomStreams streams) throws Exception;
    }

    private final long masterSeed;
    private final int count;
    private final int threads;
    private final Executor executor;

    private Replications(long masterSeed, int count, int threads, Executor executor) {
        if (count < 1) {
            throw new IllegalArgumentException("replication count " + count + " must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count " + threads + " must be at least 1");
        }
        this.masterSeed = masterSeed;
        this.count = count;
        this.threads = threads;
        this.executor = executor;
    }

    /** {@code count} replications from {@code masterSeed}, run on the calling thread. */
    public static Replications of(long masterSeed, int count) {
        return new Replications(masterSeed, count, 1, null);
    }

    /** Runs on a private pool of {@code threads} threads (shut down after each run). */
    public Replications threads(int threads) {
        return new Replications(masterSeed, count, threads, null);
    }

    /** Runs on a caller-owned executor (not shut down). */
    public Replications executor(Executor executor) {
        return new Replications(masterSeed, count, 1, Objects.requireNonNull(executor, "executor"));
    }

    public int count() {
        return count;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The master seed handed to replication {@code r}. */
    public long seed(int r) {
        return RandomStreams.replicationSeed(masterSeed, r);
    }

    /**
     * Runs every replication and returns the results in replication order. A failure is rethrown
     * as an {@link IllegalStateException} naming the lowest failing replication and its seed.
     */
    public <E> List<E> run(Replication<E> replication) {
        Object[] results = new Object[count];
        if (executor == null && threads == 1) {
            for (int r = 0; r < count; r++) {
                results[r] = runOne(replication, r);
            }
        } else if (executor != null) {
            runOn(executor, replication, results);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), daemonThreads());
            try {
                runOn(pool, replication, results);
            } finally {
                pool.shutdownNow();
            }
        }
        @SuppressWarnings("unchecked")
        E[] typed = (E[]) results;
        return List.of(typed);
    }

    private <E> void runOn(Executor ex, Replication<E> replication, Object[] results) {
        List<CompletableFuture<E>> futures = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int rep = r;
            futures.add(CompletableFuture.supplyAsync(() -> runOne(replication, rep), ex));
        }
        for (int r = 0; r < count; r++) {
            try {
                results[r] = futures.get(r).join();
            } catch (CompletionException e) {
                futures.forEach(f -> f.cancel(false));
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private <E> E runOne(Replication<E> replication, int r) {
        long seed = seed(r);
        E result;
        try {
            result = replication.run(r, new RandomStreams(seed));
        } catch (Exception e) {
            throw new IllegalStateException("replication " + r + " (seed " + seed + ") failed: " + e, e);
        }
        return Objects.requireNonNull(result, () -> "replication " + r + " (seed " + seed + ") returned null");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "replication-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
