package io.tailsim.plots;

import io.tailsim.scenarios.result.LatencyStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChartsTest {
    static LatencyStats stats(double p50, double p99, double[] ci50, double[] ci99) {
        return new LatencyStats(1000, p50, null, null, null, p99, null, null, null, null, Map.of("p50", ci50, "p99", ci99));
    }

    @Test
    void ninesAxisLabelsReadAsPercentiles() {
        PercentileDistributionChart.NinesFormat f = new PercentileDistributionChart.NinesFormat();
        assertThat(List.of(f.format(0.0), f.format(1.0), f.format(2.0), f.format(3.0), f.format(5.0)))
                .containsExactly("0%", "90%", "99%", "99.9%", "99.999%");
    }

    @Test
    void kingmanScaleRecoversTheConstantOfPointsOnTheCurve() {
        List<KingmanChart.Point> points = Arrays.stream(new double[] {0.1, 0.3, 0.5, 0.7, 0.9})
                .mapToObj(rho -> new KingmanChart.Point(rho, 0.2 * rho / (1 - rho), null)).toList();
        assertThat(KingmanChart.scale(points)).isCloseTo(0.2, within(1e-12));
        // Relative fit: doubling one light-load point moves the scale as much as doubling a heavy-load one.
        List<KingmanChart.Point> light = new ArrayList<>(points);
        light.set(0, new KingmanChart.Point(0.1, 2 * points.get(0).meanDelayMs(), null));
        List<KingmanChart.Point> heavy = new ArrayList<>(points);
        heavy.set(4, new KingmanChart.Point(0.9, 2 * points.get(4).meanDelayMs(), null));
        assertThat(KingmanChart.scale(light)).isCloseTo(KingmanChart.scale(heavy), within(1e-12));
        assertThat(KingmanChart.scale(List.of(new KingmanChart.Point(1.0, 3, null)))).isNaN();
    }

    @Test
    void barAxisReachesTheTopOfEveryInterval() {
        Map<String, LatencyStats> configs = new LinkedHashMap<>();
        configs.put("linger.ms=0", stats(3, 20, new double[] {2.5, 3.5}, new double[] {15, 31}));
        configs.put("linger.ms=5", stats(6, 10, new double[] {5.5, 6.5}, new double[] {9, 11}));
        JFreeChart chart = PercentileBarsChart.chart("t", null, "configuration", "producer latency", configs,
                List.of("p50", "p99"));
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(31);
        IntervalCategoryData data = (IntervalCategoryData) plot.getDataset();
        assertThat(data.interval(data.getRowIndex("p99"), data.getColumnIndex("linger.ms=0"))).containsExactly(15, 31);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("producer latency (ms)");
    }

    @Test
    void stackedSegmentsIntervalsSitOnTheSegmentsBelow() {
        IntervalCategoryData data = new IntervalCategoryData();
        data.add("produce", "p99", 5, new double[] {4, 6});
        data.add("publish", "p99", 2, new double[] {1, 9});
        WhiskerStackedBarRenderer r = new WhiskerStackedBarRenderer();
        // publish's interval top sits at 5 (produce) + 9.
        assertThat(r.findRangeBounds(data).getUpperBound()).isEqualTo(14);
    }

    @Test
    void seriesStayDistinctWithoutColour() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ChartStyle.line(r, i, true);
            float[] dash = ((BasicStroke) r.getSeriesStroke(i)).getDashArray();
            looks.add(Arrays.toString(dash));
        }
        assertThat(looks).hasSize(7);
        // Bar fills step through lightness, so stacked segments differ in greyscale.
        double previous = -1;
        for (int i = 0; i < 5; i++) {
            Color c = (Color) ChartStyle.fill(i, 5);
            double luma = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
            assertThat(luma).isGreaterThan(previous + 20);
            previous = luma;
        }
    }
}
