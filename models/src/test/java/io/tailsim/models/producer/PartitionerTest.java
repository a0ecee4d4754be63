package io.tailsim.models.producer;

import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.Partitioner;
import io.tailsim.models.placement.TopicMetadata;
import io.tailsim.models.replication.Partition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionerTest {
    static RecordAccumulator accumulator(int partitions) {
        List<Partition> ps = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            ps.add(new Partition("t", i, new int[] {i % 3}, 1, 0, null));
        }
        return new RecordAccumulator(new TopicMetadata("t", ps, 3));
    }

    @Test
    void roundRobinNamesEveryPartitionInTurn() {
        PartitionSelector s = new PartitionSelector(KeyStrategy.ROUND_ROBIN, Partitioner.UNIFORM_STICKY, 4, 0, 16_384,
                true, new RandomStreams(1).stream("x"));
        RecordAccumulator acc = accumulator(5);
        int[] seen = new int[10];
        for (int i = 0; i < 10; i++) {
            seen[i] = s.choose(5, i, acc);
        }
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 0, 1, 2, 3, 4);
    }

    /** Trogdor's sequential keys are the record index little-endian; the partition is murmur2 of them. */
    @Test
    void sequentialKeysHashWithMurmur2() {
        PartitionSelector s = new PartitionSelector(KeyStrategy.SEQUENTIAL, Partitioner.UNIFORM_STICKY, 4, 0, 16_384,
                true, new RandomStreams(1).stream("x"));
        RecordAccumulator acc = accumulator(108);
        for (int i = 0; i < 50; i++) {
            byte[] key = {(byte) i, (byte) (i >>> 8), 0, 0};
            assertThat(s.choose(108, i, acc)).isEqualTo((Murmur2.hash(key) & 0x7fffffff) % 108);
        }
    }

    /** KIP-794: stay on a partition until batch.size bytes went there (and its batch is full). */
    @Test
    void uniformStickySwitchesAfterBatchSizeBytes() {
        PartitionSelector s = new PartitionSelector(KeyStrategy.NONE, Partitioner.UNIFORM_STICKY, 0, 0, 1_000,
                false, new RandomStreams(1).stream("x"));
        RecordAccumulator acc = accumulator(50);
        int p = s.choose(50, 0, acc);
        s.afterAppend(400, true, 50, acc);
        s.afterAppend(400, true, 50, acc);
        assertThat(s.choose(50, 2, acc)).isEqualTo(p);
        // not all batches full: no switch before 2 x batch.size
        s.afterAppend(400, false, 50, acc);
        assertThat(s.choose(50, 3, acc)).isEqualTo(p);
        s.afterAppend(800, false, 50, acc);
        int q = s.choose(50, 4, acc);
        // 2000 bytes >= 2 x batch.size forces the switch (to a random partition, possibly the same)
        int switches = 0;
        for (int i = 0; i < 20; i++) {
            int before = s.choose(50, 5 + i, acc);
            s.afterAppend(1_000, true, 50, acc);
            if (s.choose(50, 6 + i, acc) != before) {
                switches++;
            }
        }
        assertThat(switches).isGreaterThan(15);
        assertThat(q).isBetween(0, 49);
    }

    /** KIP-480: a record that would need a new batch moves the sticky partition elsewhere. */
    @Test
    void stickyMovesToAnotherPartitionOnNewBatch() {
        PartitionSelector s = new PartitionSelector(KeyStrategy.NONE, Partitioner.STICKY, 0, 0, 1_000, false,
                new RandomStreams(1).stream("x"));
        RecordAccumulator acc = accumulator(10);
        int p = s.choose(10, 0, acc);
        for (int i = 0; i < 50; i++) {
            int next = s.onNewBatch(p, 10, acc);
            assertThat(next).isNotEqualTo(p);
            assertThat(s.choose(10, i, acc)).isEqualTo(next);
            p = next;
        }
    }
}
