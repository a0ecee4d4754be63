package io.tailsim.models.producer;

/**
 * Kafka's CompressionRatioEstimator for one topic and codec: starts at 1.0, jumps up at once on a
 * batch that compressed worse than estimated (max(estimate + 0.05, observed)) and creeps down on a
 * better one (max(estimate - 0.005, observed)). A new batch takes the estimate current at its
 * creation. Kafka keeps it per JVM; here it is per producer (one producer per client process).
 */
public final class CompressionRatioEstimator {
    static final float IMPROVING_STEP = 0.005f;
    static final float DETERIORATE_STEP = 0.05f;

    private float estimate = 1.0f;

    public float estimate() {
        return estimate;
    }

    public float update(float observed) {
        if (observed > estimate) {
            estimate = Math.max(estimate + DETERIORATE_STEP, observed);
        } else if (observed < estimate) {
            estimate = Math.max(estimate - IMPROVING_STEP, observed);
        }
        return estimate;
    }
}
