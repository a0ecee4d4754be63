package io.tailsim.validation.driver;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One KafkaProducer and the thread that feeds it. Open-loop arrivals fix each record's intended send time in advance: if
 * send() blocks (buffer.memory full, metadata) the thread catches up by sending the overdue records at once, each still stamped
 * with its own intended time. Trogdor and saturating producers are closed loop: a record is intended when its send() is called.
 */
final class ProducerWorker implements Runnable {
    private final Producer<byte[], byte[]> producer;
    private final ProducerGroupSpec group;
    private final double recordsPerSec;
    private final RecordKeys keys;
    private final SplittableRandom random;
    private final byte[] payload;
    private final Schedule schedule;
    private final TopicLatency latency;
    private final LatencyRecorder sendLag;
    private final LongAdder windowAckedForTopic;
    /** The driver machine's clock offset within the largest clock skew of its Trogdor groups (ns), shared by all its producers. */
    private final long machineClockOffsetNanos;
    final LongAdder sentInWindow = new LongAdder();
    final LongAdder ackedInWindow = new LongAdder();
    final LongAdder ackedBytesInWindow = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder failedInWindow = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();

    /**
     * @param recordsPerSec           this producer's share of the group's rate (unused by saturating producers)
     * @param machineClockOffsetNanos the driver machine's clock offset (Trogdor periods), the same for all its producers
     */
    ProducerWorker(Producer<byte[], byte[]> producer, ProducerGroupSpec group, double recordsPerSec, RecordKeys keys,
                   SplittableRandom random, Schedule schedule, TopicLatency latency, LatencyRecorder sendLag, LongAdder windowAckedForTopic,
                   long machineClockOffsetNanos) {
        this.producer = producer;
        this.group = group;
        this.recordsPerSec = recordsPerSec;
        this.keys = keys;
        this.random = random;
        this.schedule = schedule;
        this.latency = latency;
        this.sendLag = sendLag;
        this.windowAckedForTopic = windowAckedForTopic;
        this.machineClockOffsetNanos = machineClockOffsetNanos;
        this.payload = new byte[group.valueBytes()];
        random.nextBytes(payload);
    }

    @Override
    public void run() {
        try {
            Arrival a = group.arrival();
            boolean completed;
            if (a.openLoop()) completed = runOpenLoop(new ArrivalProcess(a, recordsPerSec, random.split()));
            else if (a instanceof Arrival.Trogdor t) completed = runTrogdor(t);
            else completed = runSaturating();
            if (completed) producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }

    private boolean runOpenLoop(ArrivalProcess arrivals) {
        long next = schedule.startNanos() + arrivals.firstOffsetNanos();
        while (next < schedule.stopNanos()) {
            if (!parkUntil(next)) return false;
            send(next);
            next += arrivals.nextGapNanos();
        }
        return true;
    }

    /** Trogdor's loop: send, then Throttle.increment(), which at the quota flushes and waits out the period less the flush. */
    private boolean runTrogdor(Arrival.Trogdor t) {
        long period = t.periodNanos();
        // one wall clock for the machine: its offset, kept within this group's own skew (Host.clockOffset in the model)
        long base = schedule.startNanos() + (t.maxClockSkewNanos() == 0 ? 0 : Math.min(machineClockOffsetNanos, t.maxClockSkewNanos() - 1));
        int perPeriod = t.recordsPerPeriod(recordsPerSec);
        if (!parkUntil(base)) return false;
        // Throttle starts full, so the first increment opens the first period.
        int count = perPeriod;
        long prevPeriod = -1;
        while (true) {
            long now = System.nanoTime();
            if (now >= schedule.stopNanos()) return true;
            send(now);
            while (count >= perPeriod) {
                long at = System.nanoTime();
                long current = Math.floorDiv(at - base, period);
                if (current <= prevPeriod) {
                    long amount = base + (current + 1) * period - at;
                    if (t.flush()) producer.flush();
                    if (!parkUntil(at + amount)) return false;
                } else {
                    prevPeriod = current;
                    count = 0;
                }
            }
            count++;
        }
    }

    private boolean runSaturating() {
        long now;
        while ((now = System.nanoTime()) < schedule.stopNanos()) {
            if (Thread.currentThread().isInterrupted()) return false;
            send(now);
        }
        return true;
    }

    /** Parks until the driver clock reaches {@code nanoTime}; false if interrupted (the run is being torn down). */
    private static boolean parkUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) return false;
        }
        return true;
    }

    private void send(long intended) {
        // A fresh array per record: send() copies it into a batch, but nothing here should depend on when.
        byte[] value = payload.clone();
        RecordStamp.write(value, intended);
        ProducerRecord<byte[], byte[]> record = keys.next(group.topic(), value);
        boolean inWindow = schedule.inWindow(intended);
        if (inWindow) {
            sentInWindow.increment();
            // How late the driver itself is: large values mean the load generator, not Kafka, is starved of CPU.
            sendLag.record(System.nanoTime() - intended);
        }
        int bytes = group.recordBytes();
        try {
            producer.send(record, (md, ex) -> {
                long now = System.nanoTime();
                if (ex != null) {
                    failed.increment();
                    if (inWindow) failedInWindow.increment();
                    firstError.compareAndSet(null, ex.toString());
                } else if (inWindow) {
                    latency.record(now - intended);
                    ackedInWindow.increment();
                    ackedBytesInWindow.add(bytes);
                    windowAckedForTopic.increment();
                }
            });
        } catch (KafkaException e) {
            failed.increment();
            if (inWindow) failedInWindow.increment();
            firstError.compareAndSet(null, e.toString());
        }
    }
}
