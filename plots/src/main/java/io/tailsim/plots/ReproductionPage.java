package io.tailsim.plots;

import io.tailsim.scenarios.reproduce.Check;
import io.tailsim.scenarios.reproduce.Reproduction;
import io.tailsim.scenarios.result.ResultFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The index.html of 'tailsim reproduce': each experiment's checks (published, simulated, band,
 * pass) and a link to the experiment's own report with its figures.
 */
final class ReproductionPage {
    private ReproductionPage() {
    }

    /** {@code reports} maps experiment id to its report page, relative to {@code outDir}. */
    static Path write(Path outDir, Reproduction r, Map<String, String> reports) {
        long passed = r.experiments().stream().filter(Reproduction.ExperimentResult::pass).count();
        HtmlPage page = new HtmlPage("tailsim: reproduction of the published experiments");
        page.meta(String.format(Locale.ROOT, "%d of %d experiments inside all their bands. Bands from "
                + "published-results.yaml; one hardware profile per testbed; no experiment-specific knobs.",
                passed, r.experiments().size()));
        for (Reproduction.ExperimentResult e : r.experiments()) {
            page.h2(e.id() + (e.pass() ? " \u2014 pass" : " \u2014 FAIL"));
            page.p("Published: " + e.published() + ".");
            List<List<String>> rows = new ArrayList<>();
            for (Check c : e.checks()) {
                rows.add(List.of(HtmlPage.esc(c.name()), HtmlPage.esc(c.published() == null ? "" : c.published()),
                        c.value() == null ? "not measured" : HtmlPage.esc(Report.fmt(c.value())),
                        HtmlPage.esc(c.band()), c.pass() ? "yes" : "<b>no</b>",
                        HtmlPage.esc(c.detail() == null ? "" : c.detail())));
            }
            page.table(List.of("check", "published", "simulated", "band", "pass", "detail"), rows);
            String report = reports.get(e.id());
            if (report != null) {
                page.table(List.of("figures and tables"), List.of(List.of(
                        "<a href=\"" + HtmlPage.esc(report) + "\">" + HtmlPage.esc(e.id() + " report") + "</a>")));
            }
        }
        Path index = outDir.resolve(Report.INDEX);
        ResultFiles.writeString(index, page.render());
        return index;
    }
}
