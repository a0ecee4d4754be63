package io.tailsim.scenarios;

import java.nio.file.Path;

/** Paths as messages should show them: relative to the working directory when inside it. */
public final class ShortPaths {
    private static final Path CWD = Path.of("").toAbsolutePath();

    private ShortPaths() {
    }

    public static Path shorten(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(CWD) ? CWD.relativize(abs) : abs;
    }
}
