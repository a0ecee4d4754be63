package io.tailsim.models.consumer;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.broker.Connection;
import io.tailsim.models.broker.HeartbeatRequest;
import io.tailsim.models.broker.OffsetCommitRequest;
import io.tailsim.models.config.ConsumerConfig;

/**
 * A member's side of the classic group protocol (ConsumerCoordinator, AbstractCoordinator's
 * heartbeat thread), over its own connection to the group coordinator (Kafka gives the
 * coordinator a connection of its own): a Heartbeat every heartbeat.interval.ms while none is in
 * flight, and asynchronous offset commits, either every auto.commit.interval.ms of the positions
 * of all assigned partitions (enable.auto.commit, done inside poll(), so a member busy processing
 * commits when it next polls), or after every poll that returned records, of those records'
 * partitions ({@link ConsumerConfig#commitPerPoll()}: OpenMessaging Benchmark's consumer).
 */
final class ConsumerCoordinator {
    /** offsets.commit.timeout.ms default: the coordinator answers a commit not replicated by then with an error. */
    static final long OFFSETS_COMMIT_TIMEOUT_NANOS = 5_000_000_000L;
    /** The consumer's NetworkClient takes at most this many requests in flight per connection (fixed in KafkaConsumer). */
    static final int MAX_IN_FLIGHT = 100;
    /** request.timeout.ms consumer default: a request still unsent by then fails (ConsumerNetworkClient). */
    static final long REQUEST_TIMEOUT_NANOS = 30_000_000_000L;

    private final KafkaConsumer consumer;
    private final ConsumerGroup group;
    private final ConsumerConfig config;
    private final Simulator sim;
    private final Connection connection;
    private final HeartbeatRequest heartbeat = new HeartbeatRequest();
    private final HeartbeatTimer heartbeatTimer = new HeartbeatTimer();
    private final AutoCommitTimer autoCommitTimer = new AutoCommitTimer();
    private boolean heartbeatInFlight;
    private int commitsInFlight;
    /** Commits waiting for an in-flight slot: when each was made and how many offsets it holds. */
    private final java.util.ArrayDeque<long[]> unsentCommits = new java.util.ArrayDeque<>();
    private long nextAutoCommit;
    private boolean autoCommitTimerIdle;
    private long commitsFailed;

    ConsumerCoordinator(KafkaConsumer consumer, ConsumerGroup group, ConsumerConfig config, Simulator sim,
                        Connection connection) {
        this.consumer = consumer;
        this.group = group;
        this.config = config;
        this.sim = sim;
        this.connection = connection;
    }

    void start(long now) {
        sim.schedule(heartbeatTimer, config.heartbeatIntervalNanos());
        if (config.enableAutoCommit()) {
            nextAutoCommit = now + config.autoCommitIntervalNanos();
            sim.scheduleAt(autoCommitTimer, nextAutoCommit);
        }
    }

    /** ConsumerCoordinator.maybeAutoCommitOffsetsAsync, called as poll() starts. */
    void maybeAutoCommit(long now) {
        if (!config.enableAutoCommit() || now < nextAutoCommit) {
            return;
        }
        commitAsync(consumer.assignedCount(), now);
        nextAutoCommit = now + config.autoCommitIntervalNanos();
        if (autoCommitTimerIdle) {
            autoCommitTimerIdle = false;
            sim.scheduleAt(autoCommitTimer, nextAutoCommit);
        }
    }

    /**
     * commitAsync of {@code partitions} offsets: an append to the group's __consumer_offsets
     * partition. The coordinator takes one request per connection at a time, so commits made
     * faster than it answers them queue: up to {@link #MAX_IN_FLIGHT} in the socket, the rest in the
     * client, where those unsent for request.timeout.ms fail.
     */
    void commitAsync(int partitions, long now) {
        if (partitions <= 0) {
            return;
        }
        if (commitsInFlight < MAX_IN_FLIGHT) {
            send(partitions);
        } else {
            expire(now);
            unsentCommits.add(new long[] {now, partitions});
        }
    }

    private void expire(long now) {
        while (!unsentCommits.isEmpty() && now - unsentCommits.peek()[0] > REQUEST_TIMEOUT_NANOS) {
            unsentCommits.poll();
            failed();
        }
    }

    private void failed() {
        commitsFailed++;
        group.stats.offsetCommitsFailed++;
    }

    private void send(int partitions) {
        OffsetCommitRequest r = new OffsetCommitRequest(group.offsetsPartition(),
                new OffsetCommitBatch(partitions, group.groupId(), group.topic()), OFFSETS_COMMIT_TIMEOUT_NANOS);
        group.stats.offsetCommits++;
        commitsInFlight++;
        connection.send(r);
    }

    void onResponse(OffsetCommitRequest r, long now) {
        commitsInFlight--;
        if (r.timedOut()) {
            failed();
        }
        expire(now);
        if (!unsentCommits.isEmpty()) {
            send((int) unsentCommits.poll()[1]);
        }
    }

    void onResponse(HeartbeatRequest r) {
        heartbeatInFlight = false;
    }

    long commitsFailed() {
        return commitsFailed;
    }

    private final class HeartbeatTimer extends Event {
        @Override
        public void fire(Simulator s) {
            if (!heartbeatInFlight) {
                heartbeatInFlight = true;
                group.stats.heartbeats++;
                connection.send(heartbeat);
            }
            s.schedule(this, config.heartbeatIntervalNanos());
        }

        @Override
        public String label() {
            return consumer.name() + "/heartbeat";
        }
    }

    /** The deadline passes while the member waits inside poll(): it commits then; otherwise at its next poll(). */
    private final class AutoCommitTimer extends Event {
        @Override
        public void fire(Simulator s) {
            long now = s.now();
            if (consumer.isWaitingInPoll()) {
                maybeAutoCommit(now);
                s.scheduleAt(this, nextAutoCommit);
            } else {
                autoCommitTimerIdle = true;
            }
        }

        @Override
        public String label() {
            return consumer.name() + "/auto-commit";
        }
    }
}
