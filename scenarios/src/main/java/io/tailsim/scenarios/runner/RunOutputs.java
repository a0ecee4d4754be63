package io.tailsim.scenarios.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.tailsim.core.stat.IntervalSeries;
import io.tailsim.core.stat.LatencyRecorder;
import io.tailsim.models.report.RunResult;
import io.tailsim.models.report.RunSeries;
import io.tailsim.models.report.TopicRecorders;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.SeriesFile;
import io.tailsim.scenarios.result.Summary;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files a run leaves in its output folder: summary.json (the seam plots and reports read),
 * summary.csv (the same figures flattened to path,value rows), latency.hlog (each replication's
 * measured-window histograms per topic and component, as an HdrHistogram log), series.hlog (each
 * replication's latency per interval: tags rep-N/topic/producerLatency, rep-N/topic/endToEnd,
 * rep-N/topic/endToEnd/broker-B) and series.json (CPU, replicas and consumer lag per interval,
 * {@link SeriesFile}). Each is written to a temporary file and renamed, so none is ever half-written.
 */
public final class RunOutputs {
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String LATENCY_LOG = "latency.hlog";

    private RunOutputs() {
    }

    public static void write(Path dir, Summary summary, List<RunResult> replications) {
        ResultFiles.writeJson(dir.resolve(SUMMARY_JSON), summary);
        ResultFiles.writeString(dir.resolve(SUMMARY_CSV), csv(summary));
        ResultFiles.writeBytes(dir.resolve(LATENCY_LOG), histogramLog(replications));
        SeriesFile series = SeriesFile.of(replications);
        if (series != null) {
            ResultFiles.writeJson(dir.resolve(SeriesFile.JSON), series);
            ResultFiles.writeBytes(dir.resolve(SeriesFile.HLOG), seriesLog(replications));
        }
    }

    /** Every replication's interval series, tagged rep-N/<series tag>, in replication then tag order. */
    static byte[] seriesLog(List<RunResult> replications) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputComment("tailsim latency per interval in nanoseconds; tag = replication/topic/metric[/broker]");
            w.outputLogFormatVersion();
            w.outputStartTime(0);
            w.outputBaseTime(0);
            w.outputLegend();
            for (int r = 0; r < replications.size(); r++) {
                RunSeries s = replications.get(r).series();
                for (Map.Entry<String, IntervalSeries> e : new TreeMap<>(s.latency()).entrySet()) {
                    for (IntervalSeries.Interval in : e.getValue().intervals()) {
                        Histogram h = in.histogram();
                        h.setTag("rep-" + r + "/" + e.getKey());
                        w.outputIntervalHistogram(in.startNanos() / 1e9, in.endNanos() / 1e9, h, 1e6);
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Every leaf of summary.json as a "path,value" row; arrays index their elements. */
    public static String csv(Summary summary) {
        JsonNode root = ResultFiles.json().valueToTree(summary);
        StringBuilder sb = new StringBuilder("metric,value\n");
        flatten("", root, sb);
        return sb.toString();
    }

    private static void flatten(String path, JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            sorted.forEach((k, v) -> flatten(path.isEmpty() ? k : path + "." + k, v, sb));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                String key = child.has("name") ? child.get("name").asText() : Integer.toString(i);
                flatten(path + "[" + key + "]", child, sb);
            }
        } else if (!node.isNull()) {
            String value = node.isTextual() ? quote(node.asText()) : node.asText();
            sb.append(quote(path)).append(',').append(value).append('\n');
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** One tagged histogram per replication, topic and component, spanning the measured window. */
    static byte[] histogramLog(List<RunResult> replications) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputComment("tailsim latency histograms in nanoseconds; tag = replication/topic/metric");
            w.outputLogFormatVersion();
            w.outputLegend();
            for (int r = 0; r < replications.size(); r++) {
                RunResult res = replications.get(r);
                double end = res.simulatedNanos() / 1e9;
                double start = end - res.measuredNanos() / 1e9;
                for (TopicRecorders t : new TreeMap<>(res.topics()).values()) {
                    String prefix = String.format(Locale.ROOT, "rep-%d/%s/", r, t.topic());
                    write(w, start, end, prefix + "producerLatency", t.producerLatency);
                    write(w, start, end, prefix + "endToEnd", t.endToEnd);
                    write(w, start, end, prefix + "produce", t.produceTime);
                    write(w, start, end, prefix + "publish", t.publishTime);
                    write(w, start, end, prefix + "commit", t.commitTime);
                    write(w, start, end, prefix + "catchUp", t.catchUpTime);
                    write(w, start, end, prefix + "fetch", t.fetchTime);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void write(HistogramLogWriter w, double start, double end, String tag, LatencyRecorder r) {
        if (r.count() == 0) {
            return;
        }
        Histogram h = r.copyHistogram();
        h.setTag(tag);
        h.setStartTimeStamp(Math.round(start * 1000));
        h.setEndTimeStamp(Math.round(end * 1000));
        w.outputIntervalHistogram(start, end, h, 1e6);
    }
}
