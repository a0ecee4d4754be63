package io.tailsim.scenarios.runner;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.SweepPoint;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.scenarios.result.Summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sweep.json and sweep.csv: one row per sweep point, in the order the axes define (first axis
 * slowest), each with the point's values and its pooled summary. Each point's full result folder
 * is written under points/NN/.
 */
@JsonPropertyOrder({"scenario", "axes", "points"})
public record SweepResult(String scenario, List<String> axes, List<Point> points) {

    @JsonPropertyOrder({"index", "label", "values", "folder", "summary"})
    public record Point(int index, String label, Map<String, String> values, String folder, Summary summary) {
    }

    public static final String SWEEP_JSON = "sweep.json";
    public static final String SWEEP_CSV = "sweep.csv";

    static String folder(int index) {
        return String.format(Locale.ROOT, "points/%02d", index);
    }

    /** Runs every point (all replications of all points on one pool) and writes the folder. */
    public static SweepResult run(Scenario scenario, ScenarioRunner.Options options, Path dir) {
        List<SweepPoint> points = scenario.sweepPoints();
        List<Scenario> at = points.stream().map(scenario::at).toList();
        List<ScenarioRunner.Outcome> outcomes = new ScenarioRunner().runAll(at, options);
        List<Point> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            p.assignments().forEach(a -> values.put(a.key(), a.valueText()));
            ScenarioRunner.Outcome o = outcomes.get(i);
            RunOutputs.write(dir.resolve(folder(i)), o.summary(), o.replications());
            rows.add(new Point(i, p.label(), values, folder(i), o.summary()));
        }
        List<String> axes = scenario.sweepAxes().stream().map(a -> a.key()).toList();
        SweepResult result = new SweepResult(scenario.name(), axes, rows);
        ResultFiles.writeJson(dir.resolve(SWEEP_JSON), result);
        ResultFiles.writeString(dir.resolve(SWEEP_CSV), result.csv());
        return result;
    }

    /** One row per point: axis values, then the headline figures. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        for (String a : axes) {
            sb.append(a).append(',');
        }
        sb.append("producer.p50,producer.p95,producer.p99,producer.p99.9,endToEnd.p50,endToEnd.p99,"
                + "throughputMBps,produceRequestsPerSec,maxBrokerCpu,meanRequestQueueTimeMs\n");
        for (Point p : points) {
            for (String a : axes) {
                sb.append(p.values().get(a)).append(',');
            }
            Summary s = p.summary();
            LatencyStats pl = s.producerLatencyMs();
            LatencyStats e2e = s.endToEndLatencyMs();
            double maxCpu = s.brokers().stream().mapToDouble(b -> b.cpuUtilization()).max().orElse(Double.NaN);
            LatencyStats rq = s.requestMetrics().getOrDefault("Produce", Map.of()).get("RequestQueueTimeMs");
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%.4f,%.2f,%.4f,%s%n",
                    num(pl.get("p50")), num(pl.get("p95")), num(pl.get("p99")), num(pl.get("p99.9")),
                    num(e2e.get("p50")), num(e2e.get("p99")), s.throughputMBps(), s.produceRequestsPerSec(), maxCpu,
                    rq == null ? "" : num(rq.get("mean"))));
        }
        return sb.toString();
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.4f", x);
    }
}
