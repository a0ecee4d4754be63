package io.tailsim.plots;

import org.jfree.data.category.DefaultCategoryDataset;

import java.util.HashMap;
import java.util.Map;

/** Bar values with an optional 95% interval [low, high] per bar, for the whisker renderers. */
final class IntervalCategoryData extends DefaultCategoryDataset {
    private static final long serialVersionUID = 1L;
    private final Map<String, double[]> intervals = new HashMap<>();

    /** Adds one bar; {@code ci95} may be null. A NaN value leaves the bar out. */
    void add(String series, String category, double value, double[] ci95) {
        addValue(Double.isNaN(value) ? null : value, series, category);
        if (ci95 != null && !Double.isNaN(value) && ci95.length == 2 && ci95[0] <= ci95[1]) {
            intervals.put(key(series, category), ci95.clone());
        }
    }

    /** The bar's interval, or null. */
    double[] interval(int row, int column) {
        return intervals.get(key(getRowKey(row).toString(), getColumnKey(column).toString()));
    }

    boolean hasIntervals() {
        return !intervals.isEmpty();
    }

    private static String key(String series, String category) {
        return series + '\u0000' + category;
    }
}
