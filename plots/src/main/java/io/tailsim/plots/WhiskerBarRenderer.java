package io.tailsim.plots;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Side-by-side bars with each bar's 95% interval drawn over it (vertical plots). */
final class WhiskerBarRenderer extends BarRenderer {
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
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                + state.getBarWidth() / 2;
        Whiskers.vertical(g2, x, rangeAxis.valueToJava2D(ci[0], dataArea, plot.getRangeAxisEdge()),
                rangeAxis.valueToJava2D(ci[1], dataArea, plot.getRangeAxisEdge()),
                Math.min(6, state.getBarWidth() / 4));
    }

    /** The axis must reach the tops of the whiskers, not only of the bars. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        return Whiskers.withWhiskers(super.findRangeBounds(dataset), dataset, (d, r, c) -> 0);
    }
}
