package io.tailsim.core.queueing;

import static io.tailsim.core.dist.Distributions.exponential;
import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.core.rng.RandomStreams;
import io.tailsim.core.stat.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The single-seed coverage checks in the other tests pass or fail once; this one asks whether the
 * intervals deserve their name. 200 independent M/M/1 experiments (rho = 0.5, 10 replications of
 * 5,000 customers each, 10% warm-up): a calibrated 95% interval covers E[Wq] = 1 ms in about 190 of
 * them (Binomial sd about 3). Short runs leave a little skew and initial bias in each replication's
 * mean, so coverage may dip a point or two below nominal; below 88% would mean the intervals lie.
 */
class ConfidenceCoverageTest {
    @Test
    void ninetyFivePercentIntervalsOnAQueueCoverTheTruthAboutNinetyFivePercentOfTheTime() {
        int experiments = 200;
        int covered = 0;
        for (int i = 0; i < experiments; i++) {
            long seed = RandomStreams.replicationSeed(0xC0FE_A6EL, i);
            ConfidenceInterval ci = QueueRuns.run(seed, 10, 1, exponential(2 * MILLISECOND),
                    exponential(MILLISECOND), 5_000).meanWait().confidenceInterval();
            if (ci.contains(1.0)) {
                covered++;
            }
        }
        System.out.printf("M/M/1 rho=0.5: %d of %d 95%% intervals cover E[Wq]%n", covered, experiments);
        assertThat(covered).isBetween(176, 198);
    }
}
