package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.RunResult;
import io.tailsim.models.report.RunSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * series.json: the per-interval figures of each replication that are not latency histograms (those
 * are in series.hlog): each broker's CPU utilisation and replica count, each consumer group's
 * time-average lag (records committed and not yet handed to the application).
 * Interval k spans [origin + k x interval, origin + (k+1) x interval), the last possibly shorter,
 * as in series.hlog.
 */
@JsonPropertyOrder({"originSeconds", "intervalSeconds", "replications"})
public record SeriesFile(double originSeconds, double intervalSeconds, List<Replication> replications) {
    public static final String JSON = "series.json";
    public static final String HLOG = "series.hlog";

    @JsonPropertyOrder({"brokers", "consumerLag"})
    public record Replication(List<BrokerSeries> brokers, Map<String, double[]> consumerLag) {
    }

    /** One broker: its host's CPU utilisation (0..1) and its partition replicas, per interval. */
    @JsonPropertyOrder({"name", "cpuUtilization", "replicas"})
    public record BrokerSeries(String name, double[] cpuUtilization, int[] replicas) {
    }

    /** Null when no replication carries series. */
    public static SeriesFile of(List<RunResult> reps) {
        if (reps.isEmpty() || reps.stream().anyMatch(r -> r.series() == null)) {
            return null;
        }
        RunSeries first = reps.get(0).series();
        List<Replication> out = new ArrayList<>();
        for (RunResult r : reps) {
            RunSeries s = r.series();
            List<BrokerSeries> brokers = new ArrayList<>();
            for (int b = 0; b < s.brokers().size(); b++) {
                brokers.add(new BrokerSeries(s.brokers().get(b), s.brokerCpu().get(b), s.replicasPerBroker().get(b)));
            }
            out.add(new Replication(brokers, new LinkedHashMap<>(s.consumerLag())));
        }
        return new SeriesFile(first.originNanos() / 1e9, first.intervalNanos() / 1e9, out);
    }
}
