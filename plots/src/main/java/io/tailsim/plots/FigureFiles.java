package io.tailsim.plots;

import io.tailsim.scenarios.result.ResultFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a figure as PNG and SVG. The SVG's definition ids (clip paths) take a fixed prefix
 * derived from the file name instead of JFreeSVG's default, which embeds System.nanoTime(): same
 * chart, same bytes.
 */
final class FigureFiles {
    private FigureFiles() {
    }

    static String svg(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setDefsKeyPrefix(f.stem() + "-");
        f.chart().draw(g, new Rectangle(0, 0, f.width(), f.height()));
        g.dispose();
        return g.getSVGDocument();
    }

    static byte[] png(Figure f) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, f.chart(), f.width(), f.height());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + f.stem() + ".png", e);
        }
    }

    /** Writes dir/stem.svg and dir/stem.png (each atomically). */
    static void write(Figure f, Path dir) {
        ResultFiles.writeString(dir.resolve(f.stem() + ".svg"), svg(f));
        ResultFiles.writeBytes(dir.resolve(f.stem() + ".png"), png(f));
    }
}
