package io.tailsim.plots;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.Graphics2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal log axis labelled at 1, 2 and 5 times powers of ten (0.5, 1, 2, 5, 10 ms ...),
 * the values people read latencies in, instead of LogAxis's fractional powers (0.631, 0.794 ...).
 * Narrow ranges add 3 and 7; over more than three decades only the powers of ten are labelled.
 */
final class LatencyLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final int[] NARROW = {1, 2, 3, 5, 7};
    private static final int[] MEDIUM = {1, 2, 5};
    private static final int[] WIDE = {1};

    LatencyLogAxis(String label) {
        super(label);
        setSmallestValue(1e-6);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        Range r = getRange();
        double lo = Math.max(r.getLowerBound(), getSmallestValue());
        double hi = r.getUpperBound();
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        double decades = Math.log10(hi / lo);
        int[] mantissas = decades <= 1.5 ? NARROW : decades <= 3 ? MEDIUM : WIDE;
        List ticks = new ArrayList();
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        for (int k = first; k <= last; k++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, k);
                if (v < lo || v > hi) {
                    continue;
                }
                ticks.add(tick(v, vertical));
            }
        }
        if (ticks.size() < 2) {
            // Less than a 1-2-5 step wide: five log-spaced values, two significant figures.
            ticks.clear();
            for (int i = 0; i < 5; i++) {
                double v = new BigDecimal(lo * Math.pow(hi / lo, (i + 0.5) / 5))
                        .round(new MathContext(2)).doubleValue();
                ticks.add(tick(v, vertical));
            }
        }
        return ticks;
    }

    private static NumberTick tick(double v, boolean vertical) {
        return vertical
                ? new NumberTick(TickType.MAJOR, v, Report.fmt(v), TextAnchor.CENTER_RIGHT, TextAnchor.CENTER, 0)
                : new NumberTick(TickType.MAJOR, v, Report.fmt(v), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0);
    }
}
