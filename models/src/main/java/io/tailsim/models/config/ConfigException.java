package io.tailsim.models.config;

/** An impossible or inconsistent configuration, naming the Kafka config key at fault. */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The config key (Kafka's name, e.g. "replication.factor") the problem is about. */
    public String key() {
        return key;
    }

    static void requirePositive(String key, long value) {
        if (value <= 0) {
            throw new ConfigException(key, "must be positive, got " + value);
        }
    }

    static void requireNonNegative(String key, long value) {
        if (value < 0) {
            throw new ConfigException(key, "must not be negative, got " + value);
        }
    }

    static void requirePositive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(key, "must be a positive finite number, got " + value);
        }
    }
}
