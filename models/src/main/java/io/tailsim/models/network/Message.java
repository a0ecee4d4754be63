package io.tailsim.models.network;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;

/**
 * Something sent over a {@link Link}: it is its own delivery event, so a request object travels
 * to the broker and back as the response without allocating anything else.
 */
public abstract class Message extends Event {
    Link link;
    int wireBytes;
    boolean atIngress;
    Network network;

    /** Called when the last byte has reached the receiving host. */
    protected abstract void delivered(long now);

    @Override
    public final void fire(Simulator sim) {
        if (atIngress) {
            atIngress = false;
            if (network.receive(this)) {
                return;
            }
        }
        delivered(sim.now());
    }
}
