package io.tailsim.core.rng;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One master seed, and from it an independent stream per named entity ("producer-17",
 * "broker-3/io-thread-2"). A stream's seed depends only on the master seed and the name, so adding
 * or removing an entity leaves every other entity's draws unchanged: common random numbers for
 * paired comparisons such as 90 vs 900 producers.
 *
 * <p>Not thread-safe: give each replication (and so each thread) its own instance, see
 * {@link #forReplication}.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final Map<String, RandomStream> streams = new TreeMap<>();

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The stream for {@code name}, created on first use; the same name always yields the same stream. */
    public RandomStream stream(String name) {
        Objects.requireNonNull(name, "stream name");
        return streams.computeIfAbsent(name, n -> new RandomStream(n, seedFor(masterSeed, n)));
    }

    /** A fresh stream (not cached) for {@code name}: same draws as a first call to {@link #stream}. */
    public RandomStream newStream(String name) {
        Objects.requireNonNull(name, "stream name");
        return new RandomStream(name, seedFor(masterSeed, name));
    }

    /** The streams of replication {@code r} of this experiment: {@code new RandomStreams(replicationSeed(masterSeed, r))}. */
    public RandomStreams forReplication(int replication) {
        return new RandomStreams(replicationSeed(masterSeed, replication));
    }

    /**
     * Master seed of replication {@code r}: a well-mixed function of (seed, r) so replications are
     * independent. Every step is a bijection on 64 bits, so distinct replications of one master seed
     * never share a seed.
     */
    public static long replicationSeed(long masterSeed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication index must be >= 0, was " + replication);
        }
        return mix64(mix64(masterSeed) ^ mix64(0x9E3779B97F4A7C15L * (replication + 1L)));
    }

    static long seedFor(long master, String name) {
        // FNV-1a over the UTF-8 name, then SplitMix64 finalisers: cheap, stable across JVMs.
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix64(mix64(master) + 0x9E3779B97F4A7C15L * mix64(h));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
