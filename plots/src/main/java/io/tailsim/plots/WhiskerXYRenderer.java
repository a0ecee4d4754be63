package io.tailsim.plots;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Lines and markers with each point's 95% interval as an I-beam; points whose interval is empty
 * (low == high, a series without intervals) get none, unlike XYErrorRenderer which caps them all.
 */
final class WhiskerXYRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    WhiskerXYRenderer() {
        super(true, true);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        if (isItemPass(pass) && dataset instanceof IntervalXYDataset d && getItemVisible(series, item)) {
            double lo = d.getStartYValue(series, item);
            double hi = d.getEndYValue(series, item);
            double x = d.getXValue(series, item);
            if (lo < hi && Double.isFinite(x)) {
                double xx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
                Whiskers.vertical(g2, xx, rangeAxis.valueToJava2D(lo, dataArea, plot.getRangeAxisEdge()),
                        rangeAxis.valueToJava2D(hi, dataArea, plot.getRangeAxisEdge()), 4);
            }
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return findRangeBounds(dataset, true);
    }
}
