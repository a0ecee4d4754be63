package io.tailsim.models.config;

import java.util.Locale;

/** compression.type; the achieved ratio per codec comes from the hardware profile. */
public enum CompressionType {
    NONE, GZIP, SNAPPY, LZ4, ZSTD;

    public String kafkaValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CompressionType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("compression.type", "expected none, gzip, snappy, lz4 or zstd, got '" + s + "'");
        }
    }
}
