package io.tailsim.validation.driver;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordKeysTest {
    private static final byte[] VALUE = new byte[16];

    @Test
    void sequentialKeysAreTheRecordIndexLittleEndianLikeTrogdors() {
        RecordKeys k = new RecordKeys(Keys.SEQUENTIAL, 10, 6, 0, new SplittableRandom(1));
        k.next("t", VALUE);
        ProducerRecord<byte[], byte[]> second = k.next("t", VALUE);
        assertThat(second.key()).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(second.partition()).isNull();
        for (int i = 2; i < 258; i++) k.next("t", VALUE);
        assertThat(k.next("t", VALUE).key()).startsWith(2, 1, 0);
    }

    @Test
    void roundRobinWalksTrogdorsPartitionOrderFromAPlaceDrawnPerProducerAndOwnPartitionIsTheProducersIndex() {
        int[] order = RecordKeys.trogdorOrder("bench", 30);
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (int seed = 0; seed < 40; seed++) {
            RecordKeys rr = new RecordKeys(Keys.ROUND_ROBIN, 4, 30, 0, new SplittableRandom(seed));
            int first = rr.next("bench", VALUE).partition();
            int at = java.util.stream.IntStream.range(0, 30).filter(i -> order[i] == first).findFirst().orElseThrow();
            starts.add(at);
            // then on through the order, wrapping, each partition once per cycle
            for (int i = 1; i <= 30; i++) assertThat(rr.next("bench", VALUE).partition()).isEqualTo(order[(at + i) % 30]);
        }
        // producers start at different places (40 draws over 30 places: far more than one)
        assertThat(starts.size()).isGreaterThan(15);
        RecordKeys own = new RecordKeys(Keys.OWN_PARTITION, 4, 3, 5, new SplittableRandom(1));
        assertThat(own.next("t", VALUE).partition()).isEqualTo(2);
        assertThat(own.next("t", VALUE).partition()).isEqualTo(2);
        assertThat(own.next("t", VALUE).key()).hasSize(4);
    }

    @Test
    void trogdorsOrderFromARealHashSetOfTopicPartitionsIsTheOneTheSimulatorFollows() {
        for (String topic : new String[] {"bench", "calibrate", "load", "probe", "t"})
            for (int n : new int[] {1, 3, 12, 13, 30, 108, 1000, 7200})
                assertThat(RecordKeys.trogdorOrder(topic, n)).as(topic + " " + n)
                        .containsExactly(io.tailsim.models.producer.TrogdorPartitionOrder.of(topic, n));
        // not the plain 0, 1, 2, ...: consecutive records do not simply take turns over the leaders
        assertThat(RecordKeys.trogdorOrder("bench", 30)).isNotEqualTo(java.util.stream.IntStream.range(0, 30).toArray());
    }

    @Test
    void randomKeysDifferAndKeylessRecordsCarryNoKeyUnlessKeyBytesAreGiven() {
        RecordKeys random = new RecordKeys(Keys.RANDOM, 8, 3, 0, new SplittableRandom(1));
        assertThat(random.next("t", VALUE).key()).isNotEqualTo(random.next("t", VALUE).key());
        assertThat(new RecordKeys(Keys.NONE, 0, 3, 0, new SplittableRandom(1)).next("t", VALUE).key()).isNull();
        assertThat(new RecordKeys(Keys.NONE, 4, 3, 0, new SplittableRandom(1)).next("t", VALUE).key()).hasSize(4);
    }

    @Test
    void keylessGroupsWithKeyBytesTellThePartitionerToIgnoreThem() {
        ProducerGroupSpec g = new ProducerGroupSpec("g", "t", 1, 10, 4, 100, Keys.NONE, Arrival.POISSON, Map.of("linger.ms", "0"));
        assertThat(g.producerConfigs()).containsEntry("partitioner.ignore.keys", "true").containsEntry("linger.ms", "0");
        assertThat(new ProducerGroupSpec("g", "t", 1, 10, 4, 100, Keys.SEQUENTIAL, Arrival.POISSON, Map.of()).producerConfigs())
                .doesNotContainKey("partitioner.ignore.keys");
        assertThatThrownBy(() -> new ProducerGroupSpec("g", "t", 1, 10, 4, 100, Keys.NONE, Arrival.POISSON, Map.of("partitioner.ignore.keys", "false")))
                .hasMessageContaining("partitioner.ignore.keys=true");
        assertThatThrownBy(() -> new ProducerGroupSpec("g", "t", 1, 10, 0, 100, Keys.RANDOM, Arrival.POISSON, Map.of()))
                .hasMessageContaining("need keyBytes > 0");
        assertThatThrownBy(() -> new ProducerGroupSpec("g", "t", 1, 10, 0, 100, Keys.NONE, Arrival.SATURATING, Map.of()))
                .hasMessageContaining("saturating producers have no rate");
        assertThat(new ProducerGroupSpec("g", "t", 2, 0, 4, 100, Keys.NONE, Arrival.SATURATING, Map.of()).offeredRecordsPerSec()).isZero();
    }
}
