package io.tailsim.validation.driver;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One KafkaProducer and the thread that feeds it on schedule. Each record's intended send time is fixed by the arrival process,
 * whatever send() does: if send() blocks (buffer.memory full, metadata) the thread catches up by sending the overdue records at
 * once, each still stamped with its own intended time.
 */
final class ProducerWorker implements Runnable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final ArrivalProcess arrivals;
    private final int recordBytes;
    private final int keyCount;
    private final SplittableRandom random;
    private final byte[] payload;
    private final Schedule schedule;
    private final LatencyRecorder latency;
    private final LatencyRecorder sendLag;
    private final LongAdder windowAcked;
    final LongAdder sentInWindow = new LongAdder();
    final LongAdder ackedInWindow = new LongAdder();
    final LongAdder failed = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();

    ProducerWorker(KafkaProducer<byte[], byte[]> producer, String topic, ArrivalProcess arrivals, int recordBytes, int keyCount,
                   SplittableRandom random, Schedule schedule, LatencyRecorder latency, LatencyRecorder sendLag,
                   LongAdder windowAckedForTopic) {
        this.producer = producer;
        this.topic = topic;
        this.arrivals = arrivals;
        this.recordBytes = recordBytes;
        this.keyCount = keyCount;
        this.random = random;
        this.schedule = schedule;
        this.latency = latency;
        this.sendLag = sendLag;
        this.windowAcked = windowAckedForTopic;
        this.payload = new byte[recordBytes];
        random.nextBytes(payload);
    }

    @Override
    public void run() {
        try {
            long next = schedule.startNanos() + arrivals.firstOffsetNanos();
            while (next < schedule.stopNanos()) {
                long now = System.nanoTime();
                if (now < next) {
                    LockSupport.parkNanos(next - now);
                    if (Thread.interrupted()) return;
                    continue;
                }
                send(next);
                next += arrivals.nextGapNanos();
            }
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }

    private void send(long intended) {
        // A fresh array per record: send() copies it into a batch, but nothing here should depend on when.
        byte[] value = payload.clone();
        RecordStamp.write(value, intended);
        byte[] key = null;
        if (keyCount > 0) {
            int k = random.nextInt(keyCount);
            key = new byte[]{(byte) (k >>> 24), (byte) (k >>> 16), (byte) (k >>> 8), (byte) k};
        }
        boolean inWindow = schedule.inWindow(intended);
        if (inWindow) {
            sentInWindow.increment();
            // How late the driver itself is: large values mean the load generator, not Kafka, is starved of CPU.
            sendLag.record(System.nanoTime() - intended);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (md, ex) -> {
                long now = System.nanoTime();
                if (ex != null) {
                    failed.increment();
                    firstError.compareAndSet(null, ex.toString());
                } else if (inWindow) {
                    latency.record(now - intended);
                    ackedInWindow.increment();
                    windowAcked.increment();
                }
            });
        } catch (KafkaException e) {
            failed.increment();
            firstError.compareAndSet(null, e.toString());
        }
    }

    int recordBytes() {
        return recordBytes;
    }
}
