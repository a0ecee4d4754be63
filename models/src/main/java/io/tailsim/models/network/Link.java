package io.tailsim.models.network;

import io.tailsim.core.rng.RandomStream;

/**
 * One direction of a TCP connection between two hosts. Keeps delivery in order: a message never
 * arrives before the one sent ahead of it on the same link, whatever the propagation jitter drew.
 */
public final class Link {
    final Host from;
    final Host to;
    final RandomStream rng;
    long lastArrival;

    public Link(Host from, Host to, RandomStream rng) {
        this.from = from;
        this.to = to;
        this.rng = rng;
    }

    public Host from() {
        return from;
    }

    public Host to() {
        return to;
    }
}
