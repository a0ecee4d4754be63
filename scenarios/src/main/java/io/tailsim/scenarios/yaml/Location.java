package io.tailsim.scenarios.yaml;

import java.nio.file.Path;

/** Where a value was written: file, 1-based line and column. */
public record Location(Path file, int line, int column) {
    /** "file.yaml:12:5", the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
