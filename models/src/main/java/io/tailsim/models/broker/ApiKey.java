package io.tailsim.models.broker;

/** Request types the model distinguishes, under the names of Kafka's RequestMetrics "request" tag. */
public enum ApiKey {
    PRODUCE("Produce"),
    FETCH_FOLLOWER("FetchFollower"),
    FETCH_CONSUMER("FetchConsumer"),
    METADATA("Metadata"),
    /** A consumer group's offset commit: an append to __consumer_offsets on the group coordinator. */
    OFFSET_COMMIT("OffsetCommit"),
    /** A consumer group member's heartbeat to the group coordinator (classic group protocol). */
    HEARTBEAT("Heartbeat");

    private final String metricName;

    ApiKey(String metricName) {
        this.metricName = metricName;
    }

    /** The request tag of kafka.network:type=RequestMetrics (and the profile's per-request cost key). */
    public String metricName() {
        return metricName;
    }
}
