package io.tailsim.models.network;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.config.HardwareProfile;

/**
 * Moves messages between hosts. A message waits for the sending host's NIC transmitter (FIFO,
 * bytes / bandwidth), propagates for a one-way delay drawn by host pair (same host, same AZ,
 * cross AZ) from the link's own stream, then passes the receiving host's NIC (FIFO again, so
 * incast queues there). Arrival on a link is clamped to be no earlier than the previous arrival
 * on it: TCP delivers in order. Same-host messages skip both NICs (loopback).
 *
 * <p>Left out: TCP windows, slow start and loss; a message is a single unit (no packet
 * interleaving of concurrent flows at the NIC: the FIFO transmitter serialises whole messages).
 */
public final class Network {
    private final Simulator sim;
    private final Distribution sameHost;
    private final Distribution sameAz;
    private final Distribution crossAz;

    public Network(Simulator sim, HardwareProfile.Network profile) {
        this.sim = sim;
        this.sameHost = profile.sameHostOneWay();
        this.sameAz = profile.sameAzOneWay();
        this.crossAz = profile.crossAzOneWay();
    }

    /**
     * Sends {@code m} of {@code bytes} over {@code link} now; its {@code delivered} fires on arrival.
     * Returns when its last byte leaves the sending NIC.
     */
    public long send(Message m, Link link, int bytes) {
        long now = sim.now();
        m.link = link;
        m.wireBytes = bytes;
        m.network = this;
        Host from = link.from;
        Host to = link.to;
        long departed;
        Distribution d;
        if (from == to) {
            departed = now;
            d = sameHost;
            m.atIngress = false;
        } else {
            long tx = Math.round(bytes * from.nanosPerByte);
            departed = Math.max(now, from.egressFreeAt) + tx;
            from.egressFreeAt = departed;
            from.egressBusyNanos += tx;
            d = from.az == to.az ? sameAz : crossAz;
            m.atIngress = true;
        }
        long prop = d == null ? 0 : Math.max(0, Math.round(d.sample(link.rng)));
        long arrival = Math.max(departed + prop, link.lastArrival);
        link.lastArrival = arrival;
        sim.scheduleAt(m, arrival);
        return departed;
    }

    /** At the receiving NIC: returns true when the message must still wait for the ingress FIFO. */
    boolean receive(Message m) {
        Host to = m.link.to;
        long now = sim.now();
        long rx = Math.round(m.wireBytes * to.nanosPerByte);
        long done = Math.max(now, to.ingressFreeAt) + rx;
        to.ingressFreeAt = done;
        to.ingressBusyNanos += rx;
        if (done > now) {
            sim.scheduleAt(m, done);
            return true;
        }
        return false;
    }

    /** When the sending host's transmitter will have sent everything queued so far. */
    public long egressFreeAt(Host h) {
        return Math.max(sim.now(), h.egressFreeAt);
    }
}
