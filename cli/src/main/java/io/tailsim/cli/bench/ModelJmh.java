package io.tailsim.cli.bench;

import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.scenarios.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The cluster model's speed once the JIT has compiled it: each call simulates replication 0 of a scenario (the same seed
 * every time, so every call does the same work), timed one call at a time after warm-up calls. Simulated seconds over the
 * score is "x real time" in steady state; {@code tailsim run}'s own wallSeconds add the JIT's warm-up on the same cores.
 * The forked JVM gets the launcher's options; run the whole command under {@code taskset -c 0} for one core. How to run it
 * and the figures: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:FreqInlineSize=150"})
public class ModelJmh {
    /** A scenario file, relative to the working directory (the repository's root). */
    @Param({"scenarios/catalog/producers-90-vs-900/producers-90.yaml"})
    public String scenario;

    private ClusterSpec spec;
    private long seed;

    @Setup(Level.Trial)
    public void load() {
        Scenario sc = Scenario.load(Path.of(scenario));
        spec = sc.spec();
        seed = RandomStreams.replicationSeed(sc.seed(), 0);
    }

    /** One replication; returns a figure of the result so that the work cannot be optimised away. */
    @Benchmark
    public long replication() {
        return new ClusterModel(spec, seed).run().producerLatency().count();
    }
}
