package io.tailsim.scenarios.schema;

import io.tailsim.core.dist.Distribution;
import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.units.Rate;
import io.tailsim.scenarios.units.Units;
import io.tailsim.scenarios.yaml.ListNode;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;
import io.tailsim.scenarios.yaml.ScalarNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One mapping of a file being read against its {@link Schema}: unknown keys are refused when the
 * section is opened, and each typed getter reports a bad value at the value's own line, under its
 * full key path, saying what was expected.
 */
public final class Section {
    /** Keys people carry over from Kafka's files that mean something else here. */
    private static final Map<String, String> HINTS = Map.of(
            "partitioner.class", "write 'partitioner: uniform-sticky', 'sticky' or 'keyed' instead of a class name",
            "group.id", "a consumer group's group.id is its name under 'consumers:'",
            "bootstrap.servers", "the cluster is described under 'cluster:'; clients need no address",
            "key.serializer", "record sizes are given by 'record: {key-bytes, value-bytes}'",
            "value.serializer", "record sizes are given by 'record: {key-bytes, value-bytes}'");

    private final MapNode node;
    private final String path;

    private Section(MapNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Opens {@code n} as a mapping of shape {@code schema}, refusing keys the schema does not list. */
    public static Section of(Node n, String path, Schema schema) {
        MapNode map = requireMap(n, path);
        Section s = new Section(map, path);
        if (!schema.isNamed()) {
            for (MapNode.Entry e : map.entries()) {
                if (!schema.keys().contains(e.key())) {
                    throw s.unknownKey(e, schema);
                }
            }
        }
        return s;
    }

    public static MapNode requireMap(Node n, String path) {
        if (n instanceof MapNode m) {
            return m;
        }
        throw new ScenarioException(n.location(), path, "expected a mapping (key: value lines), got " + n.describe());
    }

    private ScenarioException unknownKey(MapNode.Entry e, Schema schema) {
        String key = e.key();
        String where = path(key);
        if (HINTS.containsKey(key)) {
            return new ScenarioException(e.keyLocation(), where, "not used here: " + HINTS.get(key));
        }
        if (KafkaConfigNames.isKafkaConfig(schema.family(), key) && !schema.keys().contains(key)) {
            return new ScenarioException(e.keyLocation(), where, "'" + key + "' is a Kafka " + schema.family().noun
                    + " config that tailsim does not model; remove it (modelled here: "
                    + String.join(", ", schema.keys()) + ")");
        }
        Optional<String> near = Suggest.nearest(key, schema.keys());
        return new ScenarioException(e.keyLocation(), where, "unknown key '" + key + "'"
                + near.map(s -> "; did you mean '" + s + "'?").orElse("; expected one of: " + String.join(", ", schema.keys())));
    }

    public MapNode node() {
        return node;
    }

    /** This section's key path ("producers.main"). */
    public String path() {
        return path;
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Location location() {
        return node.location();
    }

    public boolean has(String key) {
        return node.has(key);
    }

    public Optional<Node> node(String key) {
        return node.get(key);
    }

    /** Where to point for {@code key}: its value, its key, or (absent) this section. */
    public Location locate(String key) {
        return node.get(key).map(Node::location).orElse(node.location());
    }

    /** An error about {@code key}'s value, at the value. */
    public ScenarioException error(String key, String problem) {
        return new ScenarioException(locate(key), path(key), problem);
    }

    /** An error about the key itself (unwanted, contradicts another), at the key. */
    public ScenarioException keyError(String key, String problem) {
        Location at = node.entry(key).map(MapNode.Entry::keyLocation).orElse(node.location());
        return new ScenarioException(at, path(key), problem);
    }

    /** A nested mapping of shape {@code schema}, if present. */
    public Optional<Section> section(String key, Schema schema) {
        return node.get(key).map(n -> of(n, path(key), schema));
    }

    /** The entries of a mapping from user-chosen names to sections of shape {@code schema}. */
    public List<Map.Entry<String, Section>> named(String key, Schema schema) {
        Optional<Node> n = node.get(key);
        if (n.isEmpty()) {
            return List.of();
        }
        MapNode m = requireMap(n.get(), path(key));
        return m.entries().stream()
                .map(e -> Map.entry(e.key(), of(e.value(), path(key) + "." + e.key(), schema)))
                .toList();
    }

    public Optional<ListNode> list(String key) {
        return node.get(key).map(n -> {
            if (n instanceof ListNode l) {
                return l;
            }
            throw new ScenarioException(n.location(), path(key), "expected a list (lines starting with '- '), got "
                    + n.describe());
        });
    }

    /** The scalar's text, refusing mappings, lists and null. */
    public Optional<String> text(String key) {
        return node.get(key).map(n -> scalarText(n, path(key)));
    }

    public String requiredText(String key, String expected) {
        return text(key).orElseThrow(() -> new ScenarioException(node.location(), path(key),
                "missing: expected " + expected));
    }

    static String scalarText(Node n, String path) {
        if (n instanceof ScalarNode s && !s.isNull()) {
            return s.text();
        }
        throw new ScenarioException(n.location(), path, "expected a single value, got " + n.describe());
    }

    /** Reads {@code key} with {@code parse}, turning its IllegalArgumentException into an error at the value. */
    public <T> Optional<T> parsed(String key, Function<String, T> parse) {
        Optional<String> t = text(key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(t.get()));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    public long integer(String key, long dflt) {
        return parsed(key, s -> parseInteger(s)).orElse(dflt);
    }

    /** An integer at least {@code min}. */
    public int integer(String key, int dflt, int min) {
        long v = integer(key, (long) dflt);
        if (v < min || v > Integer.MAX_VALUE) {
            throw error(key, v < min ? "must be at least " + min + ", got " + v : "is too large: " + v);
        }
        return (int) v;
    }

    public int positive(String key, int dflt) {
        return integer(key, dflt, 1);
    }

    private static long parseInteger(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + s + "'");
        }
    }

    public double number(String key, double dflt) {
        return parsed(key, s -> {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got '" + s + "'");
            }
        }).orElse(dflt);
    }

