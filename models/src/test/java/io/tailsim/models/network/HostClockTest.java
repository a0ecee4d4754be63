package io.tailsim.models.network;

import io.tailsim.core.rng.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostClockTest {
    @Test
    void oneClockPerMachine() {
        Host agent = new Host(1, 0, "agent", 1.25e9, null);
        RandomStreams streams = new RandomStreams(3);
        long first = agent.clockOffset(5_000_000, streams.stream("producer-0"));
        long second = agent.clockOffset(5_000_000, streams.stream("producer-9"));
        assertThat(first).isBetween(0L, 4_999_999L).isEqualTo(second);
    }

    @Test
    void machinesDrawTheirOwnOffsets() {
        RandomStreams streams = new RandomStreams(3);
        long a = new Host(1, 0, "a", 1.25e9, null).clockOffset(100_000_000, streams.stream("producer-0"));
        long b = new Host(2, 0, "b", 1.25e9, null).clockOffset(100_000_000, streams.stream("producer-1"));
        assertThat(a).isNotEqualTo(b);
        // the first producer on a machine draws exactly what it drew before machines had clocks
        assertThat(a).isEqualTo((long) (new RandomStreams(3).stream("producer-0").nextDouble() * 100_000_000));
    }

    @Test
    void noSkewNoOffset() {
        Host h = new Host(1, 0, "a", 1.25e9, null);
        assertThat(h.clockOffset(0, new RandomStreams(3).stream("p"))).isZero();
    }
}
