package io.tailsim.scenarios.yaml;

/** A YAML value with the place it was written, so any complaint about it can point there. */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    Location location();

    /** What kind of value this is, for messages: "a mapping", "a list", "the number 5". */
    String describe();

    /** A deep copy, so overrides applied to one copy leave the original alone. */
    Node copy();
}
