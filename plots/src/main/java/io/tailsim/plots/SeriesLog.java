package io.tailsim.plots;

import io.tailsim.core.stat.IntervalSeries;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * series.hlog read back: per-interval latency histograms, one series per replication and tag
 * "rep-&lt;r&gt;/&lt;topic&gt;/&lt;metric&gt;[/&lt;broker&gt;]" (metrics producerLatency and endToEnd; with a
 * broker, end-to-end latency of the records whose partition that broker leads).
 */
final class SeriesLog {
    private final Map<String, IntervalSeries> byTag;

    private SeriesLog(Map<String, IntervalSeries> byTag) {
        this.byTag = byTag;
    }

    static SeriesLog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new SeriesLog(IntervalSeries.readLogs(in));
        } catch (IOException e) {
            throw new ResultFolderException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ResultFolderException(file + " is not a readable interval log: " + e.getMessage(), e);
        }
    }

    /** Tags without their replication prefix, sorted. */
    TreeSet<String> tags() {
        TreeSet<String> out = new TreeSet<>();
        for (String t : byTag.keySet()) {
            int slash = t.indexOf('/');
            if (t.startsWith("rep-") && slash > 0) {
                out.add(t.substring(slash + 1));
            }
        }
        return out;
    }

    /** The series tagged {@code tag} in each replication that has it, in replication order. */
    List<IntervalSeries> perReplication(String tag, int replications) {
        List<IntervalSeries> out = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            IntervalSeries s = byTag.get("rep-" + r + "/" + tag);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
