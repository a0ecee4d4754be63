package io.tailsim.validation.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broker request metrics over a window, from cumulative snapshots taken before and after it. Kafka's request histograms are
 * cumulative since start and their percentiles recency-weighted, but their Count and Mean give the exact sum, so the window
 * mean of a time component over all brokers is sum(after.sum - before.sum) / sum(after.count - before.count). Kafka
 * records these times rounded to whole milliseconds.
 *
 * @param meansMs            request to time component to window mean (ms); a request without any in the window is absent
 * @param requestsPerSec     request to cluster-wide rate in the window
 * @param handlerIdleFraction mean over brokers of the request handler pool's idle fraction; null if unavailable
 * @param gcCollections      collections in all broker JVMs in the window
 * @param gcTimeMs           their time
 * @param threadCpuCores     thread class to CPU of the brokers' Java threads of that class, cores summed over brokers
 * @param threadWakeupsPerSec     thread class to voluntary context switches (each one a sleep and a later wake-up) of those
 *                                threads per second, summed over brokers; only threads alive at both edges of the window
 *                                count; empty without /proc
 * @param threadPreemptionsPerSec likewise, nonvoluntary context switches (preempted while runnable)
 * @param threadRunQueueWaitCores  thread class to the time those threads spent runnable waiting for a CPU (schedstat), in
 *                                 cores summed over brokers; empty without /proc schedstat
 * @param recentP99sMs       request to time component to the brokers' 99thPercentile at the window's end, their mean weighed
 *                           by each broker's requests in the window; not the window's p99 (MeasuredRun#requestTimeRecentP99Ms);
 *                           absent where no broker gave one
 */
public record RequestWindow(Map<String, Map<String, Double>> meansMs, Map<String, Double> requestsPerSec, Map<String, Long> requestCounts,
                            Double handlerIdleFraction, long gcCollections, long gcTimeMs, double seconds,
                            Map<String, Double> topicMetersPerSec, Map<String, Double> threadCpuCores,
                            Map<String, Double> threadWakeupsPerSec, Map<String, Double> threadPreemptionsPerSec,
                            Map<String, Double> threadRunQueueWaitCores, Map<String, Map<String, Double>> recentP99sMs) {

    public static RequestWindow between(List<BrokerJmxSnapshot> before, List<BrokerJmxSnapshot> after) {
        Map<Integer, BrokerJmxSnapshot> b = new LinkedHashMap<>();
        for (BrokerJmxSnapshot s : before) b.put(s.nodeId(), s);
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        Map<String, Map<String, Double>> p99s = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        double seconds = 0;
        int paired = 0;
        double idleSum = 0;
        int idleBrokers = 0;
        long gcCount = 0, gcTime = 0;
        Map<String, Long> meters = new LinkedHashMap<>();
        Map<String, Double> threadCores = new LinkedHashMap<>();
        Map<String, Double> wakeups = new LinkedHashMap<>();
        Map<String, Double> preemptions = new LinkedHashMap<>();
        Map<String, Double> runQueueWaits = new LinkedHashMap<>();
        for (BrokerJmxSnapshot a : after) {
            BrokerJmxSnapshot s = b.get(a.nodeId());
            if (s == null) continue;
            double sec = (a.nanoTime() - s.nanoTime()) / 1e9;
            seconds += sec;
            paired++;
            if (a.handlerIdleNanos() != null && s.handlerIdleNanos() != null && sec > 0) {
                idleSum += (a.handlerIdleNanos() - s.handlerIdleNanos()) / (sec * 1e9);
                idleBrokers++;
            }
            gcCount += a.gcCount() - s.gcCount();
            gcTime += a.gcTimeMs() - s.gcTimeMs();
            a.requestCounts().forEach((req, c) -> counts.merge(req, c - s.requestCounts().getOrDefault(req, 0L), Long::sum));
            a.topicMeterCounts().forEach((m, c) -> {
                if (s.topicMeterCounts().containsKey(m)) meters.merge(m, c - s.topicMeterCounts().get(m), Long::sum);
            });
            if (sec > 0 && !a.compilerTicks().isEmpty())
                threadCores.merge(JmxProbe.JIT, CompilerThreads.nanosBetween(s.compilerTicks(), a.compilerTicks(),
                        ProcStat.clockTicksPerSecond()) / (sec * 1e9), Double::sum);
            if (sec > 0)
                a.threadCpuNanos().forEach((cls, n) -> {
                    if (s.threadCpuNanos().containsKey(cls)) threadCores.merge(cls, (n - s.threadCpuNanos().get(cls)) / (sec * 1e9), Double::sum);
                });
            ThreadSwitches.perSecond(s.threadSwitches(), a.threadSwitches(), sec, true).forEach((cls, r) -> wakeups.merge(cls, r, Double::sum));
            ThreadSwitches.perSecond(s.threadSwitches(), a.threadSwitches(), sec, false).forEach((cls, r) -> preemptions.merge(cls, r, Double::sum));
            ThreadSwitches.runQueueWaitCores(s.threadSwitches(), a.threadSwitches(), sec).forEach((cls, w) -> runQueueWaits.merge(cls, w, Double::sum));
        }
        if (paired == 0) throw new IllegalArgumentException("no broker has snapshots on both sides of the window");
        seconds /= paired;
        for (String request : JmxProbe.REQUESTS) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String name : JmxProbe.TIMES) {
                Double mean = windowMean(before, after, request + "." + name);
                if (mean != null) m.put(name, mean);
            }
            if (!m.isEmpty()) means.put(request, m);
            Map<String, Double> q = new LinkedHashMap<>();
            for (String name : JmxProbe.TIMES) {
                Double p99 = recentP99(before, after, request + "." + name);
                if (p99 != null) q.put(name, p99);
            }
            if (!q.isEmpty()) p99s.put(request, q);
        }
        final double sec = seconds;
        counts.forEach((req, c) -> rates.put(req, c / sec));
        Map<String, Double> meterRates = new LinkedHashMap<>();
        meters.forEach((m, c) -> meterRates.put(m, c / sec));
        return new RequestWindow(means, rates, counts, idleBrokers == 0 ? null : idleSum / idleBrokers, gcCount, gcTime, seconds,
                meterRates, threadCores, wakeups, preemptions, runQueueWaits, p99s);
    }

    /** The brokers' recent 99th percentiles of one histogram at the window's end, weighed by their counts in the window. */
    static Double recentP99(List<BrokerJmxSnapshot> before, List<BrokerJmxSnapshot> after, String key) {
        long count = 0;
        double sum = 0;
        for (HistogramSample[] ba : paired(before, after, key)) {
            if (Double.isNaN(ba[1].p99())) continue;
            long n = ba[1].count() - ba[0].count();
            count += n;
            sum += n * ba[1].p99();
        }
        return count > 0 ? sum / count : null;
    }

    /** The window mean of one histogram over all brokers; null when no broker recorded any in the window. */
    static Double windowMean(List<BrokerJmxSnapshot> before, List<BrokerJmxSnapshot> after, String key) {
        long count = 0;
        double sum = 0;
        for (HistogramSample[] ba : paired(before, after, key)) {
            count += ba[1].count() - ba[0].count();
            sum += ba[1].sum() - ba[0].sum();
        }
        return count > 0 ? sum / count : null;
    }

    /** One histogram's samples {before, after} of each broker that has it at both edges of the window. */
    private static List<HistogramSample[]> paired(List<BrokerJmxSnapshot> before, List<BrokerJmxSnapshot> after, String key) {
        Map<Integer, HistogramSample> b = new LinkedHashMap<>();
        for (BrokerJmxSnapshot s : before) {
            HistogramSample h = s.requestTimes().get(key);
            if (h != null) b.put(s.nodeId(), h);
        }
        List<HistogramSample[]> pairs = new java.util.ArrayList<>();
        for (BrokerJmxSnapshot a : after) {
            HistogramSample ha = a.requestTimes().get(key);
            HistogramSample hb = b.get(a.nodeId());
            if (ha != null && hb != null) pairs.add(new HistogramSample[] {hb, ha});
        }
        return pairs;
    }
}
