package io.tailsim.validation.compare;

import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.List;

/**
 * Draws the simulated and measured percentile distributions over each other. validation must not depend on plots (the
 * module arrows run scenarios <- {plots, validation} <- cli), so the command line supplies the drawing, with plots' own
 * percentile-distribution chart.
 */
public interface OverlayFigure {
    /** No figure (tests, or a caller without charts); nothing is written. */
    OverlayFigure NONE = (dir, stem, title, series) -> List.of();

    /**
     * Writes the figure under {@code dir} with file names starting {@code stem}, and returns the files written.
     *
     * @param series each a name ("producer, simulated") and its histograms in nanoseconds, one per replication
     */
    List<Path> draw(Path dir, String stem, String title, List<Series> series);

    record Series(String name, List<Histogram> nanos) {
        public Series {
            nanos = List.copyOf(nanos);
        }
    }
}
