package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RequestWindowTest {
    private static BrokerJmxSnapshot snap(int node, double seconds, Map<String, HistogramSample> times, Map<String, Long> counts,
                                          Long idle, long gcCount, long gcMs) {
        return new BrokerJmxSnapshot(node, (long) (seconds * 1e9), times, counts, idle, gcCount, gcMs, Map.of(), Map.of(), Map.of());
    }

    @Test
    void windowMeanIsTheDeltaOfSumsOverTheDeltaOfCountsAcrossBrokers() {
        // Broker 1: 100 produces at mean 4 before, 300 at mean 5 after: the window's 200 summed 1500 - 400 = 1100.
        // Broker 2: 50 at mean 2 before, 150 at mean 3 after: 100 summed 450 - 100 = 350. Window mean = 1450 / 300.
        List<BrokerJmxSnapshot> before = List.of(
                snap(1, 100, Map.of("Produce.TotalTimeMs", new HistogramSample(100, 4.0)), Map.of("Produce", 100L), 1_000L, 3, 30),
                snap(2, 100, Map.of("Produce.TotalTimeMs", new HistogramSample(50, 2.0)), Map.of("Produce", 50L), 2_000L, 4, 40));
        List<BrokerJmxSnapshot> after = List.of(
                snap(1, 110, Map.of("Produce.TotalTimeMs", new HistogramSample(300, 5.0)), Map.of("Produce", 300L), 1_000L + 9_000_000_000L, 5, 70),
                snap(2, 110, Map.of("Produce.TotalTimeMs", new HistogramSample(150, 3.0)), Map.of("Produce", 150L), 2_000L + 8_000_000_000L, 4, 40));

        RequestWindow w = RequestWindow.between(before, after);

        assertThat(w.meansMs().get("Produce").get("TotalTimeMs")).isCloseTo(1450.0 / 300, within(1e-12));
        assertThat(w.requestCounts()).containsEntry("Produce", 300L);
        assertThat(w.requestsPerSec().get("Produce")).isCloseTo(30.0, within(1e-9));
        assertThat(w.handlerIdleFraction()).isCloseTo(0.85, within(1e-9));
        assertThat(w.gcCollections()).isEqualTo(2);
        assertThat(w.gcTimeMs()).isEqualTo(40);
        assertThat(w.seconds()).isCloseTo(10, within(1e-9));
    }

    @Test
    void aComponentWithNoRequestsInTheWindowIsAbsentNotZero() {
        Map<String, HistogramSample> same = new HashMap<>();
        same.put("FetchConsumer.TotalTimeMs", new HistogramSample(7, 500.0));
        same.put("Produce.TotalTimeMs", new HistogramSample(10, 1.0));
        Map<String, HistogramSample> later = new HashMap<>(same);
        later.put("Produce.TotalTimeMs", new HistogramSample(12, 1.5));
        RequestWindow w = RequestWindow.between(
                List.of(snap(1, 0, same, Map.of(), null, 0, 0)),
                List.of(snap(1, 1, later, Map.of(), null, 0, 0)));
        assertThat(w.meansMs()).containsOnlyKeys("Produce");
        assertThat(w.meansMs().get("Produce").get("TotalTimeMs")).isCloseTo((18.0 - 10.0) / 2, within(1e-12));
        assertThat(w.handlerIdleFraction()).isNull();
        assertThat(RequestWindow.windowMean(List.of(), List.of(), "Produce.TotalTimeMs")).isNull();
    }

    @Test
    void recentP99IsTheBrokersEndOfWindowPercentileWeighedByTheirWindowRequests() {
        // broker 1 served 200 produces in the window and ends with a p99 of 8 ms, broker 2 served 100 and ends with 5 ms
        List<BrokerJmxSnapshot> before = List.of(
                snap(1, 0, Map.of("Produce.TotalTimeMs", new HistogramSample(100, 4.0, 30.0)), Map.of(), null, 0, 0),
                snap(2, 0, Map.of("Produce.TotalTimeMs", new HistogramSample(50, 2.0, 30.0)), Map.of(), null, 0, 0));
        List<BrokerJmxSnapshot> after = List.of(
                snap(1, 10, Map.of("Produce.TotalTimeMs", new HistogramSample(300, 5.0, 8.0)), Map.of(), null, 0, 0),
                snap(2, 10, Map.of("Produce.TotalTimeMs", new HistogramSample(150, 3.0, 5.0)), Map.of(), null, 0, 0));
        RequestWindow w = RequestWindow.between(before, after);
        assertThat(w.recentP99sMs().get("Produce").get("TotalTimeMs")).isCloseTo((200 * 8.0 + 100 * 5.0) / 300, within(1e-12));
        // snapshots without the attribute (NaN) give no figure
        RequestWindow none = RequestWindow.between(
                List.of(snap(1, 0, Map.of("Produce.TotalTimeMs", new HistogramSample(1, 1.0)), Map.of(), null, 0, 0)),
                List.of(snap(1, 1, Map.of("Produce.TotalTimeMs", new HistogramSample(2, 1.0)), Map.of(), null, 0, 0)));
        assertThat(none.recentP99sMs()).isEmpty();
    }
}
