package io.tailsim.plots;

import java.util.List;

/** Seconds or minutes on a time axis, whichever keeps the tick labels short. */
record TimeAxisUnit(String label, double perSecond) {
    static final TimeAxisUnit SECONDS = new TimeAxisUnit("simulated time (s)", 1);
    static final TimeAxisUnit MINUTES = new TimeAxisUnit("simulated time (min)", 1.0 / 60);

    /** Minutes once the curves span more than 20 minutes. */
    static TimeAxisUnit forCurves(List<Curve> curves) {
        return XYData.maxX(curves) > 1200 ? MINUTES : SECONDS;
    }

    List<Curve> apply(List<Curve> curves, double yFactor) {
        return curves.stream().map(c -> c.scaled(perSecond, yFactor)).toList();
    }
}
