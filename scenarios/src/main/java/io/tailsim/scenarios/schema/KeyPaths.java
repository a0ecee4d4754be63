package io.tailsim.scenarios.schema;

import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Dotted key paths into a scenario tree, such as {@code producers.main.linger.ms} or
 * {@code topics.A.partitions}. Keys themselves contain dots, so a path is split by matching the
 * longest key the schema (or, for user-chosen names, the file) has at each level.
 */
public final class KeyPaths {
    private KeyPaths() {
    }

    /**
     * Sets {@code path} to {@code value} in {@code root}, creating missing mappings the schema allows
     * (so {@code producers.main.record.key-bytes} works when {@code record} was not written).
     * Errors point at {@code origin}, where the path was written.
     */
    public static void set(MapNode root, String path, Node value, Location origin) {
        MapNode map = root;
        Schema schema = ScenarioSchema.ROOT;
        String done = "";
        String rest = path;
        while (true) {
            Set<String> candidates = new LinkedHashSet<>(map.keys());
            if (!schema.isNamed()) {
                candidates.addAll(schema.keys());
            }
            Optional<String> key = longestPrefix(rest, candidates);
            if (key.isEmpty()) {
                String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                String where = done.isEmpty() ? "at the top level" : "under '" + done + "'";
                throw new ScenarioException(origin, path, "no key '" + first + "' " + where
                        + Suggest.nearest(rest, candidates).or(() -> Suggest.nearest(first, candidates))
                                .map(s -> "; did you mean '" + s + "'?")
                                .orElse(candidates.isEmpty() ? "" : "; expected one of: " + String.join(", ", candidates)));
            }
            String k = key.get();
            String keyPath = done.isEmpty() ? k : done + "." + k;
            Schema child = schema.child(k);
            if (rest.equals(k)) {
                Location keyAt = map.entry(k).map(MapNode.Entry::keyLocation).orElse(origin);
                map.put(new MapNode.Entry(k, keyAt, value));
                return;
            }
            if (child == null || child.isValue()) {
                throw new ScenarioException(origin, path, "'" + keyPath + "' holds a single value, not a mapping");
            }
            Node next = map.get(k).orElse(null);
            if (next == null) {
                next = new MapNode(origin);
                map.put(new MapNode.Entry(k, origin, next));
            }
            if (!(next instanceof MapNode m)) {
                throw new ScenarioException(origin, path, "'" + keyPath + "' is " + next.describe() + " (line "
                        + next.location().line() + "), not a mapping");
            }
            map = m;
            schema = child;
            done = keyPath;
            rest = rest.substring(k.length() + 1);
        }
    }

    /** The node at {@code path} in {@code root}, if present (same splitting rules as {@link #set}). */
    public static Optional<Node> get(MapNode root, String path) {
        MapNode map = root;
        String rest = path;
        while (true) {
            Optional<String> key = longestPrefix(rest, map.keys());
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Node n = map.get(key.get()).orElseThrow();
            if (rest.equals(key.get())) {
                return Optional.of(n);
            }
            if (!(n instanceof MapNode m)) {
                return Optional.empty();
            }
            map = m;
            rest = rest.substring(key.get().length() + 1);
        }
    }

    private static Optional<String> longestPrefix(String path, Set<String> keys) {
        String best = null;
        for (String k : keys) {
            if ((path.equals(k) || path.startsWith(k + ".")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@code top} laid over {@code base}: mappings merge key by key, anything else in {@code top}
     * replaces. Each value keeps its own location, so errors still name the file it came from.
     */
    public static MapNode overlay(MapNode base, MapNode top) {
        MapNode out = base.copy();
        for (MapNode.Entry e : top.entries()) {
            Optional<Node> under = out.get(e.key());
            if (under.isPresent() && under.get() instanceof MapNode b && e.value() instanceof MapNode t) {
                out.put(new MapNode.Entry(e.key(), e.keyLocation(), overlay(b, t)));
            } else {
                out.put(new MapNode.Entry(e.key(), e.keyLocation(), e.value().copy()));
            }
        }
        return out;
    }
}
