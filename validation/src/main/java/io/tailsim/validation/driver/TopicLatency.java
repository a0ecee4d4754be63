package io.tailsim.validation.driver;

/** A latency goes to the run's recorder and to its topic's, so topics can be compared (a probe topic beside a loaded one). */
record TopicLatency(LatencyRecorder all, LatencyRecorder topic) {
    void record(long nanos) {
        all.record(nanos);
        topic.record(nanos);
    }
}
