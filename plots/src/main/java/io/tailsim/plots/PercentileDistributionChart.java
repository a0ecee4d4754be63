package io.tailsim.plots;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;

/**
 * Latency against percentile with the percentile axis stretched by "nines", as HdrHistogram's
 * plotter and OpenMessaging Benchmark draw it: x = log10(1 / (1 - p)), so 90%, 99%, 99.9% ... are
 * equally spaced and the tail gets the room it deserves. Input: curves from
 * {@link ReplicatedCurves#percentiles}; each curve's interval is drawn as a shaded band.
 */
public final class PercentileDistributionChart {
    private PercentileDistributionChart() {
    }

    public static JFreeChart chart(String title, String subtitle, String latencyLabel, List<Curve> curves) {
        NumberAxis x = new NumberAxis("percentile (log scale of 1 / (1 - p))");
        x.setTickUnit(new NumberTickUnit(1, new NinesFormat()));
        x.setLowerMargin(0);
        x.setUpperMargin(0.02);
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis(latencyLabel + " (ms)");
        y.setAutoRangeIncludesZero(true);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.22f);
        for (int i = 0; i < curves.size(); i++) {
            ChartStyle.line(r, i, false);
            r.setSeriesFillPaint(i, ChartStyle.lineColour(i));
        }
        XYPlot plot = new XYPlot(XYData.of(curves), x, y, r);
        ChartStyle.xy(plot);
        return ChartStyle.chart(title, subtitle, plot);
    }

    /** 0 -> "0%", 1 -> "90%", 2 -> "99%", 3 -> "99.9%", ...: the percentile at that many nines. */
    static final class NinesFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long k = Math.round(number);
            if (k <= 0) {
                return to.append("0%");
            }
            if (k == 1) {
                return to.append("90%");
            }
            return to.append("99").append(k > 2 ? "." + "9".repeat((int) k - 2) : "").append('%');
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
