package io.tailsim.plots;

import io.tailsim.scenarios.result.ResultFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A report being assembled: the page, the figures placed on it, and what was left out and why. */
final class ReportContents {
    final HtmlPage page;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ReportContents(String title) {
        this.page = new HtmlPage(title);
    }

    void add(Figure f) {
        figures.add(f);
        page.figure(f);
    }

    /** A figure the data does not allow: said on the page instead of drawn. */
    void skip(String heading, String why) {
        String note = heading + ": not drawn. " + why;
        notes.add(note);
        page.note(note);
    }

    Report.Written write(Path outDir) {
        Path figureDir = outDir.resolve(HtmlPage.FIGURE_DIR);
        List<Path> files = new ArrayList<>();
        for (Figure f : figures) {
            FigureFiles.write(f, figureDir);
            files.add(figureDir.resolve(f.stem() + ".svg"));
            files.add(figureDir.resolve(f.stem() + ".png"));
        }
        Path index = outDir.resolve(Report.INDEX);
        ResultFiles.writeString(index, page.render());
        return new Report.Written(index, List.copyOf(files), List.copyOf(notes));
    }
}
