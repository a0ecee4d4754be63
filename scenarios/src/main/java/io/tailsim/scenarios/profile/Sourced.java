package io.tailsim.scenarios.profile;

import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.yaml.ListNode;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;
import io.tailsim.scenarios.yaml.ScalarNode;

import java.util.Map;
import java.util.Set;

/**
 * Every value in a profile is written {@code {value: ..., source: "..."}}, and the source says
 * where the number comes from: "published: ..." (cite it), "measured: ..." (how), or "fit: ..."
 * (to what). This strips the wrappers, collecting the sources by key path, and refuses a bare
 * value or a source of any other kind, so a guess cannot pass for a measurement.
 */
final class Sourced {
    static final Set<String> KINDS = Set.of("published:", "measured:", "fit:");

    /** Keys whose values are labels, not quantities, and need no source. */
    private static final Set<String> UNSOURCED = Set.of("name", "description");

    private Sourced() {
    }

    /** A copy of {@code map} with each {value, source} replaced by its value; sources land in {@code sources}. */
    static MapNode unwrap(MapNode map, String path, Map<String, String> sources) {
        MapNode out = new MapNode(map.location());
        for (MapNode.Entry e : map.entries()) {
            String keyPath = path.isEmpty() ? e.key() : path + "." + e.key();
            Node v = e.value();
            Node value;
            if (path.isEmpty() && UNSOURCED.contains(e.key())) {
                value = v;
            } else if (v instanceof MapNode m && m.has("value")) {
                value = leaf(m, keyPath, sources);
            } else if (v instanceof MapNode m) {
                value = unwrap(m, keyPath, sources);
            } else if (v instanceof ListNode) {
                throw new ScenarioException(v.location(), keyPath, "expected {value: ..., source: \"...\"} or a mapping, got a list");
            } else {
                throw new ScenarioException(v.location(), keyPath, "every profile value needs a source: write {value: "
                        + ((ScalarNode) v).text() + ", source: \"published: ... | measured: ... | fit: ...\"}");
            }
            out.put(new MapNode.Entry(e.key(), e.keyLocation(), value));
        }
        return out;
    }

    private static Node leaf(MapNode m, String keyPath, Map<String, String> sources) {
        for (MapNode.Entry e : m.entries()) {
            if (!e.key().equals("value") && !e.key().equals("source")) {
                throw new ScenarioException(e.keyLocation(), keyPath + "." + e.key(),
                        "a profile value holds only 'value' and 'source'");
            }
        }
        Node source = m.get("source").orElseThrow(() -> new ScenarioException(m.location(), keyPath,
                "missing source: say where the value comes from (published: ..., measured: ... or fit: ...)"));
        if (!(source instanceof ScalarNode s) || s.isNull()) {
            throw new ScenarioException(source.location(), keyPath + ".source", "expected text, got " + source.describe());
        }
        String text = s.text().trim();
        if (KINDS.stream().noneMatch(text::startsWith) || text.length() < 12) {
            throw new ScenarioException(source.location(), keyPath + ".source",
                    "a source starts with published:, measured: or fit: and says what, got '" + text + "'");
        }
        sources.put(keyPath, text);
        return m.get("value").orElseThrow();
    }
}
