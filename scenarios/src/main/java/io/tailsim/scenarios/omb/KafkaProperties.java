package io.tailsim.scenarios.omb;

import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.ScalarNode;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Java-properties block inside an OMB driver file ({@code producerConfig: |} followed by
 * {@code key=value} lines), read with {@link Properties#load} as OMB reads it, with each key's line
 * in the YAML file kept for messages.
 */
final class KafkaProperties {
    /** One setting and where it was written. */
    record Setting(String key, String value, Location location) {
    }

    private KafkaProperties() {
    }

    /**
     * @param block      the scalar holding the properties
     * @param sourceText the whole YAML file, to tell a block scalar ({@code |}) from an inline one
     */
    static Map<String, Setting> parse(ScalarNode block, String sourceText, String keyPath) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(block.text()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ScenarioException(block.location(), keyPath, "not valid Java properties: " + e.getMessage());
        }
        Location at = block.location();
        List<String> fileLines = sourceText.lines().toList();
        int firstLine = at.line();
        if (at.line() - 1 < fileLines.size()) {
            String line = fileLines.get(at.line() - 1);
            int col = at.column() - 1;
            if (col < line.length() && (line.charAt(col) == '|' || line.charAt(col) == '>')) {
                firstLine++;
            }
        }
        List<String> blockLines = block.text().lines().toList();
        Map<String, Setting> out = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames().stream().sorted().toList()) {
            int line = firstLine;
            int column = at.column();
            for (int i = 0; i < blockLines.size(); i++) {
                String l = blockLines.get(i).stripLeading();
                if (l.startsWith(name) && (l.length() == name.length() || "=: \t".indexOf(l.charAt(name.length())) >= 0)) {
                    line = firstLine + i;
                    int lineIndex = line - 1;
                    column = lineIndex < fileLines.size() ? fileLines.get(lineIndex).indexOf(name) + 1 : 1;
                    break;
                }
            }
            out.put(name, new Setting(name, props.getProperty(name).trim(), new Location(at.file(), line, Math.max(column, 1))));
        }
        // Properties' order is a hash order; report in file order.
        Map<String, Setting> ordered = new LinkedHashMap<>();
        out.values().stream().sorted((a, b) -> Integer.compare(a.location().line(), b.location().line()))
                .forEach(s -> ordered.put(s.key(), s));
        return ordered;
    }
}
