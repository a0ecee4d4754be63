package io.tailsim.models.broker;

/** A group member's Heartbeat to its coordinator (classic protocol): answered at once. */
public final class HeartbeatRequest extends Request {
    public static final int REQUEST_BYTES = 70;
    public static final int RESPONSE_BYTES = 20;

    public HeartbeatRequest() {
        super(ApiKey.HEARTBEAT);
        this.requestBytes = REQUEST_BYTES;
        this.responseBytes = RESPONSE_BYTES;
    }
}
