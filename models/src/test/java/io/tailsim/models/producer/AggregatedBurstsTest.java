package io.tailsim.models.producer;

import io.tailsim.models.Fixtures;
import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trogdor bursts on shared agent hosts run as one tracked CPU job per run of quiet send() calls, the
 * calls made when something observes the producer (Application, HostCpu.attainedAt). The
 * per-record path (one CPU job and completion per call) must give the same run: every record's
 * send() time, offset and acknowledgement time, and so every statistic.
 */
class AggregatedBurstsTest {

    /** The latency blog's shape: 90 producers on 9 agents, about two records per batch. */
    @Test
    void ninetyProducersOnAgents() {
        sameRunBothWays(Fixtures.blog(90, 5 * MILLISECOND, 16_384, 1.5, 0.5, 9));
    }

    /** 900 producers: 100 per agent share its 4 cores, one record per batch. */
    @Test
    void nineHundredProducersOnAgents() {
        sameRunBothWays(Fixtures.blog(900, 5 * MILLISECOND, 16_384, 0.6, 0.2, 9));
    }

    /**
     * Small batches fill within a burst: the full batches end aggregated runs (the Sender wakes at
     * once). Here the two ways round a few send() times differently by a nanosecond (the per-record
     * path rounds up every call's completion, the aggregated one each crossing), which reorders
     * later events; the runs agree in distribution, not record for record.
     */
    @Test
    void batchesThatFillWithinTheBurst() {
        ClusterSpec spec = Fixtures.blog(9, 5 * MILLISECOND, 2_048, 3, 0.5, 3);
        Run aggregated = run(spec, false);
        Run perRecord = run(spec, true);
        assertThat(aggregated.records.size()).isEqualTo(perRecord.records.size());
        assertThat(aggregated.result.producerGroups().get("bench").recordsSent())
                .isEqualTo(perRecord.result.producerGroups().get("bench").recordsSent());
        for (double p : new double[] {50, 90, 99}) {
            assertThat(aggregated.result.producerLatency().valueAtPercentile(p))
                    .as("p%s producer latency", p)
                    .isCloseTo(perRecord.result.producerLatency().valueAtPercentile(p),
                            org.assertj.core.data.Percentage.withPercentage(5));
        }
        assertThat(aggregated.result.produceRequestRate())
                .isCloseTo(perRecord.result.produceRequestRate(), org.assertj.core.data.Percentage.withPercentage(2));
        // in the first burst every record's send() time is within a microsecond of the other way's
        java.util.Map<String, Long> sends = new java.util.HashMap<>();
        for (Rec r : perRecord.records) {
            sends.put(r.producer + "/" + r.partition + "/" + r.sequence, r.sendTime);
        }
        for (Rec r : aggregated.records) {
            Long other = sends.get(r.producer + "/" + r.partition + "/" + r.sequence);
            if (other != null && r.sendTime < 4 * MILLISECOND) {
                assertThat(Math.abs(other - r.sendTime)).isLessThanOrEqualTo(1_000);
            }
        }
    }

    /**
     * Hosts time-sliced (round robin, 1.5 ms quantum) instead of processor sharing: a thread whose send() work is done
     * is handed the next call at that instant and keeps its core, so the pieces of a burst run as one job there too.
     */
    @Test
    void ninetyProducersOnTimeSlicedAgents() {
        sameRunBothWays(timeSliced(Fixtures.blog(90, 5 * MILLISECOND, 16_384, 1.5, 0.5, 9), 1_500_000));
    }

    @Test
    void nineHundredProducersOnTimeSlicedAgents() {
        sameRunBothWays(timeSliced(Fixtures.blog(900, 5 * MILLISECOND, 16_384, 0.6, 0.2, 9), 1_500_000));
    }

    /** A slice shorter than a burst's work: bursts are preempted mid-way and resume from the queue. */
    @Test
    void burstsPreemptedByAShortSlice() {
        sameRunBothWays(timeSliced(Fixtures.blog(900, 5 * MILLISECOND, 16_384, 0.6, 0.2, 9), 20_000));
    }

