package io.tailsim.models.config;

/** The producer's acks setting. */
public enum Acks {
    NONE("0"), LEADER("1"), ALL("all");

    private final String kafkaValue;

    Acks(String kafkaValue) {
        this.kafkaValue = kafkaValue;
    }

    public String kafkaValue() {
        return kafkaValue;
    }

    /** Parses "0", "1", "all" or "-1" as Kafka does. */
    public static Acks parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "0": return NONE;
            case "1": return LEADER;
            case "all": case "-1": return ALL;
            default: throw new ConfigException("acks", "expected 0, 1, all or -1, got '" + s + "'");
        }
    }
}
