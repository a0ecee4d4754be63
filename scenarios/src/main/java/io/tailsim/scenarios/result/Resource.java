package io.tailsim.scenarios.result;

/** A named resource and how busy it was (0..1), for "the busiest resources" lists. */
public record Resource(String resource, double utilization) {
}
