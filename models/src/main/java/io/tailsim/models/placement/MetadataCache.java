package io.tailsim.models.placement;

/** The cluster's current metadata, as a broker answers a Metadata request. */
public interface MetadataCache {
    TopicMetadata topic(String name);
}
