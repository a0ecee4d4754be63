package io.tailsim.core.queueing;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStreams;
import io.tailsim.core.stat.LatencyRecorder;
import io.tailsim.core.stat.ReplicatedLatency;
import io.tailsim.core.stat.ReplicationStats;
import io.tailsim.core.stat.Replications;
import io.tailsim.core.station.FifoStation;
import io.tailsim.core.station.Source;
import io.tailsim.core.time.Time;
import java.util.List;

/**
 * Independent replications of a GI/G/c FIFO queue built from {@link Source} and {@link FifoStation},
 * with the first 10% of each run's time (about 10% of its customers) discarded as warm-up.
 */
final class QueueRuns {
    /** Share of each run discarded as warm-up. */
    static final double WARMUP_FRACTION = 0.1;

    /** One replication's estimates: means in ms from exact tallies, the waiting-time histogram. */
    record Replication(double meanWaitMs, double meanSojournMs, double utilisation, double meanQueueLength,
                       LatencyRecorder waits, LatencyRecorder sojourns) {
    }

    /** The replications of one experiment, in replication order. */
    record Experiment(List<Replication> replications) {
        ReplicationStats meanWait() {
            return ReplicationStats.of(replications, Replication::meanWaitMs);
        }

        ReplicationStats utilisation() {
            return ReplicationStats.of(replications, Replication::utilisation);
        }

        ReplicatedLatency waits() {
            return ReplicatedLatency.of(replications.stream().map(Replication::waits).toList());
        }

        ReplicatedLatency sojourns() {
            return ReplicatedLatency.of(replications.stream().map(Replication::sojourns).toList());
        }
    }

    private QueueRuns() {
    }

    /**
     * @param customers expected arrivals per replication (the horizon is customers x mean inter-arrival)
     */
    static Experiment run(long seed, int replications, int servers, Distribution interArrival,
                          Distribution service, long customers) {
        return new Experiment(Replications.of(seed, replications).threads(2)
                .run((r, streams) -> once(streams, servers, interArrival, service, customers)));
    }

    private static Replication once(RandomStreams streams, int servers, Distribution interArrival,
                                    Distribution service, long customers) {
        Simulator sim = new Simulator();
        FifoStation<Void> station = new FifoStation<>(sim, "station", servers, service, streams.stream("service"));
        long horizon = Math.round(customers * interArrival.mean());
        station.resetStatisticsAt(Math.round(horizon * WARMUP_FRACTION));
        Source.into(sim, interArrival, streams.stream("arrivals"), station).until(horizon).start();
        sim.runUntil(horizon);
        double utilisation = station.utilisation();
        double queue = station.queueLength().average(sim.now());
        sim.run();   // let the jobs still inside finish, so every post-warm-up arrival is counted
        return new Replication(
                station.waitingTimeTally().mean() / Time.MILLISECOND,
                station.sojournTimeTally().mean() / Time.MILLISECOND,
                utilisation, queue, station.waitingTimes(), station.sojournTimes());
    }
}
