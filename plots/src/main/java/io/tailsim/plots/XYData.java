package io.tailsim.plots;

import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.util.List;

/** Curves as a JFreeChart dataset; a point without an interval gets low = high = y. */
final class XYData {
    private XYData() {
    }

    static YIntervalSeriesCollection of(List<Curve> curves) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            // Not auto-sorted, duplicates allowed: step curves repeat an x at each step.
            YIntervalSeries s = new YIntervalSeries(c.name(), false, true);
            for (int i = 0; i < c.size(); i++) {
                double y = c.y()[i];
                double lo = c.low() == null || Double.isNaN(c.low()[i]) ? y : c.low()[i];
                double hi = c.high() == null || Double.isNaN(c.high()[i]) ? y : c.high()[i];
                s.add(c.x()[i], y, lo, hi);
            }
            data.addSeries(s);
        }
        return data;
    }

    static double maxX(List<Curve> curves) {
        double max = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (double v : c.x()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }
}
