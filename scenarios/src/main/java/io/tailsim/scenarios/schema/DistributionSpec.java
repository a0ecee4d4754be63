package io.tailsim.scenarios.schema;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.dist.Distributions;
import io.tailsim.scenarios.units.Units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a distribution of durations written as a function call, into nanoseconds:
 *
 * <pre>
 * 0 | 2ms                                   a fixed value (deterministic)
 * deterministic(2ms)
 * exponential(1ms)        exponential(mean=1ms)
 * uniform(1ms, 3ms)       uniform(min=1ms, max=3ms)
 * lognormal(mean=2ms, cv=1.5)               mean and coefficient of variation
 * gamma(mean=2ms, cv=0.5)
 * erlang(k=4, mean=2ms)
 * empirical(1ms, 2ms, 5ms)                  interpolated between measured samples
 * resampled(1ms, 2ms, 5ms)                  one of the samples, each equally likely
 * mixture(0.9: exponential(1ms), 0.1: lognormal(mean=20ms, cv=1))
 * </pre>
 *
 * Arguments may be named or positional (in the order shown). Means and bounds need a time unit;
 * cv, k and mixture weights are plain numbers.
 */
public final class DistributionSpec {
    private static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("deterministic", List.of("value"));
        PARAMETERS.put("exponential", List.of("mean"));
        PARAMETERS.put("uniform", List.of("min", "max"));
        PARAMETERS.put("lognormal", List.of("mean", "cv"));
        PARAMETERS.put("gamma", List.of("mean", "cv"));
        PARAMETERS.put("erlang", List.of("k", "mean"));
        PARAMETERS.put("empirical", List.of());
        PARAMETERS.put("resampled", List.of());
        PARAMETERS.put("mixture", List.of());
    }

    private static final Set<String> DIMENSIONLESS = Set.of("cv", "k");

    private final String text;
    private int pos;

    private DistributionSpec(String text) {
        this.text = text;
    }

    /** The distribution {@code spec} describes; IllegalArgumentException says what is wrong and where. */
    public static Distribution parse(String spec) {
        DistributionSpec p = new DistributionSpec(spec);
        Distribution d = p.distribution();
        p.skipSpace();
        if (p.pos < spec.length()) {
            throw p.fail("unexpected '" + spec.substring(p.pos) + "'");
        }
        return d;
    }

    private Distribution distribution() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            return Distributions.deterministic(Units.duration(quantity()));
        }
        if (!PARAMETERS.containsKey(name)) {
            pos = start;
            throw fail("unknown distribution '" + name + "'"
                    + Suggest.nearest(name, PARAMETERS.keySet()).map(s -> "; did you mean '" + s + "'?")
                    .orElse("; expected one of " + String.join(", ", PARAMETERS.keySet())));
        }
        expect('(');
        Distribution d;
        try {
            d = switch (name) {
                case "empirical", "resampled" -> samples(name);
                case "mixture" -> mixture();
                default -> parametric(name);
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("in '")) {
                throw e;
            }
            throw fail(name + ": " + e.getMessage());
        }
        return d;
    }

    private Distribution parametric(String name) {
        List<String> params = PARAMETERS.get(name);
        Map<String, Double> values = new LinkedHashMap<>();
        int positional = 0;
        do {
            skipSpace();
            String param;
            int mark = pos;
            String ident = identifier();
            skipSpace();
            if (!ident.isEmpty() && peek() == '=') {
                pos++;
                param = ident;
                if (!params.contains(param)) {
                    pos = mark;
                    throw fail(name + " has no parameter '" + param + "'; its parameters are " + String.join(", ", params));
                }
            } else {
                pos = mark;
                if (positional >= params.size()) {
                    throw fail(name + " takes " + params.size() + " argument(s): " + String.join(", ", params));
                }
                param = params.get(positional++);
            }
            if (values.containsKey(param)) {
                throw fail(name + ": '" + param + "' given twice");
            }
            String q = quantity();
            values.put(param, DIMENSIONLESS.contains(param) ? plainNumber(param, q) : (double) Units.duration(q));
            skipSpace();
        } while (accept(','));
        expect(')');
        for (String p : params) {
            if (!values.containsKey(p)) {
                throw fail(name + " needs " + p + " (" + String.join(", ", params) + ")");
            }
        }
        switch (name) {
            case "deterministic":
                return Distributions.deterministic(values.get("value"));
            case "exponential":
                return Distributions.exponential(values.get("mean"));
            case "uniform":
                return Distributions.uniform(values.get("min"), values.get("max"));
            case "lognormal":
                return Distributions.lognormal(values.get("mean"), values.get("cv"));
            case "gamma":
                return Distributions.gammaMeanCv(values.get("mean"), values.get("cv"));
            case "erlang": {
                double k = values.get("k");
                if (k != Math.rint(k) || k < 1) {
                    throw new IllegalArgumentException("k must be a whole number of phases >= 1, got " + k);
                }
                return Distributions.erlang((int) k, values.get("mean"));
            }
            default:
                throw new AssertionError(name);
        }
    }

    private Distribution samples(String name) {
        List<Double> xs = new ArrayList<>();
        do {
            xs.add((double) Units.duration(quantity()));
            skipSpace();
        } while (accept(','));
        expect(')');
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        return name.equals("empirical") ? Distributions.empirical(a) : Distributions.resampled(a);
    }

    private Distribution mixture() {
        List<Double> weights = new ArrayList<>();
        List<Distribution> parts = new ArrayList<>();
        do {
            weights.add(plainNumber("weight", quantity()));
            skipSpace();
            expect(':');
            parts.add(distribution());
            skipSpace();
        } while (accept(','));
        expect(')');
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("mixture weights must add up to 1, they add up to " + sum);
        }
        return Distributions.mixture(weights.stream().mapToDouble(Double::doubleValue).toArray(),
                parts.toArray(new Distribution[0]));
    }

    /** A number with an optional unit: everything up to the next ',', ')' or ':'. */
    private String quantity() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && ",():".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String q = text.substring(start, pos).trim();
        if (q.isEmpty()) {
            throw fail("expected a value");
        }
        return q;
    }

    private double plainNumber(String what, String q) {
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            throw fail(what + " is a plain number, got '" + q + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean accept(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw fail("expected '" + c + "'");
        }
    }

    private IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException("in '" + text + "' at character " + (pos + 1) + ": " + problem);
    }
}
