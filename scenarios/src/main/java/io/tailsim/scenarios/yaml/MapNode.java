package io.tailsim.scenarios.yaml;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping in file order. Each entry keeps where its key was written: errors about a key
 * (unknown, misspelt, out of range) point at the key, errors about a value at the value.
 */
public final class MapNode implements Node {
    /** One key: value pair. */
    public record Entry(String key, Location keyLocation, Node value) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Location location;

    public MapNode(Location location) {
        this.location = location;
    }

    @Override
    public Location location() {
        return location;
    }

    /** Adds or replaces an entry (replacing keeps the entry's place in file order). */
    public void put(Entry entry) {
        entries.put(entry.key(), entry);
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Optional<Node> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public MapNode copy() {
        MapNode m = new MapNode(location);
        for (Entry e : entries.values()) {
            m.put(new Entry(e.key(), e.keyLocation(), e.value().copy()));
        }
        return m;
    }

    @Override
    public String toString() {
        return "MapNode" + entries.keySet() + "@" + location;
    }
}
