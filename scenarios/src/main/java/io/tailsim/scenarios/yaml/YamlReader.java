package io.tailsim.scenarios.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tailsim.scenarios.ScenarioException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one YAML document into a {@link Node} tree that remembers where everything was written.
 * Jackson's streaming parser gives each token's location; its tree model would drop them. A key
 * written twice in one mapping is an error naming both lines (YAML allows it silently, and the
 * second value would win).
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {
    }

    /**
     * Reads {@code file}; {@code what} describes what the file should hold, for the message when it
     * is empty ("a scenario: a mapping with cluster, topics, producers, ...").
     */
    public static Node read(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file, "no such file", null);
        } catch (IOException e) {
            throw new ScenarioException(file, "cannot read: " + e.getMessage(), null);
        }
        return parse(text, file, what);
    }

    /** Parses {@code text} as if read from {@code file} (which need not exist). */
    public static Node parse(String text, Path file, String what) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ScenarioException(file, "the file is empty: expected " + what, null);
            }
            Node root = value(p, file, "");
            if (p.nextToken() != null) {
                throw new ScenarioException(location(p.currentTokenLocation(), file), null,
                        "a second YAML document starts here: one document per file");
            }
            return root;
        } catch (StreamReadException e) {
            throw malformed(e, file);
        } catch (IOException e) {
            throw new ScenarioException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Node value(JsonParser p, Path file, String path) throws IOException {
        JsonToken t = p.currentToken();
        Location here = location(p.currentTokenLocation(), file);
        switch (t) {
            case START_OBJECT: {
                MapNode map = new MapNode(here);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = location(p.currentTokenLocation(), file);
                    String keyPath = path.isEmpty() ? key : path + "." + key;
                    MapNode.Entry earlier = map.entry(key).orElse(null);
                    if (earlier != null) {
                        throw new ScenarioException(keyAt, keyPath, "duplicate key: '" + key
                                + "' is already set at line " + earlier.keyLocation().line());
                    }
                    p.nextToken();
                    map.put(new MapNode.Entry(key, keyAt, value(p, file, keyPath)));
                }
                return map;
            }
            case START_ARRAY: {
                java.util.List<Node> items = new java.util.ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, file, path + "[" + i++ + "]"));
                }
                return new ListNode(items, here);
            }
            case VALUE_STRING:
                return new ScalarNode(p.getText(), ScalarNode.Type.STRING, here);
            case VALUE_NUMBER_INT:
                return new ScalarNode(p.getText(), ScalarNode.Type.INTEGER, here);
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(p.getText(), ScalarNode.Type.FLOAT, here);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(p.getText(), ScalarNode.Type.BOOLEAN, here);
            case VALUE_NULL:
                return new ScalarNode(null, ScalarNode.Type.NULL, here);
            default:
                throw new ScenarioException(here, path, "unsupported YAML value (" + t + ")");
        }
    }

    /** SnakeYAML's problem mark points at the offending character; Jackson's location at the enclosing node. */
    private static ScenarioException malformed(StreamReadException e, Path file) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark at = m.getProblemMark();
            String problem = m.getProblem();
            if (m.getContext() != null) {
                problem += " (" + m.getContext() + ")";
            }
            return new ScenarioException(new Location(file, at.getLine() + 1, at.getColumn() + 1), null,
                    "malformed YAML: " + problem);
        }
        JsonLocation at = e.getLocation();
        Location loc = at == null ? new Location(file, 0, 0) : location(at, file);
        return new ScenarioException(loc, null, "malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    private static Location location(JsonLocation at, Path file) {
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }
}
