package io.tailsim.models.broker;

/** A Metadata request for one topic; the response tells the client the topic's partition count. */
public final class MetadataRequest extends Request {
    public static final int REQUEST_BYTES = 60;
    public static final int RESPONSE_OVERHEAD = 200;
    public static final int PER_PARTITION_RESPONSE = 40;

    final String topic;
    int partitions;

    public MetadataRequest(String topic) {
        super(ApiKey.METADATA);
        this.topic = topic;
        this.requestBytes = REQUEST_BYTES;
    }

    public String topic() {
        return topic;
    }

    /** Partition count in the response. */
    public int partitions() {
        return partitions;
    }
}
