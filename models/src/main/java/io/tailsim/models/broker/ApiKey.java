package io.tailsim.models.broker;

/** Request types the model distinguishes, under the names of Kafka's RequestMetrics "request" tag. */
public enum ApiKey {
    PRODUCE("Produce"),
    FETCH_FOLLOWER("FetchFollower"),
    FETCH_CONSUMER("FetchConsumer"),
    METADATA("Metadata");

    private final String metricName;

    ApiKey(String metricName) {
        this.metricName = metricName;
    }

    /** The request tag of kafka.network:type=RequestMetrics (and the profile's per-request cost key). */
    public String metricName() {
        return metricName;
    }
}
