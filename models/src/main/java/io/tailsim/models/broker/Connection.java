package io.tailsim.models.broker;

import io.tailsim.models.network.Link;
import io.tailsim.models.network.Network;

/**
 * A client's TCP connection to one broker listener, assigned to one network thread (processor).
 * Kafka's SocketServer mutes the channel after reading a request and unmutes it only after the
 * response has been sent, so at most one request per connection is inside the broker; the
 * client's further in-flight requests wait in the socket ({@link #arrivedAtBroker}).
 */
public final class Connection {
    final ClientEndpoint client;
    final Broker broker;
    final Listener listener;
    final Processor processor;
    final Link toBroker;
    final Link toClient;
    final Network network;

    boolean muted;
    private Request socketHead;
    private Request socketTail;
    private int socketQueued;

    Connection(ClientEndpoint client, Broker broker, Listener listener, Processor processor, Link toBroker,
               Link toClient, Network network) {
        this.client = client;
        this.broker = broker;
        this.listener = listener;
        this.processor = processor;
        this.toBroker = toBroker;
        this.toClient = toClient;
        this.network = network;
    }

    public Broker broker() {
        return broker;
    }

    public ClientEndpoint client() {
        return client;
    }

    public boolean tls() {
        return listener.tls;
    }

    /** Requests that have arrived but wait in the socket while the connection is muted. */
    public int socketQueued() {
        return socketQueued;
    }

    public boolean isMuted() {
        return muted;
    }

    /** Sends {@code r} from the client now. */
    public void send(Request r) {
        r.connection = this;
        r.toClient = false;
        r.nextInSocket = null;
        network.send(r, toBroker, r.requestBytes);
    }

    void arrivedAtBroker(Request r) {
        broker.onRequestArrived(r);
        if (!muted && socketHead == null) {
            muted = true;
            processor.enqueueRead(r);
        } else {
            if (socketTail == null) {
                socketHead = r;
            } else {
                socketTail.nextInSocket = r;
            }
            socketTail = r;
            socketQueued++;
            broker.socketQueued++;
        }
    }

    /** The response to the request being processed has been sent (or none was due): read the next one. */
    void unmute() {
        muted = false;
        Request next = socketHead;
        if (next != null) {
            socketHead = next.nextInSocket;
            if (socketHead == null) {
                socketTail = null;
            }
            next.nextInSocket = null;
            socketQueued--;
            broker.socketQueued--;
            muted = true;
            processor.enqueueRead(next);
        }
    }

    /** Sends the response; returns when its last byte leaves the broker's NIC. */
    long sendResponse(Request r) {
        r.toClient = true;
        return network.send(r, toClient, r.responseBytes);
    }

    @Override
    public String toString() {
        return client.name() + "->" + broker.name() + "/" + listener.name;
    }
}
