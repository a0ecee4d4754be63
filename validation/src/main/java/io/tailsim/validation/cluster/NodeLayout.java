package io.tailsim.validation.cluster;

/** One node's identity and loopback ports. */
public record NodeLayout(int nodeId, int brokerPort, int controllerPort, int jmxPort) {
}
