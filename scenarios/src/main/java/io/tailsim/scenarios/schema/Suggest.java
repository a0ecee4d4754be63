package io.tailsim.scenarios.schema;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The valid key nearest a misspelt one: "linger_ms" and "lingerMs" both find "linger.ms". */
public final class Suggest {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggest() {
    }

    public static Optional<String> nearest(String wrong, Collection<String> valid) {
        String w = normalise(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = DISTANCE.apply(w, normalise(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A third of the key's length catches typos and separator mix-ups without proposing
        // unrelated keys of similar length.
        int tolerance = Math.max(2, w.length() / 3);
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Lower case, camelCase split, and '_' or '-' read as '.', so only real spelling differences count. */
    static String normalise(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }
}
