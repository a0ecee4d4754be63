package io.tailsim.scenarios;

import io.tailsim.scenarios.yaml.Location;

import java.nio.file.Path;

/**
 * A mistake in a scenario, profile or OMB file: the user's to fix, so it carries no stack trace
 * worth showing. The message reads like a compiler's:
 * {@code producers-90.yaml:14:5: producers.main.linger_ms: unknown key; did you mean 'linger.ms'?}
 * naming the file, line and column, the key path, and what was expected.
 */
public class ScenarioException extends RuntimeException {
    private final Path file;
    private final int line;
    private final int column;
    private final String keyPath;
    private final String problem;

    public ScenarioException(Location location, String keyPath, String problem) {
        this(location == null ? null : location.file(), location == null ? 0 : location.line(),
                location == null ? 0 : location.column(), keyPath, problem, null);
    }

    /** A problem with a whole file (missing, unreadable, empty): no line to point at. */
    public ScenarioException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, null, problem, cause);
    }

    private ScenarioException(Path file, int line, int column, String keyPath, String problem, Throwable cause) {
        super(format(file, line, column, keyPath, problem), cause, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.keyPath = keyPath;
        this.problem = problem;
    }

    private static String format(Path file, int line, int column, String keyPath, String problem) {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line).append(':').append(column);
            }
            b.append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        return b.append(problem).toString();
    }

    /** The file at fault, or null when the problem is not in a file (an override given on the command line). */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Dotted path of the key at fault, e.g. "producers.main.linger.ms", or null. */
    public String keyPath() {
        return keyPath;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }
}
