package io.tailsim.core.rng;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/** Common random numbers: an entity's draws depend on the master seed and its name, nothing else. */
class RandomStreamsPropertyTest {
    private static final int DRAWS = 16;

    @Property(tries = 300)
    void addingEntitiesLeavesOtherEntitiesDrawsUnchanged(
            @ForAll long masterSeed,
            @ForAll @Size(min = 1, max = 8) @UniqueElements List<@StringLength(min = 1, max = 12) String> entities,
            @ForAll @Size(max = 8) List<@StringLength(min = 1, max = 12) String> extras,
            @ForAll long interleavingSeed) {
        Map<String, long[]> alone = new HashMap<>();
        RandomStreams reference = new RandomStreams(masterSeed);
        for (String name : entities) {
            alone.put(name, draws(reference.stream(name), DRAWS));
        }

        // Same entities, now with extra ones created and drawn from in a random interleaving.
        RandomStreams crowded = new RandomStreams(masterSeed);
        Random order = new Random(interleavingSeed);
        List<String> everyone = new ArrayList<>(entities);
        everyone.addAll(extras);
        Map<String, List<Long>> seen = new HashMap<>();
        int target = entities.size() * DRAWS;
        int taken = 0;
        while (taken < target) {
            String name = everyone.get(order.nextInt(everyone.size()));
            long v = crowded.stream(name).nextLong();
            if (entities.contains(name)) {
                List<Long> got = seen.computeIfAbsent(name, n -> new ArrayList<>());
                if (got.size() < DRAWS) {
                    got.add(v);
                    taken++;
                }
            }
        }
        for (String name : entities) {
            assertThat(seen.get(name)).as("draws of %s", name).containsExactly(box(alone.get(name)));
        }
    }

    @Property(tries = 300)
    void differentNamesGiveDifferentSequences(@ForAll long masterSeed, @ForAll String a, @ForAll String b) {
        Assume.that(!a.equals(b));
        RandomStreams streams = new RandomStreams(masterSeed);
        assertThat(draws(streams.stream(a), 4)).isNotEqualTo(draws(streams.stream(b), 4));
    }

    @Property(tries = 300)
    void differentMasterSeedsGiveDifferentSequences(@ForAll long seed1, @ForAll long seed2, @ForAll String name) {
        Assume.that(seed1 != seed2);
        assertThat(draws(new RandomStreams(seed1).stream(name), 4))
                .isNotEqualTo(draws(new RandomStreams(seed2).stream(name), 4));
    }

    @Property(tries = 100)
    void replicationSeedsAreDistinctForTheFirstThousandReplications(@ForAll long masterSeed) {
        Set<Long> seeds = new HashSet<>();
        for (int r = 0; r < 1000; r++) {
            seeds.add(RandomStreams.replicationSeed(masterSeed, r));
        }
        assertThat(seeds).hasSize(1000);
    }

    @Property(tries = 200)
    void aNameGivesTheSameStreamAndAFreshCopyReplaysIt(@ForAll long masterSeed, @ForAll String name) {
        RandomStreams streams = new RandomStreams(masterSeed);
        RandomStream cached = streams.stream(name);
        assertThat(streams.stream(name)).isSameAs(cached);
        long[] first = draws(cached, 8);
        assertThat(draws(streams.newStream(name), 8)).containsExactly(first);
        assertThat(draws(new RandomStreams(masterSeed).stream(name), 8)).containsExactly(first);
    }

    @Property(tries = 200)
    void replicationStreamsMatchTheirSeed(@ForAll long masterSeed, @ForAll int replication, @ForAll String name) {
        Assume.that(replication >= 0);
        RandomStreams rep = new RandomStreams(masterSeed).forReplication(replication);
        assertThat(rep.masterSeed()).isEqualTo(RandomStreams.replicationSeed(masterSeed, replication));
        assertThat(draws(rep.stream(name), 4))
                .containsExactly(draws(new RandomStreams(rep.masterSeed()).stream(name), 4));
    }

    static long[] draws(RandomStream s, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.nextLong();
        }
        return out;
    }

    private static Long[] box(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
