package io.tailsim.models.consumer;

import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStreams;
import io.tailsim.core.stat.TimeWeighted;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.config.ConsumerConfig;
import io.tailsim.models.config.ConsumerGroupSpec;
import io.tailsim.models.network.Host;
import io.tailsim.models.placement.MetadataCache;
import io.tailsim.models.placement.TopicMetadata;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.TopicRecorders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A consumer group reading one topic: its members, its coordinator (the leader of the group's
 * __consumer_offsets partition, abs(groupId.hashCode()) % offsets.topic.num.partitions), and its
 * assignment, made with the configured assignor when the group starts and again whenever a
 * member's metadata shows the topic's partition count changed.
 *
 * <p>Simplified: a rebalance takes no time (JoinGroup and SyncGroup round trips and the cooperative
 * protocol's second round are left out); a partition that changes owner continues at the previous
 * owner's position, as if that owner committed it on revocation (the classic consumer does commit
 * synchronously before an eager rebalance when auto-commit is on), so no record is skipped or read
 * twice; partitions no member owned before start from their first offset (auto.offset.reset
 * earliest: records produced to a new partition before the group notices it are all read).
 */
public final class ConsumerGroup {
    /** offsets.topic.num.partitions default. */
    public static final int OFFSETS_TOPIC_PARTITIONS = 50;
    /** offsets.topic.replication.factor default. */
    public static final int OFFSETS_TOPIC_REPLICATION_FACTOR = 3;
    public static final String OFFSETS_TOPIC = "__consumer_offsets";

    private final ConsumerGroupSpec spec;
    private final Partition offsetsPartition;
    private final MetadataCache metadata;
    private final List<KafkaConsumer> members = new ArrayList<>();
    private boolean[] everAssigned = new boolean[0];
    private int assignedPartitions = -1;
    /**
     * Records committed but not yet handed to the application, over all partitions of the topic:
     * the sum of their high watermarks minus the sum of the group's positions (records-lag summed),
     * kept exact as a time-weighted value (high watermark advances add, deliveries subtract).
     */
    private final TimeWeighted lag;
    public final ConsumerGroupStats stats = new ConsumerGroupStats();

    /**
     * @param offsetsPartitions the __consumer_offsets partitions by id
     * @param hosts             host of member i
     */
    public ConsumerGroup(ConsumerGroupSpec spec, Simulator sim, Broker[] brokers, MetadataCache metadata,
                         List<Partition> offsetsPartitions, IntFunction<Host> hosts, RandomStreams streams,
                         TopicRecorders recorders) {
        this.spec = spec;
        this.metadata = metadata;
        this.offsetsPartition = offsetsPartitions.get(partitionFor(spec.groupId(), offsetsPartitions.size()));
        this.lag = new TimeWeighted(sim.now(), 0);
        for (int i = 0; i < spec.count(); i++) {
            String name = "consumer-" + spec.groupId() + "-" + i;
            members.add(new KafkaConsumer(name, i, sim, this, brokers, hosts.apply(i), streams.stream(name),
                    streams.stream("net/" + name + "/out"), streams.stream("net/" + name + "/in"),
                    streams.stream("net/" + name + "/coordinator/out"),
                    streams.stream("net/" + name + "/coordinator/in"), recorders));
        }
    }

    /** Runs member {@code i}'s poll thread on {@code cpu}'s shared cores (KafkaConsumer.pollOn). */
    public void pollOn(int i, io.tailsim.models.cpu.HostCpu cpu, int cpuGroup, double perFetchNanos) {
        members.get(i).pollOn(cpu, cpuGroup, perFetchNanos);
    }

    /** GroupCoordinator.partitionFor: Utils.abs(groupId.hashCode) % offsets.topic.num.partitions. */
    public static int partitionFor(String groupId, int offsetsPartitions) {
        int h = groupId.hashCode();
        return (h == Integer.MIN_VALUE ? 0 : Math.abs(h)) % offsetsPartitions;
    }

    public ConsumerGroupSpec spec() {
        return spec;
    }

