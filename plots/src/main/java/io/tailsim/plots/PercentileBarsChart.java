package io.tailsim.plots;

import io.tailsim.scenarios.result.LatencyStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;

import java.util.List;
import java.util.Map;

/**
 * The latency blog's bar figures (linger.ms / batch.size runs; 90 vs 900 producers): for each
 * configuration, bars at a few percentiles (p50 and p99) with their 95% intervals.
 */
public final class PercentileBarsChart {
    private PercentileBarsChart() {
    }

    /** {@code configurations}: label -> latency figures, in the order the bars go. */
    public static JFreeChart chart(String title, String subtitle, String xLabel, String latencyLabel,
                                   Map<String, LatencyStats> configurations, List<String> percentiles) {
        IntervalCategoryData data = new IntervalCategoryData();
        for (String p : percentiles) {
            for (Map.Entry<String, LatencyStats> e : configurations.entrySet()) {
                LatencyStats s = e.getValue();
                double[] ci = s.ci95() == null ? null : s.ci95().get(p);
                data.add(p, e.getKey(), s.count() == 0 ? Double.NaN : s.get(p), ci);
            }
        }
        WhiskerBarRenderer r = new WhiskerBarRenderer();
        r.setMaximumBarWidth(0.09);
        r.setItemMargin(0.06);
        ChartStyle.bars(r, percentiles.size());
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(xLabel), new NumberAxis(latencyLabel + " (ms)"), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ChartStyle.category(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }
}
