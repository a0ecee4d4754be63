package io.tailsim.core.queueing;

import static io.tailsim.core.dist.Distributions.deterministic;
import static io.tailsim.core.dist.Distributions.exponential;
import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailsim.core.stat.ConfidenceInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * M/D/1 mean wait against the Pollaczek-Khinchine mean-value formula (Kleinrock, Queueing Systems
 * Vol. 1, 1975, §5.5): E[Wq] = lambda·E[S^2] / (2(1 - rho)); with a constant service time D,
 * E[S^2] = D^2 and E[Wq] = rho·D / (2(1 - rho)), half the M/M/1 wait.
 */
class MD1Test {
    private static final long SEED = 0x0D1_0D1L;

    @ParameterizedTest(name = "rho = {0}")
    @ValueSource(doubles = {0.5, 0.9})
    void meanWaitMatchesPollaczekKhinchine(double rho) {
        double d = 1.0;   // ms
        double analytic = rho * d / (2 * (1 - rho));
        long customers = rho <= 0.5 ? 100_000 : 600_000;
        QueueRuns.Experiment e = QueueRuns.run(SEED, 20, 1, exponential(MILLISECOND / rho),
                deterministic(MILLISECOND), customers);
        ConfidenceInterval ci = e.meanWait().confidenceInterval();
        double error = (ci.estimate() - analytic) / analytic;
        System.out.printf("M/D/1 rho=%.1f  E[Wq] P-K %.4f ms  simulated %s  error %+.2f%%%n",
                rho, analytic, ci, 100 * error);
        assertThat(Math.abs(error)).as("relative error of E[Wq], %s vs %.4f", ci, analytic).isLessThan(0.03);
        assertThat(ci.contains(analytic)).as("95%% CI %s covers %.4f", ci, analytic).isTrue();
    }
}
