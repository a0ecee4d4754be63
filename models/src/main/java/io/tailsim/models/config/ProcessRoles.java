package io.tailsim.models.config;

/**
 * Kafka's process.roles for every node of the cluster. With {@code broker,controller} (KRaft combined mode) the nodes are
 * also the metadata quorum's voters, so the quorum's own fetches reach the brokers' threads and request metrics.
 */
public enum ProcessRoles {
    BROKER("broker"), BROKER_CONTROLLER("broker,controller");

    private final String value;

    ProcessRoles(String value) {
        this.value = value;
    }

    /** The value as Kafka's config spells it. */
    public String value() {
        return value;
    }
}
