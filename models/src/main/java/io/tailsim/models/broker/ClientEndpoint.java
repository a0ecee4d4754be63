package io.tailsim.models.broker;

/** The client side of a connection to a broker: a producer, a replica fetcher thread, a consumer. */
public interface ClientEndpoint {
    /** The response to {@code request} has fully arrived at the client host. */
    void onResponse(Request request, long now);

    String name();
}