    private static ClusterSpec timeSliced(ClusterSpec s, long sliceNanos) {
        io.tailsim.models.config.HardwareProfile.HostEffects fx = s.profile().hostEffects();
        io.tailsim.models.config.HardwareProfile p = s.profile().withHostEffects(
                new io.tailsim.models.config.HardwareProfile.HostEffects(fx.backgroundCoresPerBroker(),
                        fx.backgroundPerRequestNanos(), fx.backgroundPerPartitionNanos(), fx.backgroundBurstNanos(),
                        fx.wakeupLatency(), fx.clientBackgroundCores(), fx.clientBackgroundPerRecordNanos(), sliceNanos));
        return new ClusterSpec(p, s.brokers(), s.availabilityZones(), s.brokerConfig(), s.topics(), s.producerGroups(),
                s.consumerGroups(), s.phases(), s.durationNanos(), s.warmupNanos(), s.seed());
    }

    /** linger.ms 0: no call is quiet, both ways are the per-record path. */
    @Test
    void lingerZero() {
        sameRunBothWays(Fixtures.blog(18, 0, 16_384, 1.0, 0.3, 3));
    }

    private static void sameRunBothWays(ClusterSpec spec) {
        Run aggregated = run(spec, false);
        Run perRecord = run(spec, true);
        assertThat(aggregated.records).isNotEmpty();
        assertThat(aggregated.records.size()).isEqualTo(perRecord.records.size());
        java.util.Map<String, Rec> byKey = new java.util.HashMap<>();
        for (Rec r : perRecord.records) {
            byKey.put(r.producer + "/" + r.partition + "/" + r.sequence, r);
        }
        Rec firstSendDiff = null;
        for (Rec r : aggregated.records) {
            Rec o = byKey.get(r.producer + "/" + r.partition + "/" + r.sequence);
            if ((o == null || o.sendTime != r.sendTime) && (firstSendDiff == null || r.sendTime < firstSendDiff.sendTime)) {
                firstSendDiff = r;
            }
        }
        if (firstSendDiff != null) {
            assertThat(firstSendDiff).as("earliest send() that differs")
                    .isEqualTo(byKey.get(firstSendDiff.producer + "/" + firstSendDiff.partition + "/" + firstSendDiff.sequence));
        }
        for (int i = 0; i < aggregated.records.size(); i++) {
            if (!aggregated.records.get(i).equals(perRecord.records.get(i))) {
                assertThat(aggregated.records.get(i)).as("record %d acknowledged", i).isEqualTo(perRecord.records.get(i));
            }
        }
        assertThat(aggregated.result.producerLatency().copyHistogram())
                .isEqualTo(perRecord.result.producerLatency().copyHistogram());
        assertThat(aggregated.result.produceTime().copyHistogram())
                .isEqualTo(perRecord.result.produceTime().copyHistogram());
        assertThat(aggregated.result.commitTime().copyHistogram())
                .isEqualTo(perRecord.result.commitTime().copyHistogram());
        assertThat(aggregated.result.produceRequestRate()).isEqualTo(perRecord.result.produceRequestRate());
        assertThat(aggregated.result.producerGroups().get("bench").recordsSent())
                .isEqualTo(perRecord.result.producerGroups().get("bench").recordsSent());
        assertThat(aggregated.result.producerGroups().get("bench").clientCpuUtilisation())
                .isCloseTo(perRecord.result.producerGroups().get("bench").clientCpuUtilisation(),
                        org.assertj.core.data.Offset.offset(1e-6));
        // the aggregated way fires fewer events
        assertThat(aggregated.result.eventsFired()).isLessThanOrEqualTo(perRecord.result.eventsFired());
    }

    private record Rec(String producer, int partition, long sequence, long offset, long sendTime, long ackedAt) {
    }

    private record Run(RunResult result, List<Rec> records) {
    }

    private static Run run(ClusterSpec spec, boolean perRecord) {
        ClusterModel m = new ClusterModel(spec, 7);
        for (KafkaProducer p : m.producers()) {
            p.setPerRecord(perRecord);
        }
        List<Rec> records = new ArrayList<>();
        m.addProducerObserver(new ProducerObserver() {
            @Override
            public void batchAcked(ProducerBatch b, long now) {
                for (int k = 0; k < b.recordCount(); k++) {
                    records.add(new Rec(b.producer().name(), b.partitionId, b.baseSequence() + k,
                            b.baseOffset() + k, b.sendTime(k), now));
                }
            }
        }, 0);
        RunResult r = m.run();
        return new Run(r, records);
    }
}
