package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kingman's busy/idle curve: one resource swept from lightly to heavily loaded, the simulated mean
 * queueing delay at each point (with its 95% interval) against the busy/idle ratio
 * rho / (1 - rho) scaled to the points as a line. Under Kingman's formula the delay is
 * proportional to busy/idle for fixed arrival and service variability, so the points should hug
 * the line.
 */
public final class KingmanChart {
    private static final int LINE_POINTS = 200;

    /** One sweep point: the resource's busy fraction (0..1), its mean queueing delay (ms) and interval (or null). */
    public record Point(double utilisation, double meanDelayMs, double[] ci95) {
    }

    private KingmanChart() {
    }

    /**
     * The scale c of c * rho / (1 - rho) that best fits the points in relative terms (least squares
     * on (y - c f) / y), so light-load points count as much as heavy-load ones. NaN without usable points.
     */
    public static double scale(List<Point> points) {
        double num = 0;
        double den = 0;
        for (Point p : points) {
            double rho = p.utilisation();
            double y = p.meanDelayMs();
            if (rho > 0 && rho < 1 && y > 0) {
                double f = rho / (1 - rho);
                num += f / y;
                den += f * f / (y * y);
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }

    public static JFreeChart chart(String title, String subtitle, String resource, List<Point> points) {
        List<Point> usable = points.stream()
                .filter(p -> p.utilisation() > 0 && p.utilisation() < 1 && !Double.isNaN(p.meanDelayMs())).toList();
        double[] x = new double[usable.size()];
        double[] y = new double[usable.size()];
        double[] lo = new double[usable.size()];
        double[] hi = new double[usable.size()];
        for (int i = 0; i < usable.size(); i++) {
            Point p = usable.get(i);
            x[i] = 100 * p.utilisation();
            y[i] = p.meanDelayMs();
            lo[i] = p.ci95() == null ? y[i] : p.ci95()[0];
            hi[i] = p.ci95() == null ? y[i] : p.ci95()[1];
        }
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve("simulated mean queueing delay (95% CI)", x, y, lo, hi));
        double c = scale(usable);
        if (!Double.isNaN(c)) {
            double rhoMax = usable.stream().mapToDouble(Point::utilisation).max().orElse(0);
            double top = Math.min(0.99, rhoMax + 0.01);
            double[] lx = new double[LINE_POINTS];
            double[] ly = new double[LINE_POINTS];
            for (int i = 0; i < LINE_POINTS; i++) {
                double rho = top * i / (LINE_POINTS - 1);
                lx[i] = 100 * rho;
                ly[i] = c * rho / (1 - rho);
            }
            curves.add(Curve.of(String.format(Locale.ROOT, "busy/idle \u00d7 %s ms  (\u03c1 / (1 \u2212 \u03c1), fitted scale)",
                    Report.fmt(c)), lx, ly));
        }
        NumberAxis xAxis = new NumberAxis(resource + " utilisation \u03c1 (%)");
        xAxis.setRange(0, 100);
        NumberAxis yAxis = new NumberAxis("mean queueing delay (ms)");
        yAxis.setAutoRangeIncludesZero(true);
        WhiskerXYRenderer r = new WhiskerXYRenderer();
        ChartStyle.line(r, 0, true);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesFilled(0, true);
        if (curves.size() > 1) {
            ChartStyle.line(r, 1, false);
        }
        XYPlot plot = new XYPlot(XYData.of(curves), xAxis, yAxis, r);
        ChartStyle.xy(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }
}
