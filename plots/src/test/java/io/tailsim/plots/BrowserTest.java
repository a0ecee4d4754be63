package io.tailsim.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens a report in headless Chromium (Debian's chromium package; .ci/run installs it) and checks
 * that every figure loaded from disk, then saves a screenshot to target/report-screenshot.png.
 * Without Chromium the test fails rather than skips: CI must exercise the page.
 */
class BrowserTest {
    static final Path SCREENSHOT = Path.of("target/report-screenshot.png");
    private static final String PROBE = "figures/no-such-figure.svg";
    // Runs on load and writes each image's natural size into the DOM that --dump-dom prints.
    private static final String MARKER = "<img id=\"probe\" src=\"" + PROBE + "\" alt=\"\">\n<script>\n"
            + "window.addEventListener('load', function () {\n"
            + "  var imgs = document.images, out = [];\n"
            + "  for (var i = 0; i < imgs.length; i++) out.push(imgs[i].getAttribute('src') + '=' + imgs[i].naturalWidth + 'x' + imgs[i].naturalHeight);\n"
            + "  document.body.setAttribute('data-figures', out.join(';'));\n"
            + "});\n</script>\n";

    @Test
    void everyFigureLoadsInHeadlessChromium(@TempDir Path profile) throws Exception {
        String chromium = chromium();
        Path out = Fixtures.fresh("browser");
        Report.Written w = Report.write(Fixtures.phased(), out);
        List<String> stems = ReportTest.stems(w);
        assertThat(stems).contains("partitions", "utilisation", "components", "percentiles-latency");

        String html = Files.readString(w.index());
        Path check = out.resolve("check.html");
        Files.writeString(check, html.replace("</body>", MARKER + "</body>"));
        String dom = run(chromium, profile.resolve("dump"), "--virtual-time-budget=5000", "--dump-dom",
                check.toUri().toString());
        Matcher m = Pattern.compile("data-figures=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("the page's load script ran; DOM was:%n%s", dom).isTrue();
        Map<String, String> sizes = new LinkedHashMap<>();
        for (String item : m.group(1).split(";")) {
            int eq = item.lastIndexOf('=');
            sizes.put(item.substring(0, eq), item.substring(eq + 1));
        }
        for (String stem : stems) {
            Figure expected = stem.startsWith("partitions") ? new Figure(stem, "", "", null, Figure.WIDTH, 720)
                    : Figure.of(stem, "", "", null);
            assertThat(sizes).as(stem).containsEntry("figures/" + stem + ".svg", expected.width() + "x" + expected.height());
        }
        // The check itself can fail: an image that is not there has no natural size.
        assertThat(sizes).containsEntry(PROBE, "0x0").hasSize(stems.size() + 1);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        run(chromium, profile.resolve("shot"), "--hide-scrollbars", "--window-size=1100,2400",
                "--screenshot=" + SCREENSHOT.toAbsolutePath(), w.index().toUri().toString());
        BufferedImage shot = ImageIO.read(SCREENSHOT.toFile());
        assertThat(shot.getWidth()).isEqualTo(1100);
        assertThat(shot.getHeight()).isEqualTo(2400);
    }

    static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return fail("headless Chromium is needed to check the HTML report: install Debian's 'chromium' package "
                + "(apt-get install -y chromium; .ci/run does this)");
    }

    /** Runs Chromium headless with a fresh profile and no network chatter; returns its stdout. */
    static String run(String chromium, Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path stderr = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 60 s");
        }
        String err = Files.readString(stderr);
        Files.delete(stderr);
        assertThat(p.exitValue()).as("chromium exit code; stderr:%n%s", err).isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
