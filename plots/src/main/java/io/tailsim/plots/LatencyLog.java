package io.tailsim.plots;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * latency.hlog read back: one histogram (ns) per replication, topic and metric, from tags
 * "rep-&lt;r&gt;/&lt;topic&gt;/&lt;metric&gt;". Metrics are the run's: producerLatency, endToEnd,
 * produce, publish, commit, catchUp, fetch. Empty recorders are not written, so a missing metric
 * means nothing was measured.
 */
public final class LatencyLog {
    private final TreeMap<Integer, Map<String, Map<String, Histogram>>> byRep;

    private LatencyLog(TreeMap<Integer, Map<String, Map<String, Histogram>>> byRep) {
        this.byRep = byRep;
    }

    public static LatencyLog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            TreeMap<Integer, Map<String, Map<String, Histogram>>> byRep = new TreeMap<>();
            EncodableHistogram eh;
            while ((eh = reader.nextIntervalHistogram()) != null) {
                if (!(eh instanceof Histogram h)) {
                    throw new ResultFolderException(file + ": expected integer histograms, found " + eh.getClass().getSimpleName());
                }
                String tag = h.getTag();
                int first = tag == null ? -1 : tag.indexOf('/');
                int last = tag == null ? -1 : tag.lastIndexOf('/');
                if (first < 0 || last <= first || !tag.startsWith("rep-")) {
                    throw new ResultFolderException(file + ": histogram tag '" + tag + "' is not rep-<r>/<topic>/<metric>");
                }
                int rep;
                try {
                    rep = Integer.parseInt(tag.substring(4, first));
                } catch (NumberFormatException e) {
                    throw new ResultFolderException(file + ": histogram tag '" + tag + "' has no replication number", e);
                }
                byRep.computeIfAbsent(rep, r -> new TreeMap<>())
                        .computeIfAbsent(tag.substring(first + 1, last), t -> new TreeMap<>())
                        .merge(tag.substring(last + 1), h, LatencyLog::merged);
            }
            return new LatencyLog(byRep);
        } catch (IOException e) {
            throw new ResultFolderException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof ResultFolderException) {
                throw e;
            }
            throw new ResultFolderException(file + " is not a readable HdrHistogram log: " + e, e);
        }
    }

    public int replications() {
        return byRep.size();
    }

    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        byRep.values().forEach(m -> topics.addAll(m.keySet()));
        return topics;
    }

    /**
     * One histogram per replication for {@code metric}, over one topic or (topic null) all topics
     * merged. Replications that recorded nothing for it are left out.
     */
    public List<Histogram> perReplication(String metric, String topic) {
        List<Histogram> out = new ArrayList<>();
        for (Map<String, Map<String, Histogram>> topics : byRep.values()) {
            Histogram sum = null;
            for (Map.Entry<String, Map<String, Histogram>> t : topics.entrySet()) {
                Histogram h = t.getValue().get(metric);
                if (h != null && (topic == null || topic.equals(t.getKey()))) {
                    sum = sum == null ? merged(null, h) : merged(sum, h);
                }
            }
            if (sum != null && sum.getTotalCount() > 0) {
                out.add(sum);
            }
        }
        return out;
    }

    // Auto-resizing copies: decoded histograms carry their own ranges, which add() would otherwise enforce.
    private static Histogram merged(Histogram a, Histogram b) {
        Histogram sum = new Histogram(b.getNumberOfSignificantValueDigits());
        sum.setAutoResize(true);
        if (a != null) {
            sum.add(a);
        }
        sum.add(b);
        return sum;
    }
}
