package io.tailsim.models.report;

import io.tailsim.core.stat.LatencyRecorder;

/**
 * Kafka's request metrics for one request type (kafka.network:type=RequestMetrics,
 * request=Produce|FetchFollower|FetchConsumer), as distributions:
 * RequestQueueTimeMs, LocalTimeMs, RemoteTimeMs, ResponseQueueTimeMs, ResponseSendTimeMs,
 * TotalTimeMs. Definitions are RequestChannel's (see {@code io.tailsim.models.broker.Request}).
 */
public final class RequestTimings {
    public static final String[] NAMES = {"RequestQueueTimeMs", "LocalTimeMs", "RemoteTimeMs",
            "ResponseQueueTimeMs", "ResponseSendTimeMs", "TotalTimeMs"};

    private final String request;
    private final LatencyRecorder[] recorders = new LatencyRecorder[NAMES.length];

    public RequestTimings(String request) {
        this.request = request;
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = new LatencyRecorder();
        }
    }

    /** The request type ("Produce", "FetchFollower", "FetchConsumer", "Metadata"). */
    public String request() {
        return request;
    }

    public void record(long requestQueue, long local, long remote, long responseQueue, long responseSend, long total) {
        recorders[0].record(requestQueue);
        recorders[1].record(local);
        recorders[2].record(remote);
        recorders[3].record(responseQueue);
        recorders[4].record(responseSend);
        recorders[5].record(total);
    }

    public LatencyRecorder requestQueueTime() {
        return recorders[0];
    }

    public LatencyRecorder localTime() {
        return recorders[1];
    }

    public LatencyRecorder remoteTime() {
        return recorders[2];
    }

    public LatencyRecorder responseQueueTime() {
        return recorders[3];
    }

    public LatencyRecorder responseSendTime() {
        return recorders[4];
    }

    public LatencyRecorder totalTime() {
        return recorders[5];
    }

    /** The recorder of metric {@code name} (one of {@link #NAMES}). */
    public LatencyRecorder get(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return recorders[i];
            }
        }
        throw new IllegalArgumentException("unknown request metric '" + name + "'");
    }

    public long count() {
        return recorders[5].count();
    }

    public void reset() {
        for (LatencyRecorder r : recorders) {
            r.reset();
        }
    }

    public void add(RequestTimings other) {
        for (int i = 0; i < recorders.length; i++) {
            recorders[i].add(other.recorders[i]);
        }
    }
}