    public String groupId() {
        return spec.groupId();
    }

    public String topic() {
        return spec.topic();
    }

    public List<KafkaConsumer> members() {
        return Collections.unmodifiableList(members);
    }

    /** The group's __consumer_offsets partition; its leader is the group coordinator. */
    public Partition offsetsPartition() {
        return offsetsPartition;
    }

    public int coordinator() {
        return offsetsPartition.leader();
    }

    public void setObserver(ConsumerObserver o) {
        for (KafkaConsumer c : members) {
            c.setObserver(o);
        }
    }

    /** Records behind the high watermark now, all partitions of the topic (assigned or not yet). */
    public long lag() {
        return (long) lag.value();
    }

    /** Time-average lag since the start or the last {@link #resetStats}. */
    public double meanLag(long now) {
        return lag.average(now);
    }

    /** Integral of the lag (records x ns) since the start or the last {@link #resetStats}. */
    public double lagIntegral(long now) {
        return lag.integral(now);
    }

    /** Largest lag since the start or the last {@link #resetStats}. */
    public long maxLag() {
        return (long) lag.max();
    }

    /** The high watermark of a partition of the topic passed {@code records} more records. */
    public void committed(int records, long now) {
        lag.add(now, records);
    }

    void consumed(int records, long now) {
        lag.add(now, -records);
    }

    /** Warm-up end: counters and the lag average restart. */
    public void resetStats(long now) {
        stats.reset();
        lag.reset(now);
    }

    public long recordsConsumed() {
        long n = 0;
        for (KafkaConsumer c : members) {
            n += c.recordsConsumed();
        }
        return n;
    }

    public long fetchesSent() {
        long n = 0;
        for (KafkaConsumer c : members) {
            n += c.fetchesSent();
        }
        return n;
    }

    /** Assigns the topic's partitions and starts every member's poll loop. */
    public void start(long now) {
        rebalance(now);
        for (KafkaConsumer c : members) {
            c.start(now);
        }
    }

    /** A member's metadata response: a partition count other than the assignment's triggers a rebalance. */
    void metadataSeen(int partitions, long now) {
        if (partitions != assignedPartitions) {
            rebalance(now);
            stats.rebalances++;
        }
    }

    private void rebalance(long now) {
        TopicMetadata md = metadata.topic(spec.topic());
        int n = md.partitionCount();
        List<List<Integer>> owned = new ArrayList<>();
        for (KafkaConsumer c : members) {
            owned.add(c.ownedPartitions());
        }
        List<List<Integer>> target = spec.config().assignmentStrategy() == ConsumerConfig.AssignmentStrategy.RANGE
                ? PartitionAssignor.range(n, members.size())
                : PartitionAssignor.cooperativeSticky(n, owned);
        long[] handover = new long[n];
        Arrays.fill(handover, -1);
        for (int m = 0; m < members.size(); m++) {
            BitSet keep = bits(target.get(m));
            for (int p : owned.get(m)) {
                if (!keep.get(p)) {
                    handover[p] = members.get(m).revoke(p);
                }
            }
        }
        if (everAssigned.length < n) {
            everAssigned = Arrays.copyOf(everAssigned, n);
        }
        for (int m = 0; m < members.size(); m++) {
            BitSet had = bits(owned.get(m));
            for (int p : target.get(m)) {
                if (had.get(p)) {
                    continue;
                }
                Partition partition = md.partition(p);
                if (!everAssigned[p]) {
                    everAssigned[p] = true;
                    partition.consumerGroupArrived();
                }
                members.get(m).assign(partition, handover[p] >= 0 ? handover[p] : 0);
            }
        }
        assignedPartitions = n;
        for (KafkaConsumer c : members) {
            c.rebalanced(now);
        }
    }

    private static BitSet bits(List<Integer> partitions) {
        BitSet b = new BitSet();
        partitions.forEach(b::set);
        return b;
    }

    @Override
    public String toString() {
        return "ConsumerGroup[" + spec.groupId() + " on " + spec.topic() + ", " + members.size() + " members]";
    }
}
