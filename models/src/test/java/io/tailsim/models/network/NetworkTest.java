package io.tailsim.models.network;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.core.dist.LogNormal;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.config.HardwareProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTest {
    static final class Msg extends Message {
        final int n;
        final List<Msg> log;
        long at;

        Msg(int n, List<Msg> log) {
            this.n = n;
            this.log = log;
        }

        @Override
        protected void delivered(long now) {
            at = now;
            log.add(this);
        }
    }

    /** Propagation jitter with a heavy tail never reorders a connection's messages. */
    @Test
    void deliversInOrderPerLinkDespiteJitter() {
        Simulator sim = new Simulator();
        Network net = new Network(sim, new HardwareProfile.Network(new Deterministic(1_000),
                LogNormal.ofMeanCv(200_000, 3.0), LogNormal.ofMeanCv(500_000, 3.0), 1e12));
        Host a = new Host(0, 0, "a", 1e12, null);
        Host b = new Host(1, 1, "b", 1e12, null);
        Link link = new Link(a, b, new RandomStreams(3).stream("l"));
        List<Msg> got = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            sim.schedule(i * 10_000L, s -> net.send(new Msg(n, got), link, 100));
        }
        sim.run();
        assertThat(got).hasSize(2_000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).n).isEqualTo(i);
        }
    }

    /** A host's NIC transmits one message after another at its bandwidth; the receiver's NIC too. */
    @Test
    void nicSerialisesMessagesAtItsBandwidth() {
        Simulator sim = new Simulator();
        Network net = new Network(sim, new HardwareProfile.Network(new Deterministic(1_000),
                new Deterministic(100_000), new Deterministic(100_000), 1e9));
        Host a = new Host(0, 0, "a", 1e9, null);
        Host b = new Host(1, 0, "b", 1e9, null);
        Host c = new Host(2, 0, "c", 1e9, null);
        RandomStreams rs = new RandomStreams(1);
        List<Msg> got = new ArrayList<>();
        Msg m1 = new Msg(1, got);
        Msg m2 = new Msg(2, got);
        Msg m3 = new Msg(3, got);
        // 1 MB at 1 GB/s = 1 ms on the wire
        long departed = net.send(m1, new Link(a, b, rs.stream("ab")), 1_000_000);
        net.send(m2, new Link(a, b, rs.stream("ab2")), 1_000_000);
        // incast: c also sends 1 MB to b at once; b's NIC receives one after the other
        net.send(m3, new Link(c, b, rs.stream("cb")), 1_000_000);
        sim.run();
        assertThat(departed).isEqualTo(1_000_000);
        // m1: 1 ms out + 0.1 ms + 1 ms in; m3 departs c at 1 ms, reaches b's NIC at 1.1 ms, waits for m1
        assertThat(m1.at).isEqualTo(2_100_000);
        assertThat(m3.at).isEqualTo(3_100_000);
        // m2 leaves a at 2 ms, reaches b at 2.1 ms, waits behind m3 until 3.1 ms
        assertThat(m2.at).isEqualTo(4_100_000);
        assertThat(a.egressBusyNanos()).isEqualTo(2_000_000);
    }
}
