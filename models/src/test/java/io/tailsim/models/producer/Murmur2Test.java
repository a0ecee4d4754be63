package io.tailsim.models.producer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Murmur2Test {
    /** The vectors of Kafka's UtilsTest.testMurmur2. */
    @Test
    void matchesKafkaUtilsTestVectors() {
        assertThat(Murmur2.hash(bytes("21"))).isEqualTo(-973932308);
        assertThat(Murmur2.hash(bytes("foobar"))).isEqualTo(-790332482);
        assertThat(Murmur2.hash(bytes("a-little-bit-long-string"))).isEqualTo(-985981536);
        assertThat(Murmur2.hash(bytes("a-little-bit-longer-string"))).isEqualTo(-1486304829);
        assertThat(Murmur2.hash(bytes("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"))).isEqualTo(-58897971);
        assertThat(Murmur2.hash(new byte[] {'a', 'b', 'c'})).isEqualTo(479470107);
    }

    @Test
    void hashesOnlyTheGivenPrefix() {
        byte[] padded = {'a', 'b', 'c', 'x', 'y'};
        assertThat(Murmur2.hash(padded, 3)).isEqualTo(479470107);
    }

    @Test
    void partitionIsToPositiveModulo() {
        int h = Murmur2.hash(bytes("foobar"));
        assertThat(h).isNegative();
        assertThat(Murmur2.partition(bytes("foobar"), 6, 7)).isEqualTo((h & 0x7fffffff) % 7);
        assertThat(Murmur2.toPositive(Integer.MIN_VALUE)).isZero();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
