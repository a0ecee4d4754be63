package io.tailsim.scenarios.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities written the way people write them, parsed strictly.
 *
 * <ul>
 *   <li>Durations: {@code ns, us (or µs), ms, s, m (or min), h}: "5ms", "500 us", "1.5s", "2m", "1h".
 *       A bare number is refused (is "5" milliseconds or seconds?) except {@code 0}; Kafka's own
 *       {@code *.ms} keys are the exception, read by {@link #durationOrMillis}.
 *   <li>Sizes: a bare integer is bytes. SI prefixes are powers of 1000 and IEC prefixes powers of
 *       1024: {@code kB = KB = 1000 B}, {@code KiB = 1024 B}, likewise MB/MiB, GB/GiB, TB/TiB. Kafka's
 *       documentation writes "16 KB" for batch.size = 16384; here that is "16KiB", because "KB" means
 *       what the AWS and disk figures in the profiles mean by it: 1000.
 *   <li>Rates: a size per second ("90MB/s", "5MiB/s"), bits per second ("10Gbit/s", "10Gbps"), or
 *       records per second ("1 record/s", "2000 records/s"). "Mb/s" is refused as ambiguous.
 *   <li>Fractions: "50%" or a plain number in [0, 1].
 * </ul>
 *
 * Times are long nanoseconds and sizes long bytes, rounded to the nearest unit; a fraction of the
 * base unit itself ("1.5B", "0.5ns") is refused.
 */
public final class Units {
    private static final Pattern NUMBER_THEN_UNIT =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)");

    private enum Kind {
        DURATION("a duration", "ns, us, ms, s, m or h, e.g. 5ms, 500 us, 1.5s, 1h"),
        SIZE("a size", "B, KB, KiB, MB, MiB, GB, GiB, TB or TiB, e.g. 16KiB, 512B; a bare integer is bytes"),
        RATE("a rate", "a size per second (90MB/s, 5MiB/s), bits per second (10Gbit/s) or records per second (2000 records/s)"),
        FRACTION("a fraction", "a percentage such as 50% or a number between 0 and 1");

        final String noun;
        final String expected;

        Kind(String noun, String expected) {
            this.noun = noun;
            this.expected = expected;
        }
    }

    private static final Map<String, Long> DURATION_UNITS = new LinkedHashMap<>();
    private static final Map<String, Long> SIZE_UNITS = new LinkedHashMap<>();
    private static final Map<String, Long> BIT_RATE_UNITS = new LinkedHashMap<>();

    static {
        DURATION_UNITS.put("h", 3_600_000_000_000L);
        DURATION_UNITS.put("m", 60_000_000_000L);
        DURATION_UNITS.put("min", 60_000_000_000L);
        DURATION_UNITS.put("s", 1_000_000_000L);
        DURATION_UNITS.put("ms", 1_000_000L);
        DURATION_UNITS.put("us", 1_000L);
        DURATION_UNITS.put("µs", 1_000L);
        DURATION_UNITS.put("ns", 1L);

        SIZE_UNITS.put("TiB", 1L << 40);
        SIZE_UNITS.put("GiB", 1L << 30);
        SIZE_UNITS.put("MiB", 1L << 20);
        SIZE_UNITS.put("KiB", 1L << 10);
        SIZE_UNITS.put("TB", 1_000_000_000_000L);
        SIZE_UNITS.put("GB", 1_000_000_000L);
        SIZE_UNITS.put("MB", 1_000_000L);
        SIZE_UNITS.put("KB", 1_000L);
        SIZE_UNITS.put("kB", 1_000L);
        SIZE_UNITS.put("B", 1L);

        BIT_RATE_UNITS.put("Gbit/s", 1_000_000_000L);
        BIT_RATE_UNITS.put("Gbps", 1_000_000_000L);
        BIT_RATE_UNITS.put("Mbit/s", 1_000_000L);
        BIT_RATE_UNITS.put("Mbps", 1_000_000L);
        BIT_RATE_UNITS.put("kbit/s", 1_000L);
        BIT_RATE_UNITS.put("kbps", 1_000L);
        BIT_RATE_UNITS.put("bit/s", 1L);
        BIT_RATE_UNITS.put("bps", 1L);
    }

    private Units() {
    }

    /** A duration in nanoseconds; the unit is required unless the value is zero. */
    public static long duration(String text) {
        Parsed p = parse(text, Kind.DURATION);
        if (p.unit.isEmpty()) {
            if (p.number.signum() == 0) {
                return 0;
            }
            throw new UnitException("'" + text.trim() + "' has no unit: expected " + Kind.DURATION.noun + " in "
                    + Kind.DURATION.expected);
        }
        Long scale = DURATION_UNITS.get(p.unit);
        if (scale == null) {
            throw wrongUnit(text, p.unit, Kind.DURATION);
        }
        return toLong(text, p.number, scale, "nanosecond");
    }

    /**
     * A Kafka {@code *.ms} setting: a bare number is milliseconds, as in Kafka's own files; a duration
     * with a unit ("500us", "1s") is also accepted.
     */
    public static long durationOrMillis(String text) {
        Parsed p = parse(text, Kind.DURATION);
        if (p.unit.isEmpty()) {
            return toLong(text, p.number, 1_000_000L, "nanosecond");
        }
        return duration(text);
    }

    /** A size in bytes; a bare integer is bytes. */
    public static long size(String text) {
        Parsed p = parse(text, Kind.SIZE);
        long scale;
        if (p.unit.isEmpty()) {
            scale = 1;
        } else {
            Long s = SIZE_UNITS.get(p.unit);
            if (s == null) {
                throw wrongUnit(text, p.unit, Kind.SIZE);
            }
            scale = s;
        }
        return toLong(text, p.number, scale, "byte");
    }

    /** A byte, bit or record rate. */
    public static Rate rate(String text) {
        Parsed p = parse(text, Kind.RATE);
        String unit = p.unit;
        if (unit.equals("record/s") || unit.equals("records/s")) {
            return Rate.records(p.number.doubleValue());
        }
        Long bits = BIT_RATE_UNITS.get(unit);
        if (bits != null) {
            return Rate.bytes(p.number.multiply(BigDecimal.valueOf(bits)).doubleValue() / 8);
        }
        if (unit.matches("[kKMGT]b/s")) {
            throw new UnitException("'" + text.trim() + "' is ambiguous: write " + unit.charAt(0) + "bit/s for bits or "
                    + unit.toUpperCase(Locale.ROOT).replace("B/S", "B/s") + " for bytes per second");
        }
        if (unit.endsWith("/s")) {
            Long scale = SIZE_UNITS.get(unit.substring(0, unit.length() - 2));
            if (scale != null) {
                return Rate.bytes(p.number.multiply(BigDecimal.valueOf(scale)).doubleValue());
            }
        }
        throw wrongUnit(text, unit, Kind.RATE);
    }

    /** "50%" is 0.5; a plain number must already be a fraction in [0, 1]. */
    public static double fraction(String text) {
        Parsed p = parse(text, Kind.FRACTION);
        if (p.unit.equals("%")) {
            return p.number.doubleValue() / 100;
        }
        if (!p.unit.isEmpty()) {
            throw wrongUnit(text, p.unit, Kind.FRACTION);
        }
        double v = p.number.doubleValue();
        if (v > 1) {
            throw new UnitException("'" + text.trim() + "' is more than 1: write a percentage such as "
                    + p.number.toPlainString() + "% or a fraction between 0 and 1");
        }
        return v;
    }

    /** The shortest exact spelling, in the largest unit that divides {@code nanos}: "5ms", "90s", "0". */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        for (Map.Entry<String, Long> u : DURATION_UNITS.entrySet()) {
            if (!u.getKey().equals("min") && !u.getKey().equals("µs") && nanos % u.getValue() == 0) {
                return nanos / u.getValue() + u.getKey();
            }
        }
        throw new AssertionError("ns divides every duration");
    }

    /** An exact spelling: binary units when they divide, else SI, else bytes ("16KiB", "90MB", "516B"). */
    public static String formatSize(long bytes) {
        if (bytes == 0) {
            return "0B";
        }
        for (Map.Entry<String, Long> u : SIZE_UNITS.entrySet()) {
            if (!u.getKey().equals("kB") && bytes % u.getValue() == 0) {
                return bytes / u.getValue() + u.getKey();
            }
        }
        throw new AssertionError("B divides every size");
    }

    /** "90MB/s" when exact in a unit, otherwise the exact double in B/s or records/s. */
    public static String formatRate(Rate rate) {
        double v = rate.perSecond();
        if (rate.kind() == Rate.Kind.RECORDS) {
            return plain(v) + (v == 1 ? " record/s" : " records/s");
        }
        for (Map.Entry<String, Long> u : SIZE_UNITS.entrySet()) {
            double q = v / u.getValue();
            if (!u.getKey().equals("kB") && q >= 1 && q == Math.rint(q) && q * u.getValue() == v) {
                return plain(q) + u.getKey() + "/s";
            }
        }
        return plain(v) + "B/s";
    }

    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private record Parsed(BigDecimal number, String unit) {
    }

    private static Parsed parse(String text, Kind kind) {
        if (text == null || text.isBlank()) {
            throw new UnitException("empty value: expected " + kind.noun + " in " + kind.expected);
        }
        Matcher m = NUMBER_THEN_UNIT.matcher(text.trim());
        if (!m.matches()) {
            throw new UnitException("'" + text.trim() + "' is not " + kind.noun + ": expected " + kind.expected);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        if (number.signum() < 0) {
            throw new UnitException("'" + text.trim() + "' is negative: expected " + kind.noun + " of zero or more");
        }
        return new Parsed(number, m.group(2).trim());
    }

    private static long toLong(String text, BigDecimal number, long scale, String baseUnit) {
        if (scale == 1 && number.stripTrailingZeros().scale() > 0) {
            throw new UnitException("'" + text.trim() + "' is not a whole number of " + baseUnit + "s");
        }
        BigDecimal exact = number.multiply(BigDecimal.valueOf(scale));
        try {
            return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new UnitException("'" + text.trim() + "' is too large");
        }
    }

    /** Names the kind of quantity the unit does belong to, so "5MB" as a duration reads as a mix-up. */
    private static UnitException wrongUnit(String text, String unit, Kind expected) {
        String actual = null;
        if (DURATION_UNITS.containsKey(unit)) {
            actual = Kind.DURATION.noun;
        } else if (SIZE_UNITS.containsKey(unit)) {
            actual = Kind.SIZE.noun;
        } else if (BIT_RATE_UNITS.containsKey(unit) || unit.endsWith("/s")) {
            actual = Kind.RATE.noun;
        } else if (unit.equals("%")) {
            actual = "a percentage";
        }
        String got = actual == null
                ? "'" + text.trim() + "' has unknown unit '" + unit + "'"
                : "'" + text.trim() + "' is " + actual;
        return new UnitException(got + ": expected " + expected.noun + " in " + expected.expected);
    }
}
