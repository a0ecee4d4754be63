package io.tailsim.cli.bench;

import io.tailsim.core.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * SSJ driven as its users drive it: a Simulator over the given event list, Event subclasses whose
 * actions() reschedule themselves, Simulator.start() as the loop and stop() to end a batch.
 */
final class SsjHold implements HoldEngine {
    private final Simulator sim;
    private final RandomStream rng;
    private final double twiceMean;
    private long remaining;
    private long fired;

    SsjHold(HoldModel model, EventList list) {
        sim = new Simulator(list);
        rng = model.newRandom();
        twiceMean = model.twiceMean();
        for (int i = 0; i < model.pending(); i++) {
            new Hold(sim).schedule(HoldModel.draw(rng, twiceMean));
        }
    }

    @Override
    public void fire(long events) {
        remaining = events;
        sim.start();
    }

    @Override
    public long eventsFired() {
        return fired;
    }

    @Override
    public int pending() {
        // SSJ lists have no size(); counting is O(n) but only done outside the timed runs.
        int n = 0;
        for (Event ignored : sim.getEventList()) {
            n++;
        }
        return n;
    }

    @Override
    public long clockNanos() {
        return (long) sim.time();
    }

    private final class Hold extends Event {
        Hold(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
            schedule(HoldModel.draw(rng, twiceMean));
            fired++;
            if (--remaining == 0) {
                sim.stop();
            }
        }
    }
}
