package io.tailsim.models.report;

import io.tailsim.core.stat.LatencyRecorder;
import org.HdrHistogram.Histogram;

/**
 * Per-record latency recorders of one topic: producer latency (send() to acknowledgement) and the
 * components of end-to-end latency (the latency blog's five), each recorded when it becomes known.
 * Produce, publish and commit are recorded once per record; catch-up, fetch and end-to-end once per
 * record and consumer group reading the topic.
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

    /** Every recorder of this topic, in a fixed order (copies and differences walk them together). */
    private LatencyRecorder[] all() {
        return new LatencyRecorder[] {producerLatency, produceTime, publishTime, commitTime, catchUpTime, fetchTime,
                endToEnd};
    }

    /** A deep copy: a snapshot to subtract later ({@link #since}). */
    public TopicRecorders copy() {
        TopicRecorders c = new TopicRecorders(topic);
        LatencyRecorder[] from = all();
        LatencyRecorder[] to = c.all();
        for (int i = 0; i < from.length; i++) {
            to[i].add(from[i]);
        }
        c.recordsAcked = recordsAcked;
        c.bytesAcked = bytesAcked;
        return c;
    }

    /**
     * What was recorded after {@code earlier} (a {@link #copy} of these recorders) was taken: the
     * histograms' difference. Mean, min and max of the result come from the buckets.
     */
    public TopicRecorders since(TopicRecorders earlier) {
        TopicRecorders d = new TopicRecorders(topic);
        LatencyRecorder[] now = all();
        LatencyRecorder[] before = earlier.all();
        LatencyRecorder[] out = d.all();
        for (int i = 0; i < now.length; i++) {
            Histogram h = now[i].copyHistogram();
            if (before[i].count() > 0) {
                h.subtract(before[i].copyHistogram());
            }
            if (h.getTotalCount() > 0) {
                out[i].addHistogram(h);
            }
        }
        d.recordsAcked = recordsAcked - earlier.recordsAcked;
        d.bytesAcked = bytesAcked - earlier.bytesAcked;
        return d;
    }

    /** Adds {@code other}'s records (pooling topics). */
    public void add(TopicRecorders other) {
        LatencyRecorder[] to = all();
        LatencyRecorder[] from = other.all();
        for (int i = 0; i < to.length; i++) {
            to[i].add(from[i]);
        }
        recordsAcked += other.recordsAcked;
        bytesAcked += other.bytesAcked;
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
