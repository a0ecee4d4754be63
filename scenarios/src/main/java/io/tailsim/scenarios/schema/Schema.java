package io.tailsim.scenarios.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a scenario file: which keys a mapping may hold and what lies under each. Used to
 * reject unknown keys (with the nearest valid one) and to resolve dotted override paths such as
 * {@code producers.main.linger.ms}, whose keys themselves contain dots.
 */
public final class Schema {
    enum Kind { FIELDS, NAMED, VALUE }

    private final Kind kind;
    private final Map<String, Schema> fields;
    private final Schema entry;
    private final KafkaConfigNames.Family family;

    private Schema(Kind kind, Map<String, Schema> fields, Schema entry, KafkaConfigNames.Family family) {
        this.kind = kind;
        this.fields = fields;
        this.entry = entry;
        this.family = family;
    }

    public static final Schema VALUE = new Schema(Kind.VALUE, Map.of(), null, KafkaConfigNames.Family.NONE);

    /** A mapping with these keys, each a plain value unless {@link #with} says otherwise. */
    public static Schema fields(KafkaConfigNames.Family family, String... keys) {
        Map<String, Schema> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, VALUE);
        }
        return new Schema(Kind.FIELDS, m, null, family);
    }

    /** This schema with {@code key} holding a nested {@code child}. */
    public Schema with(String key, Schema child) {
        Map<String, Schema> m = new LinkedHashMap<>(fields);
        m.put(key, child);
        return new Schema(kind, m, entry, family);
    }

    /** A mapping from user-chosen names (topics, producer groups) to entries of one shape. */
    public static Schema named(Schema entry) {
        return new Schema(Kind.NAMED, Map.of(), entry, KafkaConfigNames.Family.NONE);
    }

    boolean isNamed() {
        return kind == Kind.NAMED;
    }

    boolean isValue() {
        return kind == Kind.VALUE;
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    KafkaConfigNames.Family family() {
        return family;
    }

    /** The schema under {@code key} (for a named mapping, any name gives the entry shape). */
    Schema child(String key) {
        return kind == Kind.NAMED ? entry : fields.get(key);
    }
}
