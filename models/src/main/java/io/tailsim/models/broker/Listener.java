package io.tailsim.models.broker;

/**
 * A broker listener: its security protocol and its num.network.threads processors. New
 * connections go to processors round-robin, as SocketServer's Acceptor assigns them.
 */
final class Listener {
    final String name;
    final boolean tls;
    final Processor[] processors;
    private int next;

    Listener(String name, boolean tls, Processor[] processors) {
        this.name = name;
        this.tls = tls;
        this.processors = processors;
    }

    Processor assign() {
        Processor p = processors[next];
        next = (next + 1) % processors.length;
        return p;
    }
}
