package io.tailsim.plots;

import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.RunOutputs;
import io.tailsim.scenarios.runner.SweepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\"");

    static List<String> stems(Report.Written w) {
        return w.figures().stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".svg")).map(n -> n.substring(0, n.length() - 4)).toList();
    }

    @Test
    void runReportDrawsEveryFigureItsFilesAllowAndSaysWhichItCannot(@TempDir Path out) throws Exception {
        Report.Written w = Report.write(Fixtures.run(), out);

        assertThat(stems(w)).containsExactly("percentiles-latency", "cdf-latency",
                "percentiles-producer-by-topic", "cdf-producer-by-topic", "bars-producer-by-topic", "components",
                "utilisation");
        // No consumers in the fixture, no phases: those figures are named as not drawn, never faked.
        assertThat(w.notes()).hasSize(1);
        assertThat(w.notes().get(0)).startsWith("Partitions per broker").contains("no phases");
        assertThat(stems(w)).noneMatch(s -> s.contains("end-to-end") || s.contains("lag"));
        for (String stem : stems(w)) {
            BufferedImage png = ImageIO.read(out.resolve("figures/" + stem + ".png").toFile());
            assertThat(png.getWidth()).as(stem).isEqualTo(Figure.WIDTH);
            assertThat(png.getHeight()).as(stem).isEqualTo(Figure.HEIGHT);
            Document svg = parse(out.resolve("figures/" + stem + ".svg"));
            assertThat(svg.getDocumentElement().getAttribute("width")).as(stem).isEqualTo("900.0");
            assertThat(svg.getDocumentElement().getElementsByTagName("text").getLength()).as(stem).isGreaterThan(10);
        }
    }

    @Test
    void pageHasTheTablesAndReferencesEveryFigureAndNothingRemote(@TempDir Path out) throws Exception {
        Report.Written w = Report.write(Fixtures.run(), out);
        String html = Files.readString(w.index());
        Summary s = RunFolder.read(Fixtures.run()).summary();

        for (String stem : stems(w)) {
            assertThat(html).contains("src=\"figures/" + stem + ".svg\"").contains("href=\"figures/" + stem + ".png\"");
        }
        Matcher m = IMG.matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
            assertThat(w.index().getParent().resolve(m.group(1))).isRegularFile();
        }
        assertThat(images).isEqualTo(stems(w).size());
        assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("@import");
        // The headline table carries the summary's own figures with their intervals.
        assertThat(html).contains(">" + Report.fmt(s.producerLatencyMs().p99()) + "<br><span class=\"ci\">["
                + Report.fmt(s.producerLatencyMs().ci95().get("p99")[0]) + ", ");
        assertThat(html).contains("broker-0").contains("Producer groups").contains("RequestQueueTimeMs");
        for (String note : w.notes()) {
            assertThat(html).contains(HtmlPage.esc(note));
        }
    }

    @Test
    void sameResultsGiveByteIdenticalFiles(@TempDir Path tmp) throws Exception {
        Report.Written a = Report.write(Fixtures.run(), tmp.resolve("a"));
        Report.Written b = Report.write(Fixtures.run(), tmp.resolve("b"));
        assertThat(stems(a)).isEqualTo(stems(b));
        for (int i = 0; i < a.figures().size(); i++) {
            assertThat(Files.readAllBytes(b.figures().get(i))).as(a.figures().get(i).toString())
                    .isEqualTo(Files.readAllBytes(a.figures().get(i)));
        }
        assertThat(Files.readString(b.index())).isEqualTo(Files.readString(a.index()));
        // No time-dependent ids (JFreeSVG's default prefix embeds System.nanoTime()).
        String svg = Files.readString(a.figures().get(0));
        assertThat(svg).contains("id='percentiles-latency-clip-0'");
    }

    @Test
    void phasedRunDrawsThePartitionUtilisationAndLagFigures(@TempDir Path out) throws Exception {
        Report.Written w = Report.write(Fixtures.phased(), out);
        assertThat(stems(w)).contains("partitions", "partitions-by-broker-audit", "partitions-by-broker-events",
                "utilisation", "consumer-lag", "percentiles-end-to-end-by-topic");
        assertThat(w.notes()).isEmpty();
        BufferedImage partitions = ImageIO.read(out.resolve("figures/partitions.png").toFile());
        assertThat(partitions.getHeight()).isEqualTo(720);
        // Horizontal text stays text in the SVG (rotated axis labels become outlines).
        assertThat(missing(out.resolve("figures/partitions.svg"), "p99 end-to-end latency over time",
                "partition replicas per broker (mean over brokers)", "topic events", "topic audit", "simulated time (s)"))
                .isEmpty();
        // The blog's figure: one line per broker in both panels.
        assertThat(missing(out.resolve("figures/partitions-by-broker-events.svg"),
                "p99 end-to-end latency by leader broker, topic events", "broker-0", "broker-1", "broker-2")).isEmpty();
        assertThat(missing(out.resolve("figures/utilisation.svg"), "broker-0", "broker-1", "broker-2")).isEmpty();
        assertThat(missing(out.resolve("figures/consumer-lag.svg"), "group readers", "group auditors")).isEmpty();
        String html = Files.readString(w.index());
        assertThat(html).contains("<h2>Phases</h2>").contains("<h2>Consumer groups</h2>");
    }

    @Test
    void sweepReportDrawsBarsDistributionsAndKingman(@TempDir Path out) throws Exception {
        Report.Written w = Report.write(Fixtures.sweep(), out);
        assertThat(stems(w)).contains("bars-producer", "percentiles-producer", "cdf-producer", "components", "kingman");
        String html = Files.readString(w.index());
        assertThat(html).contains("974 records/s").contains("3898 records/s");
        Path kingman = out.resolve("figures/kingman.svg");
        assertThat(missing(kingman, "request handler threads utilisation", "busy/idle", "simulated mean queueing delay"))
                .isEmpty();
        assertThat(Files.readString(kingman).contains("NaN")).as("NaN in kingman.svg").isFalse();
    }

    @Test
    void comparisonSetsRunsSideBySideUnderTheirLabels(@TempDir Path out) throws Exception {
        Map<String, Path> runs = new LinkedHashMap<>();
        runs.put("20% busy", Fixtures.sweep().resolve("points/00"));
        runs.put("80% busy", Fixtures.sweep().resolve("points/03"));
        Report.Written w = Report.writeComparison(out, runs);
        assertThat(stems(w)).containsExactly("bars-producer", "percentiles-producer", "cdf-producer", "components");
        assertThat(missing(out.resolve("figures/bars-producer.svg"), "20% busy", "80% busy", "p50", "p99")).isEmpty();
        assertThat(Files.readString(w.index())).contains("tailsim comparison: 20% busy vs 80% busy");
    }

    @Test
    void folderWithoutHistogramLogStillGetsTablesAndSummaryFigures(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("no-hlog"));
        Fixtures.copy(Fixtures.run().resolve(RunOutputs.SUMMARY_JSON), dir.resolve(RunOutputs.SUMMARY_JSON));
        Report.Written w = Report.write(dir);
        assertThat(stems(w)).containsExactly("bars-producer-by-topic", "components");
        assertThat(w.notes().get(0)).contains("no latency.hlog");
    }

    @Test
    void aFolderWithoutResultsIsRefusedWithItsName(@TempDir Path tmp) {
        assertThatThrownBy(() -> Report.write(tmp)).isInstanceOf(ResultFolderException.class)
                .hasMessageContaining(tmp.toString()).hasMessageContaining(RunOutputs.SUMMARY_JSON)
                .hasMessageContaining(SweepResult.SWEEP_JSON);
        assertThatThrownBy(() -> Report.writeComparison(tmp.resolve("out"), Map.of("x", tmp)))
                .isInstanceOf(ResultFolderException.class).hasMessageContaining("summary.json");
    }

    /** The strings the file does not contain (so a failure prints those, not the whole SVG). */
    static List<String> missing(Path file, String... needles) throws Exception {
        String text = Files.readString(file);
        return Arrays.stream(needles).filter(n -> !text.contains(HtmlPage.esc(n))).toList();
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // Never fetch the DTD the SVG declares: tests run offline.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }
}
