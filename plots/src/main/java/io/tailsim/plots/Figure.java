package io.tailsim.plots;

import org.jfree.chart.JFreeChart;

/**
 * One figure of a report: the file stem its PNG and SVG are written under, the heading and the
 * caption the HTML shows (plain text), the chart and its size in pixels.
 */
record Figure(String stem, String heading, String caption, JFreeChart chart, int width, int height) {
    static final int WIDTH = 900;
    static final int HEIGHT = 540;

    static Figure of(String stem, String heading, String caption, JFreeChart chart) {
        return new Figure(stem, heading, caption, chart, WIDTH, HEIGHT);
    }
}
