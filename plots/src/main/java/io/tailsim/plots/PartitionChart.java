package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The latency blog's partition figure: two panels over one time axis, partitions per broker on top
 * and p99 end-to-end latency below, one line per broker (or per whatever the curves name). When
 * every top curve is named like a bottom one (the same brokers), give them in the same order: they
 * then share colours and the legend lists each once.
 *
 * <p>Input: time series as {@link Curve}s with x in seconds of simulated time. Top curves: a count
 * per broker (draw a step as two points per level: its start and its end). Bottom curves: latency in
 * ms, each point optionally with its 95% interval.
 */
public final class PartitionChart {
    private PartitionChart() {
    }

    public static JFreeChart chart(String title, String subtitle, String topLabel, List<Curve> top,
                                   String bottomLabel, List<Curve> bottom) {
        TimeAxisUnit unit = TimeAxisUnit.forCurves(List.of(concat(top, bottom)));
        NumberAxis time = new NumberAxis(unit.label());
        time.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14);
        XYPlot upper = panel(unit.apply(top, 1), topLabel, false);
        // Lines named alike in both panels (one per broker) share a style: the legend lists them once.
        java.util.Set<String> below = new java.util.HashSet<>();
        bottom.forEach(c -> below.add(c.name()));
        if (top.stream().allMatch(c -> below.contains(c.name()))) {
            upper.getRenderer().setDefaultSeriesVisibleInLegend(false);
        }
        plot.add(upper, 1);
        plot.add(panel(unit.apply(bottom, 1), bottomLabel, true), 1);
        ChartStyle.xy(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }

    private static XYPlot panel(List<Curve> curves, String label, boolean markers) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(true);
        WhiskerXYRenderer r = new WhiskerXYRenderer();
        for (int i = 0; i < curves.size(); i++) {
            ChartStyle.line(r, i, markers);
        }
        XYPlot p = new XYPlot(XYData.of(curves), null, y, r);
        ChartStyle.xy(p);
        return p;
    }

    // Only to find the time span of both panels together.
    private static Curve concat(List<Curve> a, List<Curve> b) {
        double[] xs = Stream.concat(a.stream(), b.stream())
                .flatMapToDouble(c -> Arrays.stream(c.x())).toArray();
        return Curve.of("all", xs, new double[xs.length]);
    }
}
