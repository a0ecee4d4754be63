package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

import java.util.List;

/**
 * Cumulative distribution: share of records at or below a latency, latency on a log axis so the
 * body and the tail both show. Input: curves from {@link ReplicatedCurves#cdf} (y as fractions);
 * intervals are shaded bands.
 */
public final class CdfChart {
    private CdfChart() {
    }

    public static JFreeChart chart(String title, String subtitle, String latencyLabel, List<Curve> curves) {
        LatencyLogAxis x = new LatencyLogAxis(latencyLabel + " (ms, log scale)");
        NumberAxis y = new NumberAxis("records at or below (%)");
        y.setRange(0, 100);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.22f);
        for (int i = 0; i < curves.size(); i++) {
            ChartStyle.line(r, i, false);
            r.setSeriesFillPaint(i, ChartStyle.lineColour(i));
        }
        List<Curve> percent = curves.stream().map(c -> c.scaled(1, 100)).toList();
        XYPlot plot = new XYPlot(XYData.of(percent), x, y, r);
        ChartStyle.xy(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }
}
