package io.tailsim.scenarios.runner;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;

import java.util.function.LongConsumer;

/** Reports simulated time every step until the end of the run. */
final class ProgressTick extends Event {
    private final long stepNanos;
    private final long endNanos;
    private final LongConsumer report;

    ProgressTick(long stepNanos, long endNanos, LongConsumer report) {
        this.stepNanos = stepNanos;
        this.endNanos = endNanos;
        this.report = report;
    }

    @Override
    public void fire(Simulator sim) {
        report.accept(sim.now());
        if (sim.now() + stepNanos < endNanos) {
            sim.schedule(this, stepNanos);
        }
    }

    @Override
    public String label() {
        return "progress";
    }
}
