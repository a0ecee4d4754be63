package io.tailsim.models.report;

import io.tailsim.core.stat.LatencyRecorder;

/**
 * Per-record latency recorders of one topic: producer latency (send() to acknowledgement) and the
 * components of end-to-end latency (the latency blog's five), each recorded when it becomes known.
 * Catch-up, fetch and end-to-end stay empty until consumers exist (issue 4).
 */
public final class TopicRecorders {
    private final String topic;
    public final LatencyRecorder producerLatency = new LatencyRecorder();
    public final LatencyRecorder produceTime = new LatencyRecorder();
    public final LatencyRecorder publishTime = new LatencyRecorder();
    public final LatencyRecorder commitTime = new LatencyRecorder();
    public final LatencyRecorder catchUpTime = new LatencyRecorder();
    public final LatencyRecorder fetchTime = new LatencyRecorder();
    public final LatencyRecorder endToEnd = new LatencyRecorder();
    /** Records and payload bytes (key + value) acknowledged. */
    public long recordsAcked;
    public long bytesAcked;

    public TopicRecorders(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    public void reset() {
        producerLatency.reset();
        produceTime.reset();
        publishTime.reset();
        commitTime.reset();
        catchUpTime.reset();
        fetchTime.reset();
        endToEnd.reset();
        recordsAcked = 0;
        bytesAcked = 0;
    }
}
