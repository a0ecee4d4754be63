package io.tailsim.validation.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hardware profile as YAML text, every value written {@code {value: ..., source: "..."}} as the scenarios' ProfileLoader
 * requires, in the layout of the bundled profiles: name, description, then sections (testbed, host, cpu with its per-request
 * map, network, disk, compression-ratio, gc) in insertion order, with a comment header.
 */
public final class ProfileDocument {
    /** One sourced value; the source starts with "published:", "measured:" or "fit:". */
    public record Entry(String value, String source) {
        public Entry {
            Objects.requireNonNull(value, "value");
            if (source == null || !(source.startsWith("published:") || source.startsWith("measured:") || source.startsWith("fit:")))
                throw new IllegalArgumentException("a profile source starts with published:, measured: or fit:, got " + source);
        }
    }

    private final String name;
    private final String description;
    private final List<String> header = new ArrayList<>();
    /** Section name to key to an Entry or, one level down (cpu.per-request), to a map of entries. */
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();

    public ProfileDocument(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public ProfileDocument comment(String line) {
        header.add(line);
        return this;
    }

    /** Sets {@code section.key}, or {@code section.sub.key} when {@code key} is "sub.key" (cpu.per-request.Produce). */
    public ProfileDocument put(String section, String key, String value, String source) {
        Map<String, Object> s = sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
        int dot = section.equals("cpu") && key.startsWith("per-request.") ? "per-request".length() : -1;
        if (dot > 0) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sub = (Map<String, Object>) s.computeIfAbsent("per-request", k -> new LinkedHashMap<String, Object>());
            sub.put(key.substring(dot + 1), new Entry(value, source));
        } else {
            s.put(key, new Entry(value, source));
        }
        return this;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (String h : header) sb.append(h.isEmpty() ? "#" : "# " + h).append('\n');
        sb.append("name: ").append(name).append('\n');
        sb.append("description: ").append(quote(description)).append('\n');
        sections.forEach((section, entries) -> {
            sb.append('\n').append(section).append(":\n");
            write(sb, entries, "  ");
        });
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Map<String, Object> entries, String indent) {
        entries.forEach((k, v) -> {
            if (v instanceof Entry e) {
                sb.append(indent).append(k).append(": {value: ").append(scalar(e.value())).append(", source: ").append(quote(e.source())).append("}\n");
            } else {
                sb.append(indent).append(k).append(":\n");
                write(sb, (Map<String, Object>) v, indent + "  ");
            }
        });
    }

    /** Plain when YAML reads it back as the same text, else double-quoted. */
    static String scalar(String v) {
        return v.matches("[A-Za-z0-9_.+-]+") ? v : quote(v);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "'") + "\"";
    }
}
