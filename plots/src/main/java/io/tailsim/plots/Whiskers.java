package io.tailsim.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;

import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * A 95% interval drawn as an I-beam. A white halo under the black beam keeps it visible where it
 * crosses a dark bar or another line.
 */
final class Whiskers {
    private static final Stroke HALO = new BasicStroke(3.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    private static final Stroke BEAM = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);

    private Whiskers() {
    }

    /** A vertical beam at Java2D x from y1 to y2 with caps {@code capHalfWidth} either side. */
    static void vertical(Graphics2D g, double x, double y1, double y2, double capHalfWidth) {
        if (!(Double.isFinite(x) && Double.isFinite(y1) && Double.isFinite(y2)) || y1 == y2) {
            return;
        }
        Stroke savedStroke = g.getStroke();
        java.awt.Paint savedPaint = g.getPaint();
        Line2D beam = new Line2D.Double(x, y1, x, y2);
        Line2D capA = new Line2D.Double(x - capHalfWidth, y1, x + capHalfWidth, y1);
        Line2D capB = new Line2D.Double(x - capHalfWidth, y2, x + capHalfWidth, y2);
        g.setPaint(Color.WHITE);
        g.setStroke(HALO);
        g.draw(beam);
        g.draw(capA);
        g.draw(capB);
        g.setPaint(Color.BLACK);
        g.setStroke(BEAM);
        g.draw(beam);
        g.draw(capA);
        g.draw(capB);
        g.setStroke(savedStroke);
        g.setPaint(savedPaint);
    }

    /** Where a value's bottom sits in a bar chart: 0 for side-by-side bars, the segments below it when stacked. */
    interface Base {
        double at(CategoryDataset dataset, int row, int column);
    }

    /**
     * The 95% interval to draw over item (row, column), or null when there is none: drawn once, in
     * the renderer's last pass, for items that have a value and an interval.
     */
    static double[] intervalToDraw(CategoryDataset dataset, int row, int column, int pass, int passCount) {
        if (pass != passCount - 1 || !(dataset instanceof IntervalCategoryData data) || dataset.getValue(row, column) == null) {
            return null;
        }
        return data.interval(row, column);
    }

    /** The bars' range stretched to the tops of the whiskers, so the axis shows them whole. */
    static Range withWhiskers(Range bars, CategoryDataset dataset, Base base) {
        if (bars == null || !(dataset instanceof IntervalCategoryData data)) {
            return bars;
        }
        double hi = bars.getUpperBound();
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                double[] ci = data.interval(r, c);
                if (ci != null) {
                    hi = Math.max(hi, base.at(dataset, r, c) + ci[1]);
                }
            }
        }
        return new Range(bars.getLowerBound(), hi);
    }
}