    /** A Kafka *.ms setting: a bare number is milliseconds, a value with a unit is taken as written. */
    public long kafkaMillis(String key, long dfltNanos) {
        return parsed(key, Units::durationOrMillis).orElse(dfltNanos);
    }

    /** A duration that must carry a unit (or be 0). */
    public OptionalLong duration(String key) {
        Optional<Long> v = parsed(key, Units::duration);
        return v.isPresent() ? OptionalLong.of(v.get()) : OptionalLong.empty();
    }

    public long requiredDuration(String key, String expected) {
        requiredText(key, expected);
        return duration(key).getAsLong();
    }

    /** A size in bytes ("16KiB", or a bare integer) that fits an int, as Kafka's int-typed sizes do. */
    public int intSize(String key, int dflt) {
        long v = size(key, dflt);
        if (v > Integer.MAX_VALUE) {
            throw error(key, "is " + v + " bytes, more than Kafka allows for this setting (" + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }

    public long size(String key, long dflt) {
        return parsed(key, Units::size).orElse(dflt);
    }

    public Optional<Rate> rate(String key) {
        return parsed(key, Units::rate);
    }

    /** true or false only; YAML 1.1's yes/no/on/off are refused as too easy to write by accident. */
    public boolean bool(String key, boolean dflt) {
        return parsed(key, s -> {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw new IllegalArgumentException("expected true or false, got '" + s + "'");
            }
        }).orElse(dflt);
    }

    /** One of the named options (matched case-insensitively); the message lists them. */
    public <E> E choice(String key, Map<String, E> options, E dflt) {
        return parsed(key, s -> {
            E e = options.get(s.trim().toLowerCase(Locale.ROOT));
            if (e == null) {
                throw new IllegalArgumentException("expected one of " + options.keySet().stream().sorted()
                        .map(o -> "'" + o + "'").collect(java.util.stream.Collectors.joining(", "))
                        + ", got '" + s + "'" + Suggest.nearest(s, options.keySet()).map(n -> "; did you mean '" + n + "'?").orElse(""));
            }
            return e;
        }).orElse(dflt);
    }

    /** A distribution of durations ("lognormal(mean=2ms, cv=1.5)", "exponential(1ms)", "0"). */
    public Optional<Distribution> distribution(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(DistributionSpec.parse(t.get()));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }
}
