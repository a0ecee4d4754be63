package io.tailsim.cli.bench;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;

/** tailsim's engine as a model uses it: Simulator with its default event list (LadderEventList), one reused Event per slot. */
final class TailsimHold implements HoldEngine {
    private final Simulator sim = new Simulator();
    private final RandomStream rng;
    private final double twiceMean;
    private long remaining;

    TailsimHold(HoldModel model) {
        rng = model.newRandom();
        twiceMean = model.twiceMean();
        for (int i = 0; i < model.pending(); i++) {
            sim.schedule(new Hold(), HoldModel.draw(rng, twiceMean));
        }
    }

    @Override
    public void fire(long events) {
        remaining = events;
        // The real loop: run() returns when the last event of the batch calls stop().
        sim.run();
    }

    @Override
    public long eventsFired() {
        return sim.eventsFired();
    }

    @Override
    public int pending() {
        return sim.pending();
    }

    @Override
    public long clockNanos() {
        return sim.now();
    }

    private final class Hold extends Event {
        @Override
        public void fire(Simulator s) {
            s.schedule(this, HoldModel.draw(rng, twiceMean));
            if (--remaining == 0) {
                s.stop();
            }
        }
    }
}
