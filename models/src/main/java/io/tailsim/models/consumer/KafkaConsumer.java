package io.tailsim.models.consumer;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.broker.ClientEndpoint;
import io.tailsim.models.broker.FetchRequest;
import io.tailsim.models.broker.HeartbeatRequest;
import io.tailsim.models.broker.MetadataRequest;
import io.tailsim.models.broker.OffsetCommitRequest;
import io.tailsim.models.broker.Request;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.cpu.CpuJob;
import io.tailsim.models.cpu.HostCpu;
import io.tailsim.models.network.Host;
import io.tailsim.models.producer.ProducerBatch;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.TopicRecorders;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One group member (the classic KafkaConsumer) and the application thread that calls poll() in a
 * loop: poll() returns up to max.poll.records buffered records at once; when the buffer is empty it
 * sends fetches and waits for a response with records. Before returning records it sends the next
 * fetches (the client's pipelining), so fetching overlaps the application's processing of the
 * records (processing-per-poll plus processing-per-record, drawn from the group's distributions).
 * Fetch responses are buffered as they arrive, but fetches to a broker whose response came in
 * while the application was busy wait for the next poll(), as in Kafka.
 *
 * <p>Per record handed out it records end-to-end latency (send() to the poll() returning it) and
 * its last two components: catch-up = from commit until the fetch that carried the record was
 * sent (0 when that fetch was sent before the commit and waited for it at the broker), fetch =
 * from the later of the two until poll() returned it.
 */
public final class KafkaConsumer implements ClientEndpoint {
    private final String name;
    private final int indexInGroup;
    private final Simulator sim;
    private final ConsumerGroup group;
    private final ConsumerConfig config;
    private final RandomStream rng;
    private final Distribution perRecord;
    private final Distribution perPoll;
    private final Fetcher fetcher;
    private final ConsumerCoordinator coordinator;
    private final TopicRecorders recorders;
    private final List<TopicPartitionState> assignment = new ArrayList<>();
    private TopicPartitionState[] byPartition = new TopicPartitionState[8];
    private final MetadataRequest metadataRequest;
    private final MetadataRefresh metadataRefresh = new MetadataRefresh();
    private final ProcessingDone processingDone = new ProcessingDone();
    private ConsumerObserver observer;
    private boolean started;
    private boolean waiting;
    private boolean metadataInFlight;
    private long pollId;
    private int pollPartitions;
    private long recordsConsumed;
    /** The poll thread on shared cores (pollOn); null: its work costs nothing. */
    private HostCpu pollCpu;
    private double perFetchNanos;
    private CpuJob pollJob;
    /** Fetch responses that arrived and the poll thread has not finished reading. */
    private int responsesToRead;

    KafkaConsumer(String name, int indexInGroup, Simulator sim, ConsumerGroup group, Broker[] brokers, Host host,
                  RandomStream rng, RandomStream netOut, RandomStream netIn, RandomStream coordinatorOut,
                  RandomStream coordinatorIn, TopicRecorders recorders) {
        this.name = name;
        this.indexInGroup = indexInGroup;
        this.sim = sim;
        this.group = group;
        this.config = group.spec().config();
        this.rng = rng;
        this.perRecord = group.spec().processingPerRecord();
        this.perPoll = group.spec().processingPerPoll();
        this.recorders = recorders;
        this.fetcher = new Fetcher(this, config, brokers, host, netOut, netIn);
        Broker coordinatorBroker = brokers[group.offsetsPartition().leader()];
        this.coordinator = new ConsumerCoordinator(this, group, config, sim,
                coordinatorBroker.connect(this, host, coordinatorOut, coordinatorIn, false));
        this.metadataRequest = new MetadataRequest(group.topic());
    }

    @Override
    public String name() {
        return name;
    }

    public int indexInGroup() {
        return indexInGroup;
    }

    public ConsumerGroup group() {
        return group;
    }

    void setObserver(ConsumerObserver o) {
        this.observer = o;
    }

    /** Records poll() has handed to the application. */
    public long recordsConsumed() {
        return recordsConsumed;
    }

    /** Fetch requests sent since the start. */
    public long fetchesSent() {
        return fetcher.fetchesSent();
    }

    /** Partitions assigned now. */
    public int assignedCount() {
        return assignment.size();
    }

    /** Assigned partition ids, in assignment order. */
    public List<Integer> ownedPartitions() {
        List<Integer> l = new ArrayList<>(assignment.size());
        for (TopicPartitionState tp : assignment) {
            l.add(tp.id());
        }
        return l;
    }

    /** Position (next offset poll() returns) in assigned partition {@code id}, or -1 when not assigned. */
    public long position(int id) {
        TopicPartitionState tp = id < byPartition.length ? byPartition[id] : null;
        return tp == null ? -1 : tp.position;
    }

    /** Records behind the high watermark over the assigned partitions (records-lag summed). */
    public long lag() {
        long l = 0;
        for (int i = 0; i < assignment.size(); i++) {
            l += assignment.get(i).lag();
        }
        return l;
    }

    /** Offset commits that failed: answered with an error (not replicated within offsets.commit.timeout.ms) or never sent. */
    public long commitsFailed() {
        return coordinator.commitsFailed();
    }

    boolean isWaitingInPoll() {
        return waiting;
    }

    // ---- assignment (ConsumerGroup's rebalance) ----

    void assign(Partition p, long position) {
        TopicPartitionState tp = new TopicPartitionState(p, position);
        int id = p.id();
        if (id >= byPartition.length) {
            byPartition = Arrays.copyOf(byPartition, Math.max(id + 1, byPartition.length * 2));
        }
        if (byPartition[id] != null) {
            throw new IllegalStateException(name + " already owns " + p);
        }
        byPartition[id] = tp;
        assignment.add(tp);
        fetcher.assign(tp);
    }

    /** Gives up partition {@code id}; returns the position the next owner starts from. */
    long revoke(int id) {
        TopicPartitionState tp = byPartition[id];
        byPartition[id] = null;
        assignment.remove(tp);
        fetcher.revoke(tp);
        return tp.position;
    }

    /** After a rebalance: a member waiting in poll() fetches its new partitions at once. */
    void rebalanced(long now) {
        fetcher.rebalanced();
        if (waiting) {
            fetcher.sendFetches(now);
        }
    }

    // ---- the application's poll loop ----

    void start(long now) {
        started = true;
        coordinator.start(now);
        sim.schedule(metadataRefresh, config.metadataMaxAgeNanos());
        poll(now);
    }

    /**
     * poll() until it returns nothing (then wait for a response) or the application has records
     * to process for a while.
     */
    private void poll(long now) {
        while (true) {
            coordinator.maybeAutoCommit(now);
            pollId++;
            pollPartitions = 0;
            int n = fetcher.collect(now, config.maxPollRecords());
            fetcher.sendFetches(now);
            if (n == 0) {
                waiting = true;
                return;
            }
            waiting = false;
            group.stats.polls++;
            long busy = processingNanos(n);
            if (busy > 0) {
                sim.schedule(processingDone, busy);
                return;
            }
            processed(now);
        }
    }

    private long processingNanos(int records) {
        double t = perPoll == null ? 0 : perPoll.sample(rng);
        if (perRecord != null) {
            for (int i = 0; i < records; i++) {
                t += perRecord.sample(rng);
            }
        }
        return Math.max(0, Math.round(t));
    }

    private void processed(long now) {
        if (config.commitPerPoll()) {
            coordinator.commitAsync(pollPartitions, now);
        }
    }

    /** poll() hands records [from, to) of {@code b} to the application now. */
    void deliver(TopicPartitionState tp, RecordBatch b, int from, int to, long fetchSentAt, long now) {
        if (!(b instanceof ProducerBatch pb)) {
            throw new IllegalStateException(name + " read " + b + " from " + tp.partition + ": not a producer's batch");
        }
        long commit = b.commitTime();
        if (commit < 0 || b.nextOffset() > tp.partition.highWatermark()) {
            throw new IllegalStateException(name + " read " + b + " above the high watermark "
                    + tp.partition.highWatermark() + " of " + tp.partition);
        }
        int n = to - from;
        recorders.catchUpTime.record(Math.max(0, fetchSentAt - commit), n);
        recorders.fetchTime.record(now - Math.max(fetchSentAt, commit), n);
        for (int k = from; k < to; k++) {
            recorders.endToEnd.record(now - pb.sendTime(k));
        }
        if (tp.lastPoll != pollId) {
            tp.lastPoll = pollId;
            pollPartitions++;
        }
        recordsConsumed += n;
        group.stats.recordsConsumed += n;
        group.consumed(n, now);
        if (observer != null) {
            observer.recordsDelivered(this, pb, from, to, fetchSentAt, now);
        }
    }

    /**
     * Runs this consumer's poll thread on {@code cpu}'s cores (cpu group {@code group}), shared with brokers: each fetch
     * response costs it {@code perFetchNanos} (cpu.consumer-per-fetch) before poll() hands its records on, waiting for a
     * core like every other thread there.
     */
    void pollOn(HostCpu cpu, int group, double perFetchNanos) {
        this.pollCpu = cpu;
        this.perFetchNanos = perFetchNanos;
        this.pollJob = new CpuJob(group) {
            @Override
            protected void cpuDone(long now) {
                responsesToRead--;
                if (responsesToRead > 0) {
                    pollCpu.submit(this, KafkaConsumer.this.perFetchNanos);
                }
                fetchResponseRead(now);
            }
        };
    }

    @Override
    public void onResponse(Request r, long now) {
        if (r instanceof FetchRequest fr) {
            fetcher.onFetchResponse(fr);
            if (!started) {
                return;
            }
            if (pollCpu != null && perFetchNanos > 0) {
                if (responsesToRead++ == 0) {
                    pollCpu.submit(pollJob, perFetchNanos);
                }
                return;
            }
            fetchResponseRead(now);
        } else if (r instanceof MetadataRequest mr) {
            metadataInFlight = false;
            group.metadataSeen(mr.partitions(), now);
        } else if (r instanceof OffsetCommitRequest oc) {
            coordinator.onResponse(oc, now);
        } else if (r instanceof HeartbeatRequest hb) {
            coordinator.onResponse(hb);
        } else {
            throw new IllegalStateException(name + " got an unexpected " + r.label());
        }
    }

    /** The poll thread has read a fetch response: a waiting poll() returns its records, or fetches again if it was empty. */
    private void fetchResponseRead(long now) {
        if (waiting && fetcher.hasBuffered()) {
            poll(now);
        } else if (waiting) {
            // an empty response (fetch.max.wait.ms passed): the waiting poll() fetches again
            fetcher.sendFetches(now);
        }
    }

    private final class ProcessingDone extends Event {
        @Override
        public void fire(Simulator s) {
            long now = s.now();
            processed(now);
            poll(now);
        }

        @Override
        public String label() {
            return name + "/processing";
        }
    }

    /** Every metadata.max.age.ms: a Metadata request; a changed partition count makes the group rebalance. */
    private final class MetadataRefresh extends Event {
        @Override
        public void fire(Simulator s) {
            if (!metadataInFlight) {
                FetchSessionHandler h = fetcher.leastLoaded();
                if (h != null) {
                    metadataInFlight = true;
                    group.stats.metadataRequests++;
                    h.connection.send(metadataRequest);
                }
            }
            s.schedule(this, config.metadataMaxAgeNanos());
        }

        @Override
        public String label() {
            return name + "/metadata";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
