package io.tailsim.core.stat;

import io.tailsim.core.time.Time;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogScanner;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A latency histogram per fixed interval of simulated time (say every 10 s), kept as compressed
 * HdrHistogram payloads and written as a standard HdrHistogram interval log, so a time-series plot
 * and the result file come from the same data.
 *
 * <p>Interval k covers [origin + k·interval, origin + (k+1)·interval). A value lands in the interval
 * holding the time it was observed; intervals with nothing recorded are kept (empty) so the series
 * stays evenly spaced. {@link #close(long)} ends the series, keeping a last partial interval.
 *
 * <p>Log timestamps: simulated time zero is the log's epoch (StartTime and BaseTime 0), timestamps
 * are in seconds with millisecond precision as the format has it, so origin and interval must be
 * whole milliseconds; values are nanoseconds and the log's "max" column is in milliseconds.
 * Several tagged series can share one log ({@link #writeLog(OutputStream, Collection)}).
 */
public final class IntervalSeries {
    /** One closed interval: its span, count, max, and the compressed histogram. */
    public static final class Interval {
        private final long startNanos;
        private final long endNanos;
        private final long count;
        private final long maxNanos;
        private final byte[] compressed;

        private Interval(long startNanos, long endNanos, long count, long maxNanos, byte[] compressed) {
            this.startNanos = startNanos;
            this.endNanos = endNanos;
            this.count = count;
            this.maxNanos = maxNanos;
            this.compressed = compressed;
        }

        public long startNanos() {
            return startNanos;
        }

        public long endNanos() {
            return endNanos;
        }

        public long count() {
            return count;
        }

        /** Largest value in the interval (bucket top), nanoseconds; 0 when empty. */
        public long maxNanos() {
            return maxNanos;
        }

        /** A freshly decoded copy of this interval's histogram (nanoseconds). */
        public Histogram histogram() {
            try {
                return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
            } catch (DataFormatException e) {
                throw new IllegalStateException("corrupt interval histogram at " + startNanos + "ns", e);
            }
        }
    }

    private static final Comparator<Interval> BY_START = Comparator.comparingLong(Interval::startNanos);

    private final String tag;
    private final long originNanos;
    private final long intervalNanos;
    private final List<Interval> intervals = new ArrayList<>();
    private Histogram current;
    private long currentStart;
    private boolean closed;
    private ByteBuffer buffer;

    /** An untagged series starting at {@code originNanos} with intervals of {@code intervalNanos}. */
    public IntervalSeries(long originNanos, long intervalNanos) {
        this(null, originNanos, intervalNanos);
    }

    /**
     * A series whose log lines carry {@code tag} (null for none; no commas or white space, as the
     * log format separates fields with them).
     */
    public IntervalSeries(String tag, long originNanos, long intervalNanos) {
        if (tag != null && (tag.isEmpty() || !tag.matches("[^\\s,]+"))) {
            throw new IllegalArgumentException("tag '" + tag + "' must be non-empty without commas or white space");
        }
        if (intervalNanos <= 0 || intervalNanos % Time.MILLISECOND != 0) {
            throw new IllegalArgumentException("interval " + intervalNanos + "ns must be a positive whole number of ms");
        }
        if (originNanos < 0 || originNanos % Time.MILLISECOND != 0) {
            throw new IllegalArgumentException("origin " + originNanos + "ns must be a non-negative whole number of ms");
        }
        this.tag = tag;
        this.originNanos = originNanos;
        this.intervalNanos = intervalNanos;
        this.currentStart = originNanos;
        this.current = LatencyRecorder.newHistogram();
    }

    private IntervalSeries(String tag, long originNanos, long intervalNanos, List<Interval> read) {
        this.tag = tag;
        this.originNanos = originNanos;
        this.intervalNanos = intervalNanos;
        this.intervals.addAll(read);
        this.closed = true;
    }

    /** Records latency {@code valueNanos} observed at {@code nowNanos} (values above 1 h clamp to 1 h). */
    public void record(long nowNanos, long valueNanos) {
        if (closed) {
            throw new IllegalStateException("interval series " + tag + " is closed");
        }
        if (nowNanos < currentStart) {
            throw new IllegalArgumentException("time " + nowNanos + "ns is before the current interval ["
                    + currentStart + "ns, " + (currentStart + intervalNanos) + "ns)");
        }
        if (valueNanos < 0) {
            throw new IllegalArgumentException("negative latency " + valueNanos + "ns");
        }
        if (nowNanos >= currentStart + intervalNanos) {
            rollTo(nowNanos);
        }
        current.recordValue(Math.min(valueNanos, LatencyRecorder.HIGHEST_TRACKABLE_NANOS));
    }

    /** Closes every interval that ends at or before {@code nowNanos}, making it visible in {@link #intervals()}. */
    public void advanceTo(long nowNanos) {
        if (closed) {
            throw new IllegalStateException("interval series " + tag + " is closed");
        }
        if (nowNanos >= currentStart + intervalNanos) {
            rollTo(nowNanos);
        }
    }

    /** Ends the series at {@code endNanos}: full intervals up to it, plus the partial one if non-empty in time. */
    public void close(long endNanos) {
        if (closed) {
            return;
        }
        if (endNanos < currentStart) {
            throw new IllegalArgumentException("end " + endNanos + "ns is before the current interval start "
                    + currentStart + "ns");
        }
        advanceTo(endNanos);
        if (endNanos > currentStart) {
            seal(currentStart, endNanos);
        }
        closed = true;
        current = null;
        buffer = null;
    }

    private void rollTo(long nowNanos) {
        while (nowNanos >= currentStart + intervalNanos) {
            seal(currentStart, currentStart + intervalNanos);
            currentStart += intervalNanos;
        }
    }

    private void seal(long start, long end) {
        int needed = current.getNeededByteBufferCapacity();
        if (buffer == null || buffer.capacity() < needed) {
            buffer = ByteBuffer.allocate(needed);
        }
        buffer.clear();
        int length = current.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
        byte[] bytes = Arrays.copyOf(buffer.array(), length);
        long count = current.getTotalCount();
        intervals.add(new Interval(start, end, count, count == 0 ? 0 : current.getMaxValue(), bytes));
        current.reset();
    }

    public String tag() {
        return tag;
    }

    public long originNanos() {
        return originNanos;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The closed intervals, oldest first. */
    public List<Interval> intervals() {
        return Collections.unmodifiableList(intervals);
    }

    public int size() {
        return intervals.size();
    }

    /** Interval start times in seconds of simulated time: the x axis of a plot. */
    public double[] startSeconds() {
        return intervals.stream().mapToDouble(i -> Time.toSeconds(i.startNanos)).toArray();
    }

    /** Values recorded per interval. */
    public long[] counts() {
        return intervals.stream().mapToLong(Interval::count).toArray();
    }

    /** Percentile {@code p} of each interval in milliseconds, NaN for empty intervals. */
    public double[] percentileSeries(double p) {
        return percentileSeries(new double[] {p})[0];
    }

    /** For each of {@code percentiles}, its value per interval in milliseconds (NaN when empty). */
    public double[][] percentileSeries(double[] percentiles) {
        for (double p : percentiles) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile " + p + " is outside [0, 100]");
            }
        }
        double[][] out = new double[percentiles.length][intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            Interval in = intervals.get(i);
            Histogram h = in.count == 0 ? null : in.histogram();
            for (int j = 0; j < percentiles.length; j++) {
                out[j][i] = h == null ? Double.NaN : Time.toMillis(h.getValueAtPercentile(percentiles[j]));
            }
        }
        return out;
    }

    /** Mean of each interval in milliseconds (from buckets), NaN for empty intervals: a series for MSER. */
    public double[] meanSeries() {
        return intervals.stream()
                .mapToDouble(in -> in.count == 0 ? Double.NaN : in.histogram().getMean() / Time.MILLISECOND)
                .toArray();
    }

    /** All closed intervals merged (mean, min and max from buckets). */
    public LatencyRecorder total() {
        return total(0);
    }

    /**
     * The closed intervals from index {@code firstInterval} on, merged: warm-up removal after the fact,
     * with the truncation point from {@link Warmup} on {@link #meanSeries()} or a fixed count.
     */
    public LatencyRecorder total(int firstInterval) {
        if (firstInterval < 0 || firstInterval > intervals.size()) {
            throw new IllegalArgumentException("first interval " + firstInterval + " outside [0, " + intervals.size() + "]");
        }
        LatencyRecorder all = new LatencyRecorder();
        for (Interval in : intervals.subList(firstInterval, intervals.size())) {
            if (in.count > 0) {
                all.addHistogram(in.histogram());
            }
        }
        return all;
    }

    /** Writes the closed intervals as an HdrHistogram interval log. */
    public void writeLog(OutputStream out) {
        writeLog(out, List.of(this));
    }

    /** Writes several series (distinct tags) into one log, interleaved by interval start. */
    public static void writeLog(OutputStream out, Collection<IntervalSeries> series) {
        Map<String, IntervalSeries> byTag = new LinkedHashMap<>();
        for (IntervalSeries s : series) {
            if (byTag.put(s.tag == null ? "" : s.tag, s) != null) {
                throw new IllegalArgumentException("two series share the tag '" + s.tag + "'");
            }
        }
        record Line(String tag, Interval interval) {
        }
        List<Line> lines = new ArrayList<>();
        for (IntervalSeries s : series) {
            for (Interval in : s.intervals) {
                lines.add(new Line(s.tag, in));
            }
        }
        // Stable sort: equal starts keep the caller's series order.
        lines.sort(Comparator.comparing(Line::interval, BY_START));
        // Not closed: the caller owns the stream.
        PrintStream ps = new PrintStream(Objects.requireNonNull(out, "out"), false, StandardCharsets.UTF_8);
        HistogramLogWriter w = new HistogramLogWriter(ps);
        w.outputComment("[tailsim interval series: values in ns, times in simulated seconds]");
        w.outputLogFormatVersion();
        w.outputStartTime(0);
        w.outputBaseTime(0);
        w.outputLegend();
        for (Line line : lines) {
            Interval in = line.interval();
            Histogram h = in.histogram();
            h.setTag(line.tag());
            w.outputIntervalHistogram(in.startNanos / 1e9, in.endNanos / 1e9, h, Time.MILLISECOND);
        }
        ps.flush();
        if (ps.checkError()) {
            throw new IllegalStateException("failed writing interval log");
        }
    }

    /** Reads a log holding one series (tagged or not). */
    public static IntervalSeries readLog(InputStream in) {
        Map<String, IntervalSeries> all = readLogs(in);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one series in the log, found tags " + all.keySet());
        }
        return all.values().iterator().next();
    }

    /**
     * Reads every series in an interval log, keyed by tag ("" for untagged lines), in order of first
     * appearance. Times come back at the log's millisecond precision; the series are closed.
     */
    public static Map<String, IntervalSeries> readLogs(InputStream in) {
        Map<String, List<Interval>> byTag = new LinkedHashMap<>();
        double[] baseSec = {0};
        RuntimeException[] failure = {null};
        HistogramLogScanner scanner = new HistogramLogScanner(in);
        scanner.process(new HistogramLogScanner.EventHandler() {
            @Override
            public boolean onComment(String comment) {
                return false;
            }

            @Override
            public boolean onBaseTime(double secondsSinceEpoch) {
                baseSec[0] = secondsSinceEpoch;
                return false;
            }

            @Override
            public boolean onStartTime(double secondsSinceEpoch) {
                return false;
            }

            @Override
            public boolean onHistogram(String tag, double timestamp, double length,
                                       HistogramLogScanner.EncodableHistogramSupplier reader) {
                try {
                    EncodableHistogram eh = reader.read();
                    if (!(eh instanceof Histogram h)) {
                        throw new IllegalArgumentException("interval at " + timestamp + "s is not an integer histogram");
                    }
                    long startMs = Math.round((timestamp + baseSec[0]) * 1000);
                    long endMs = startMs + Math.round(length * 1000);
                    byte[] bytes = encode(h);
                    long count = h.getTotalCount();
                    byTag.computeIfAbsent(tag == null ? "" : tag, t -> new ArrayList<>()).add(new Interval(
                            startMs * Time.MILLISECOND, endMs * Time.MILLISECOND, count,
                            count == 0 ? 0 : h.getMaxValue(), bytes));
                    return false;
                } catch (DataFormatException | RuntimeException e) {
                    failure[0] = new IllegalArgumentException("unreadable interval at " + timestamp + "s: " + e, e);
                    return true;
                }
            }

            @Override
            public boolean onException(Throwable t) {
                failure[0] = new IllegalArgumentException("malformed interval log: " + t, t);
                return true;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        Map<String, IntervalSeries> out = new LinkedHashMap<>();
        byTag.forEach((tag, list) -> {
            Interval first = list.get(0);
            out.put(tag, new IntervalSeries(tag.isEmpty() ? null : tag, first.startNanos,
                    first.endNanos - first.startNanos, list));
        });
        return out;
    }

    private static byte[] encode(Histogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(b, Deflater.BEST_SPEED);
        return Arrays.copyOf(b.array(), length);
    }
}
