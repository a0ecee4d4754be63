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
    /** Each request's times rounded to whole milliseconds and summed: what Kafka's histograms hold (RequestChannel). */
    private final long[] roundedMsSums = new long[NAMES.length];

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
        roundedMsSums[0] += kafkaMs(requestQueue);
        roundedMsSums[1] += kafkaMs(local);
        roundedMsSums[2] += kafkaMs(remote);
        roundedMsSums[3] += kafkaMs(responseQueue);
        roundedMsSums[4] += kafkaMs(responseSend);
        roundedMsSums[5] += kafkaMs(total);
    }

    /** RequestChannel.updateRequestMetrics: histogram.update(Math.round(ms)), negative times as zero. */
    static long kafkaMs(long nanos) {
        return Math.round(Math.max(nanos, 0) / 1e6);
    }

    /**
     * Sum over the recorded requests of metric {@code name} rounded to whole milliseconds, as Kafka records each request:
     * its mean is what the Mean of Kafka's histogram reads, which for times well under a millisecond is far from the mean
     * of the times themselves.
     */
    public long roundedMsSum(String name) {
        return roundedMsSums[index(name)];
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
        return recorders[index(name)];
    }

    private static int index(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
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
        java.util.Arrays.fill(roundedMsSums, 0);
    }

    public void add(RequestTimings other) {
        for (int i = 0; i < recorders.length; i++) {
            recorders[i].add(other.recorders[i]);
            roundedMsSums[i] += other.roundedMsSums[i];
        }
    }
}
