package io.tailsim.scenarios.yaml;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record ListNode(List<Node> items, Location location) implements Node {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }

    @Override
    public ListNode copy() {
        List<Node> copied = new ArrayList<>(items.size());
        for (Node n : items) {
            copied.add(n.copy());
        }
        return new ListNode(copied, location);
    }
}
