package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

import java.util.List;

/**
 * Consumer lag over time: records each consumer group is behind the high watermark, one line per
 * group. Input: {@link Curve}s with x in seconds of simulated time and y in records.
 */
public final class LagChart {
    private LagChart() {
    }

    public static JFreeChart chart(String title, String subtitle, List<Curve> perGroup) {
        TimeAxisUnit unit = TimeAxisUnit.forCurves(perGroup);
        NumberAxis time = new NumberAxis(unit.label());
        time.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("records behind the high watermark");
        y.setAutoRangeIncludesZero(true);
        WhiskerXYRenderer r = new WhiskerXYRenderer();
        for (int i = 0; i < perGroup.size(); i++) {
            ChartStyle.line(r, i, false);
        }
        XYPlot plot = new XYPlot(XYData.of(unit.apply(perGroup, 1)), time, y, r);
        ChartStyle.xy(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }
}
