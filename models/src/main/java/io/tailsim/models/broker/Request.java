package io.tailsim.models.broker;

import io.tailsim.models.network.Message;

/**
 * A request and, on its way back, its response: one object carries both trips and the broker-side
 * timestamps behind Kafka's request metrics (RequestChannel.Request.updateRequestMetrics):
 * RequestQueueTime = dequeued - received, LocalTime = localDone - dequeued, RemoteTime =
 * responseReady - localDone, ResponseQueueTime = responseDequeued - responseReady,
 * ResponseSendTime = sent - responseDequeued, TotalTime = sent - received. As in Kafka,
 * "received" is when the network thread has read the whole request; time spent waiting in the
 * socket (a muted connection) is in no metric.
 */
public abstract class Request extends Message {
    public final ApiKey api;
    Connection connection;
    boolean toClient;
    int requestBytes;
    int responseBytes;
    /** No response is sent (acks=0): the processor only unmutes the connection. */
    boolean noResponse;
    /** On the processor: true for a response to send, false for a request to read. */
    boolean sendTask;
    Request nextInSocket;
    /** Answered REQUEST_TIMED_OUT by the produce purgatory (acks=all produce, offset commit). */
    boolean timedOut;

    long receivedAt;
    long dequeuedAt;
    long localDoneAt;
    long responseReadyAt;
    long responseDequeuedAt;
    long sentAt;

    protected Request(ApiKey api) {
        this.api = api;
    }

    public Connection connection() {
        return connection;
    }

    public int requestBytes() {
        return requestBytes;
    }

    public int responseBytes() {
        return responseBytes;
    }

    public void setRequestBytes(int bytes) {
        this.requestBytes = bytes;
    }

    public void setResponseBytes(int bytes) {
        this.responseBytes = bytes;
    }

    public long receivedAt() {
        return receivedAt;
    }

    public long dequeuedAt() {
        return dequeuedAt;
    }

    public long localDoneAt() {
        return localDoneAt;
    }

    public long responseReadyAt() {
        return responseReadyAt;
    }

    public long sentAt() {
        return sentAt;
    }

    public boolean timedOut() {
        return timedOut;
    }

    @Override
    protected final void delivered(long now) {
        if (toClient) {
            connection.client.onResponse(this, now);
        } else {
            connection.arrivedAtBroker(this);
        }
    }

    @Override
    public String label() {
        return api.metricName() + (toClient ? "Response" : "Request");
    }
}
