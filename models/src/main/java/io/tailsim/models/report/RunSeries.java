package io.tailsim.models.report;

import io.tailsim.core.stat.IntervalSeries;

import java.util.List;
import java.util.Map;

/**
 * Time series of one run over its measured window, in intervals of {@code intervalNanos} from
 * {@code originNanos} (the warm-up end; the last interval may be shorter). Latency series are
 * HdrHistogram interval series tagged "topic/producerLatency", "topic/endToEnd" and
 * "topic/endToEnd/broker-N" (records whose partition broker N leads); the other series hold one
 * value per interval, index-aligned with the latency series' intervals.
 *
 * @param brokerCpu          per broker (in broker order), its host's CPU utilisation in each interval
 * @param replicasPerBroker  per broker, its partition replicas at the end of each interval
 * @param consumerLag        per consumer group, its lag (records committed and not yet handed out) averaged
 *                           over each interval
 */
public record RunSeries(
        long originNanos,
        long intervalNanos,
        Map<String, IntervalSeries> latency,
        List<String> brokers,
        List<double[]> brokerCpu,
        List<int[]> replicasPerBroker,
        Map<String, double[]> consumerLag) {

    public RunSeries {
        latency = Map.copyOf(latency);
        brokers = List.copyOf(brokers);
        brokerCpu = List.copyOf(brokerCpu);
        replicasPerBroker = List.copyOf(replicasPerBroker);
        consumerLag = Map.copyOf(consumerLag);
    }

    public static String producerLatencyTag(String topic) {
        return topic + "/producerLatency";
    }

    public static String endToEndTag(String topic) {
        return topic + "/endToEnd";
    }

    public static String endToEndTag(String topic, String broker) {
        return topic + "/endToEnd/" + broker;
    }

    /** Intervals in the series. */
    public int intervals() {
        return brokerCpu.isEmpty() ? 0 : brokerCpu.get(0).length;
    }
}
