package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * One look for every figure, legible when printed in greyscale: each line series differs from its
 * neighbours in dash pattern and marker shape as well as colour, and bar fills step through
 * luminance (dark to light) with black outlines. Fonts are Java's logical SansSerif at fixed sizes
 * (SVG says "sans-serif"), so the same results always lay out the same way.
 */
final class ChartStyle {
    static final String FONT = Font.SANS_SERIF;
    static final Font TITLE = new Font(FONT, Font.BOLD, 16);
    static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 12);
    static final Font LABEL = new Font(FONT, Font.PLAIN, 13);
    static final Font TICK = new Font(FONT, Font.PLAIN, 11);
    static final Font LEGEND = new Font(FONT, Font.PLAIN, 12);
    static final Color GRID = new Color(0xC8C8C8);

    // Okabe-Ito colours ordered so neighbours also differ in lightness.
    private static final Color[] LINE_COLOURS = {
        new Color(0x000000), new Color(0xD55E00), new Color(0x0072B2), new Color(0xE69F00),
        new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x999999)};
    private static final float[][] DASHES = {
        null, {9f, 4f}, {2f, 3f}, {12f, 4f, 2f, 4f}, {5f, 5f}, {16f, 5f}, {2f, 3f, 2f, 3f, 8f, 3f}};
    // Viridis stops: monotone in lightness, so stacked segments stay apart in greyscale.
    private static final Color[] FILLS = {
        new Color(0x440154), new Color(0x3B528B), new Color(0x21908D), new Color(0x5DC963), new Color(0xFDE725)};

    private ChartStyle() {
    }

    /** A chart with the house fonts, white background, legend at the bottom and an optional subtitle. */
    static JFreeChart chart(String title, String subtitle, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        return chart;
    }

    static void xy(XYPlot plot) {
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i));
        }
    }

    static void category(CategoryPlot plot) {
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelLines(3);
    }

    static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        if (axis instanceof ValueAxis v) {
            v.setMinorTickMarksVisible(false);
        }
    }

    /** Series i of a line chart: colour, dash pattern and marker all cycle, at different periods. */
    static void line(XYLineAndShapeRenderer r, int series, boolean markers) {
        r.setSeriesPaint(series, lineColour(series));
        r.setSeriesStroke(series, stroke(series, 2f));
        r.setSeriesShape(series, shape(series));
        r.setSeriesShapesVisible(series, markers);
        r.setSeriesShapesFilled(series, series % 2 == 0);
        r.setLegendLine(new Line2D.Double(-16, 0, 16, 0));
        r.setDrawSeriesLineAsPath(true);
    }

    static Paint lineColour(int i) {
        return LINE_COLOURS[i % LINE_COLOURS.length];
    }

    static Stroke stroke(int i, float width) {
        float[] dash = DASHES[i % DASHES.length];
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    static Shape shape(int i) {
        double s = 7;
        double h = s / 2;
        switch (i % 6) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h, -h, s, s);
            case 2:
                return polygon(0, -h - 1, h + 1, h, -h - 1, h);
            case 3:
                return polygon(0, -h - 1, h + 1, 0, 0, h + 1, -h - 1, 0);
            case 4:
                return polygon(-h - 1, -h, h + 1, -h, 0, h + 1);
            default:
                return polygon(-h, -h, h, h, 0, 0, h, -h, -h, h, 0, 0);
        }
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** Fill for bar series {@code i} of {@code n}: evenly spaced in lightness, darkest first. */
    static Paint fill(int i, int n) {
        if (n <= 1) {
            return FILLS[1];
        }
        double pos = (double) i * (FILLS.length - 1) / (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(FILLS.length - 1, lo + 1);
        double t = pos - lo;
        Color a = FILLS[lo];
        Color b = FILLS[hi];
        return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t), mix(a.getBlue(), b.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    static void bars(BarRenderer r, int series) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.BLACK);
        r.setDefaultOutlineStroke(new BasicStroke(0.8f));
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, fill(i, series));
            r.setSeriesOutlinePaint(i, Color.BLACK);
            r.setSeriesOutlineStroke(i, new BasicStroke(0.8f));
        }
    }
}
