package io.tailsim.scenarios.runner;

import io.tailsim.core.stat.Replications;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.report.OverloadException;
import io.tailsim.models.report.RunResult;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.result.Summary;

import java.util.List;
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
        ClusterSpec spec = scenario.spec();
        int reps = options.replications() != null ? options.replications() : scenario.replications();
        long seed = options.seed() != null ? options.seed() : scenario.seed();
        AtomicLongArray done = new AtomicLongArray(reps);
        long totalMs = spec.durationNanos() / 1_000_000L * reps;
        long start = System.nanoTime();
        List<RunResult> results = Replications.of(seed, reps).threads(options.threads())
                .run((r, streams) -> runOne(scenario.name(), spec, r, streams.masterSeed(), done, totalMs, options));
        double wall = (System.nanoTime() - start) / 1e9;
        Summary summary = Summary.of(scenario.name(), spec, seed, results, wall);
        return new Outcome(summary, results);
    }

    private static RunResult runOne(String name, ClusterSpec spec, int r, long seed, AtomicLongArray done,
                                    long totalMs, Options options) {
        ClusterModel model = new ClusterModel(spec, seed);
        ProgressListener progress = options.progress();
        if (progress != ProgressListener.NONE) {
            // A read-only tick on the model's own clock: it touches no model state, so the model's
            // events keep their relative order and results do not depend on whether progress is shown.
            model.simulator().schedule(new ProgressTick(PROGRESS_STEP_NANOS, spec.durationNanos(), nowNanos -> {
                done.set(r, nowNanos / 1_000_000L);
                progress.progress(sum(done), totalMs);
            }), PROGRESS_STEP_NANOS);
        }
        try {
            RunResult result = model.run();
            done.set(r, spec.durationNanos() / 1_000_000L);
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
