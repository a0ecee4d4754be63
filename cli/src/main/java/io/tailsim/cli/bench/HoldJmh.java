package io.tailsim.cli.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * JMH cross-check of {@code tailsim bench engine}: the same hold model and engine drivers, but each
 * (engine, pending) pair in its own forked JVM, so no engine shares JIT profiles with another.
 * Score is events per second. How to run it: docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class HoldJmh {
    /** Events per benchmark call: large enough that the call overhead is noise. */
    static final int BATCH = 10_000;

    @Param({"100", "10000", "1000000"})
    public int pending;

    /** tailsim by default; pass -p engine=tailsim,ssj-splaytree,... to compare. */
    @Param({"tailsim"})
    public String engine;

    private HoldEngine hold;

    @Setup(Level.Trial)
    public void fill() {
        hold = EngineKind.byId(engine).create(HoldModel.of(pending));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hold() {
        hold.fire(BATCH);
        return hold.clockNanos();
    }
}
