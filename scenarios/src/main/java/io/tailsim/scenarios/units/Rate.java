package io.tailsim.scenarios.units;

/**
 * A rate as written in a scenario: bytes per second ("90MB/s", "10Gbit/s") or records per second
 * ("2000 records/s"). Which one matters: a byte rate becomes records per second only once the
 * record size is known.
 */
public record Rate(double perSecond, Kind kind) {
    public enum Kind { BYTES, RECORDS }

    public Rate {
        if (!Double.isFinite(perSecond) || perSecond < 0) {
            throw new IllegalArgumentException("a rate must be finite and non-negative, got " + perSecond);
        }
    }

    public static Rate bytes(double perSecond) {
        return new Rate(perSecond, Kind.BYTES);
    }

    public static Rate records(double perSecond) {
        return new Rate(perSecond, Kind.RECORDS);
    }

    /** Records per second for records of {@code recordBytes} bytes each. */
    public double recordsPerSecond(int recordBytes) {
        return kind == Kind.RECORDS ? perSecond : perSecond / recordBytes;
    }

    @Override
    public String toString() {
        return Units.formatRate(this);
    }
}
