package io.tailsim.validation.metrics;

import java.util.List;

/**
 * What a broker thread does, by its name, in the terms of the simulator's CPU costs: network threads (network-thread-per-request
 * and per-response), request handlers (per-request, per-KiB, per-partition, fetch sessions, purgatory completions), replica
 * fetchers (replica-fetcher-per-response), and every other Java thread (KRaft controller, log cleaner, schedulers). GC and JIT
 * threads are not Java threads: their share is the process's CPU less all of these.
 */
public enum ThreadClass {
    NETWORK("network", List.of("data-plane-kafka-network-thread-")),
    REQUEST_HANDLER("requestHandler", List.of("data-plane-kafka-request-handler-")),
    REPLICA_FETCHER("replicaFetcher", List.of("ReplicaFetcherThread-")),
    OTHER_JAVA("otherJava", List.of());

    private final String metricName;
    private final List<String> prefixes;

    ThreadClass(String metricName, List<String> prefixes) {
        this.metricName = metricName;
        this.prefixes = prefixes;
    }

    public String metricName() {
        return metricName;
    }

    public static ThreadClass of(String threadName) {
        for (ThreadClass c : values())
            for (String p : c.prefixes)
                if (threadName.startsWith(p)) return c;
        return OTHER_JAVA;
    }
}
