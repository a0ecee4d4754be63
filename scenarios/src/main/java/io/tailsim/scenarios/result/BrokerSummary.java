package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.BrokerResult;
import io.tailsim.models.report.RunResult;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One broker's resource use over the measured window, pooled over replications. */
@JsonPropertyOrder({"name", "cpuUtilization", "cpuUtilizationCi95", "networkThreadUtilization",
        "requestHandlerUtilization", "replicaFetcherUtilization", "nicTxUtilization", "nicRxUtilization",
        "diskUtilization", "meanRequestQueueLength", "requestsPerSec", "threadWakeupsPerSec", "cpuPressureSome", "threadRunQueueWaitCores",
        "threadPreemptionsPerSec", "threadCpuCores", "gcPausesPerSec", "gcPauseMsMean"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrokerSummary(
        String name,
        double cpuUtilization,
        double[] cpuUtilizationCi95,
        double networkThreadUtilization,
        double requestHandlerUtilization,
        double replicaFetcherUtilization,
        double nicTxUtilization,
        double nicRxUtilization,
        double diskUtilization,
        double meanRequestQueueLength,
        Map<String, Double> requestsPerSec,
        Map<String, Double> threadWakeupsPerSec,
        Double cpuPressureSome,
        Map<String, Double> threadRunQueueWaitCores,
        Map<String, Double> threadPreemptionsPerSec,
        Map<String, Double> threadCpuCores,
        Double gcPausesPerSec,
        Double gcPauseMsMean) {

    /** Broker {@code index} of every replication (brokers are identical in number and order across them). */
    public static BrokerSummary of(List<RunResult> reps, int index) {
        List<BrokerResult> b = reps.stream().map(r -> r.brokers().get(index)).toList();
        Estimate cpu = Estimate.of(b, BrokerResult::cpuUtilisation);
        Map<String, Double> rates = new TreeMap<>();
        TreeSet<String> types = new TreeSet<>();
        b.forEach(x -> types.addAll(x.requestRates().keySet()));
        for (String t : types) {
            rates.put(t, Estimate.of(b, x -> x.requestRate(t)).orNaN());
        }
        Map<String, Double> wakeups = new java.util.LinkedHashMap<>();
        for (String cls : b.get(0).threadWakeupsPerSec().keySet()) {
            wakeups.put(cls, Estimate.of(b, x -> x.threadWakeupsPerSec().getOrDefault(cls, Double.NaN)).orNaN());
        }
        Map<String, Double> waits = byClass(b, BrokerResult::threadRunQueueWaitCores);
        Map<String, Double> preemptions = byClass(b, BrokerResult::threadPreemptionsPerSec);
        Map<String, Double> threadCpu = byClass(b, BrokerResult::threadCpuCores);
        return new BrokerSummary(b.get(0).name(), cpu.orNaN(), cpu.ci95(),
                mean(b, BrokerResult::networkThreadUtilisation),
                mean(b, BrokerResult::handlerThreadUtilisation),
                mean(b, BrokerResult::replicaFetcherUtilisation),
                mean(b, BrokerResult::nicTxUtilisation),
                mean(b, BrokerResult::nicRxUtilisation),
                mean(b, BrokerResult::diskUtilisation),
                mean(b, BrokerResult::meanRequestQueueLength),
                rates, wakeups.isEmpty() ? null : wakeups, nullIfNaN(mean(b, BrokerResult::cpuPressureSome)),
                waits.isEmpty() ? null : waits, preemptions.isEmpty() ? null : preemptions,
                threadCpu.isEmpty() ? null : threadCpu, nullIfNaN(mean(b, BrokerResult::gcPausesPerSec)),
                nullIfNaN(mean(b, BrokerResult::gcPauseMsMean)));
    }

    /** A per-thread-class figure pooled over replications, by class name; classes the model leaves NaN are left out. */
    private static Map<String, Double> byClass(List<BrokerResult> b, java.util.function.Function<BrokerResult, Map<String, Double>> f) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String cls : new TreeSet<>(f.apply(b.get(0)).keySet())) {
            double v = Estimate.of(b, x -> f.apply(x).getOrDefault(cls, Double.NaN)).orNaN();
            if (!Double.isNaN(v)) {
                out.put(cls, v);
            }
        }
        return out;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double mean(List<BrokerResult> b, java.util.function.ToDoubleFunction<BrokerResult> f) {
        return Estimate.of(b, f).orNaN();
    }
}
