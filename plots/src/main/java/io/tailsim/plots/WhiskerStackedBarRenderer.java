package io.tailsim.plots;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Stacked bars (positive values) with each segment's own 95% interval drawn at the segment's top:
 * the interval of that component's value, shifted by the segments below it.
 */
final class WhiskerStackedBarRenderer extends StackedBarRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] ci = Whiskers.intervalToDraw(dataset, row, column, pass, getPassCount());
        if (ci == null) {
            return;
        }
        double base = base(dataset, row, column);
        double x = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
        Whiskers.vertical(g2, x, rangeAxis.valueToJava2D(base + ci[0], dataArea, plot.getRangeAxisEdge()),
                rangeAxis.valueToJava2D(base + ci[1], dataArea, plot.getRangeAxisEdge()),
                Math.min(6, state.getBarWidth() / 4));
    }

    /** Sum of the positive segments below {@code row}, as StackedBarRenderer stacks them. */
    private static double base(CategoryDataset dataset, int row, int column) {
        double base = 0;
        for (int r = 0; r < row; r++) {
            Number v = dataset.getValue(r, column);
            if (v != null && v.doubleValue() > 0) {
                base += v.doubleValue();
            }
        }
        return base;
    }

    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        return Whiskers.withWhiskers(super.findRangeBounds(dataset), dataset, WhiskerStackedBarRenderer::base);
    }
}
