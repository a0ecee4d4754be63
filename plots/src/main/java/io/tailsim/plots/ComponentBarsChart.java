package io.tailsim.plots;

import io.tailsim.scenarios.result.Components;
import io.tailsim.scenarios.result.LatencyStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five components of end-to-end latency (produce, publish, commit, catch-up, fetch) stacked,
 * one bar per run and percentile. Each segment is that component's own percentile with its 95%
 * interval; percentiles do not add, so a bar's height is not the end-to-end percentile. Components
 * no run measured (catch-up and fetch without consumers) are left out, not drawn as zero.
 */
public final class ComponentBarsChart {
    static final Map<String, String> NAMES = names();

    private ComponentBarsChart() {
    }

    /** {@code runs}: label -> components, in order; one run draws bars labelled by percentile only. */
    public static JFreeChart chart(String title, String subtitle, Map<String, Components> runs, List<String> percentiles) {
        List<String> measured = measured(runs.values());
        IntervalCategoryData data = new IntervalCategoryData();
        for (Map.Entry<String, Components> run : runs.entrySet()) {
            for (String p : percentiles) {
                String category = runs.size() == 1 ? p : run.getKey() + " \u00b7 " + p;
                for (String c : measured) {
                    LatencyStats s = component(run.getValue(), c);
                    double[] ci = s.ci95() == null ? null : s.ci95().get(p);
                    data.add(NAMES.get(c), category, s.count() == 0 ? Double.NaN : s.get(p), ci);
                }
            }
        }
        WhiskerStackedBarRenderer r = new WhiskerStackedBarRenderer();
        r.setMaximumBarWidth(0.12);
        ChartStyle.bars(r, measured.size());
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(runs.size() == 1 ? "percentile" : "run \u00b7 percentile"),
                new NumberAxis("time in component at that percentile (ms)"), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ChartStyle.category(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }

    /** Component keys (as in summary.json) that some run recorded, in journey order. */
    static List<String> measured(Iterable<Components> runs) {
        List<String> out = new ArrayList<>();
        for (String c : NAMES.keySet()) {
            for (Components comps : runs) {
                if (comps != null && component(comps, c).count() > 0) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    static LatencyStats component(Components c, String key) {
        switch (key) {
            case "produce": return c.produce();
            case "publish": return c.publish();
            case "commit": return c.commit();
            case "catchUp": return c.catchUp();
            case "fetch": return c.fetch();
            default: throw new IllegalArgumentException("unknown component " + key);
        }
    }

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("produce", "produce");
        m.put("publish", "publish");
        m.put("commit", "commit");
        m.put("catchUp", "catch-up");
        m.put("fetch", "fetch");
        return m;
    }
}
