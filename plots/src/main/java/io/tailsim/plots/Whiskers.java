package io.tailsim.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;

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
}
