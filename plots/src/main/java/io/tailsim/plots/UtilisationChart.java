package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

import java.util.Arrays;
import java.util.List;

/**
 * How busy each broker's resource was over time, one line per broker.
 *
 * <p>Input: {@link Curve}s with x in seconds of simulated time and y the busy fraction (0..1),
 * drawn in percent; a step is two points per level (its start and its end).
 */
public final class UtilisationChart {
    private UtilisationChart() {
    }

    public static JFreeChart chart(String title, String subtitle, String resource, List<Curve> perBroker) {
        TimeAxisUnit unit = TimeAxisUnit.forCurves(perBroker);
        NumberAxis time = new NumberAxis(unit.label());
        time.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(resource + " busy (%)");
        // Room for the highest level, in steps of 10%, up to 100%: light loads stay readable.
        double max = perBroker.stream().flatMapToDouble(c -> Arrays.stream(c.y())).filter(v -> !Double.isNaN(v))
                .max().orElse(1);
        y.setRange(0, Math.min(100, Math.max(10, 10 * Math.ceil(max * 100 * 1.1 / 10))));
        WhiskerXYRenderer r = new WhiskerXYRenderer();
        for (int i = 0; i < perBroker.size(); i++) {
            ChartStyle.line(r, i, false);
        }
        XYPlot plot = new XYPlot(XYData.of(unit.apply(perBroker, 100)), time, y, r);
        ChartStyle.xy(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }
}
