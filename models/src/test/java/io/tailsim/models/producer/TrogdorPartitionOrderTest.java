package io.tailsim.models.producer;

import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.Partitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrogdorPartitionOrderTest {
    /** Kafka's TopicPartition as far as a HashSet sees it: its hashCode and equals. */
    record TopicPartition(String topic, int partition) {
        @Override
        public int hashCode() {
            final int prime = 31;
            int result = prime + partition;
            return prime * result + Objects.hashCode(topic);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TopicPartition t && t.partition == partition && t.topic.equals(topic);
        }
    }

    /** What Trogdor's ProduceBench iterates: a HashSet filled with partitions 0..n-1 in order. */
    private static int[] javaHashSetOrder(String topic, int n) {
        Set<TopicPartition> set = new HashSet<>();
        for (int p = 0; p < n; p++) {
            set.add(new TopicPartition(topic, p));
        }
        List<Integer> order = new ArrayList<>();
        for (TopicPartition tp : set) {
            order.add(tp.partition());
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest
    @CsvSource({"bench, 108", "bench, 9", "topic-0, 100", "A, 7200", "B, 9", "foo, 1", "test-topic-0, 13", "x, 12",
            "x, 13", "y, 96", "y, 97"})
    void matchesJavaHashSetIteration(String topic, int n) {
        assertThat(TrogdorPartitionOrder.of(topic, n)).containsExactly(javaHashSetOrder(topic, n));
    }

    @Test
    void roundRobinWithTopicCyclesTrogdorsOrderFromADrawnStart() {
        PartitionSelector s = new PartitionSelector(KeyStrategy.ROUND_ROBIN, Partitioner.UNIFORM_STICKY, 4, 0, 16_384,
                true, new RandomStreams(7).stream("producer-a"), "bench");
        RecordAccumulator acc = PartitionerTest.accumulator(108);
        int[] order = TrogdorPartitionOrder.of("bench", 108);
        int first = s.choose(108, 0, acc);
        int start = indexOf(order, first);
        for (int i = 1; i < 300; i++) {
            assertThat(s.choose(108, i, acc)).isEqualTo(order[(start + i) % 108]);
        }
    }

    @Test
    void startPositionsDifferBetweenProducers() {
        Set<Integer> firsts = new HashSet<>();
        RecordAccumulator acc = PartitionerTest.accumulator(108);
        for (int p = 0; p < 50; p++) {
            PartitionSelector s = new PartitionSelector(KeyStrategy.ROUND_ROBIN, Partitioner.UNIFORM_STICKY, 4, p,
                    16_384, true, new RandomStreams(7).stream("producer-" + p), "bench");
            firsts.add(s.choose(108, 0, acc));
        }
        assertThat(firsts.size()).isGreaterThan(25);
    }

    @Test
    void aNewPartitionCountRestartsTheIterator() {
        PartitionSelector s = new PartitionSelector(KeyStrategy.ROUND_ROBIN, Partitioner.UNIFORM_STICKY, 4, 0, 16_384,
                true, new RandomStreams(7).stream("producer-a"), "A");
        RecordAccumulator acc = PartitionerTest.accumulator(300);
        for (int i = 0; i < 5; i++) {
            s.choose(108, i, acc);
        }
        int[] order = TrogdorPartitionOrder.of("A", 216);
        for (int i = 0; i < 216; i++) {
            assertThat(s.choose(216, 5 + i, acc)).isEqualTo(order[i]);
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " not in order");
    }
}
