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

/** One KafkaConsumer and its polling thread; end-to-end latency is taken when poll() returns the record. */
final class ConsumerWorker implements Runnable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final LatencyRecorder latency;
    private final Map<String, LongAdder> consumedInWindowByTopic;
    private volatile boolean running = true;
    /** Published by the polling thread: KafkaConsumer itself may only be touched from that thread (wakeup aside). */
    volatile Set<TopicPartition> assignment = Set.of();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Schedule live;

    ConsumerWorker(KafkaConsumer<byte[], byte[]> consumer, List<String> topics, LatencyRecorder latency,
                   Map<String, LongAdder> consumedInWindowByTopic) {
        this.consumer = consumer;
        this.topics = topics;
        this.latency = latency;
        this.consumedInWindowByTopic = consumedInWindowByTopic;
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
                        latency.record(now - intended);
                        consumedInWindowByTopic.get(r.topic()).increment();
                    }
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
