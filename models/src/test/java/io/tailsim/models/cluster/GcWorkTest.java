package io.tailsim.models.cluster;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.dist.Deterministic;
import io.tailsim.models.Fixtures;
import io.tailsim.models.config.Acks;
import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.TopicSpec;
import io.tailsim.models.report.BrokerResult;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Test;

/** Stop-the-world pauses as their GC workers' CPU on the host (gc.pause-work, gc.workers) instead of a drawn length. */
class GcWorkTest {

    /** {@code vcpus} cores shared by {@code brokers} brokers; a collection every 50 requests, each 4 ms of CPU over 2 workers. */
    static HardwareProfile profile(int vcpus, int brokersPerHost) {
        return profile(vcpus, brokersPerHost, 0);
    }

    /** The same with each broker's JVM busy on other work for {@code backgroundCores} (Poisson jobs of 1 ms). */
    static HardwareProfile profile(int vcpus, int brokersPerHost, double backgroundCores) {
        HardwareProfile p = Fixtures.simple(vcpus);
        p = new HardwareProfile("gc-work", vcpus, brokersPerHost, false, p.cpu(), p.network(), p.disk(), p.compressionRatio(),
                null, null);
        return p.withHostEffects(new HardwareProfile.HostEffects(backgroundCores, 0, 0, MILLISECOND, null, 0, 0)
                .withGcAllocation(new HardwareProfile.GcAllocation(0.02, 0, 0))
                .withGcWork(new HardwareProfile.GcWork(new Deterministic(4 * MILLISECOND), 2)));
    }

    static RunResult run(HardwareProfile profile, int brokers, double rate) {
        ProducerGroupSpec g = new ProducerGroupSpec("p", "t", 1, new ArrivalProcess.Poisson(rate), 0, 512,
                KeyStrategy.NONE, ClusterMechanismTest.config(1, 16_384, Acks.ALL, 5), 0);
        return new ClusterModel(ClusterMechanismTest.spec(profile, brokers, 1, new TopicSpec("t", 3, brokers, brokers), g, 20, 2), 7)
                .run();
    }

    /** Pauses' mean length over the brokers, weighed by how often each paused, ms. */
    static double meanPauseMs(RunResult r) {
        double pauses = 0, ms = 0;
        for (BrokerResult b : r.brokers()) {
            if (Double.isNaN(b.gcPauseMsMean())) continue;
            pauses += b.gcPausesPerSec();
            ms += b.gcPausesPerSec() * b.gcPauseMsMean();
        }
        return ms / pauses;
    }

    @Test
    void onIdleCoresAPauseLastsItsWorkOverItsWorkers() {
        RunResult r = run(profile(4, 1), 1, 200);
        assertThat(r.brokers().get(0).gcPausesPerSec()).isPositive();
        // 4 ms of CPU on 2 workers, each with a core of its own: 2 ms, whatever the broker's own threads had to do
        assertThat(r.brokers().get(0).gcPauseMsMean()).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void twoWorkersOnOneCoreTakeTheirWholeWork() {
        RunResult r = run(profile(1, 1), 1, 200);
        assertThat(r.brokers().get(0).gcPauseMsMean()).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void onACrowdedHostPausesLastLongerTheBusierTheOtherThreads() {
        // three brokers on two cores: while one is stopped its workers share the cores with the other two's threads
        double quiet = meanPauseMs(run(profile(2, 3), 3, 200));
        double busy = meanPauseMs(run(profile(2, 3, 0.4), 3, 200));
        assertThat(quiet).isGreaterThanOrEqualTo(2.0).isLessThan(2.5);
        // the other two brokers' 0.8 cores of other work: each worker gets a core less often
        assertThat(busy).isGreaterThan(1.2 * quiet);
    }

    @Test
    void workNeedsAPositiveMeanAndWorkers() {
        assertThatThrownBy(() -> new HardwareProfile.GcWork(new Deterministic(0), 2)).hasMessageContaining("gc.pause-work");
        assertThatThrownBy(() -> new HardwareProfile.GcWork(new Deterministic(MILLISECOND), 0)).hasMessageContaining("gc.workers");
    }
}
