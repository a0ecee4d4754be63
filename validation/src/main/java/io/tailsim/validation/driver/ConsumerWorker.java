package io.tailsim.validation.driver;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/** One KafkaConsumer and its polling thread; end-to-end latency is taken when poll() returns the record. */
final class ConsumerWorker implements Runnable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final Map<String, TopicLatency> latencyByTopic;
    private final Map<String, LongAdder> consumedInWindowByTopic;
    private final Processing.Sampler processing;
    private volatile boolean running = true;
    /** Published by the polling thread: KafkaConsumer itself may only be touched from that thread (wakeup aside). */
    volatile Set<TopicPartition> assignment = Set.of();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Schedule live;

    /** @param processing application time after each poll, or null for none */
    ConsumerWorker(KafkaConsumer<byte[], byte[]> consumer, List<String> topics, Map<String, TopicLatency> latencyByTopic,
                   Map<String, LongAdder> consumedInWindowByTopic, Processing.Sampler processing) {
        this.consumer = consumer;
        this.topics = topics;
        this.latencyByTopic = latencyByTopic;
        this.consumedInWindowByTopic = consumedInWindowByTopic;
        this.processing = processing;
    }

    /** Consumers start before the schedule exists (the group must settle first); records before it are not measured. */
    void setSchedule(Schedule s) {
        live = s;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                long now = System.nanoTime();
                assignment = Set.copyOf(consumer.assignment());
                Schedule s = live;
                if (s == null || records.isEmpty()) continue;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    long intended = RecordStamp.read(r.value());
                    if (s.inWindow(intended)) {
                        latencyByTopic.get(r.topic()).record(now - intended);
                        consumedInWindowByTopic.get(r.topic()).increment();
                    }
                }
                if (processing != null) process(processing.nanosAfterPoll(records.count()));
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** The application's time with the records: the thread is parked, as an application waiting on I/O would be. */
    private void process(long nanos) {
        long until = System.nanoTime() + nanos;
        long left;
        while (running && (left = until - System.nanoTime()) > 0) LockSupport.parkNanos(left);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
