package io.tailsim.core.queueing;

import static io.tailsim.core.dist.Distributions.exponential;
import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.stat.ConfidenceInterval;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * M/M/1 against its closed forms (Kleinrock, Queueing Systems Vol. 1, 1975, §3.2; Gross and Harris,
 * Fundamentals of Queueing Theory, §2.2), with service rate mu = 1/ms and arrival rate lambda = rho/ms:
 * <ul>
 *   <li>mean wait in queue E[Wq] = rho / (mu - lambda);</li>
 *   <li>waiting-time tail P(Wq > t) = rho · exp(-(mu - lambda) t) for t >= 0, so the p-quantile
 *       (for p above the atom 1 - rho at zero) is t_p = ln(rho / (1 - p)) / (mu - lambda).</li>
 * </ul>
 * Sizes: the sample mean of an M/M/1 queue has asymptotic variance of order rho/(1-rho)^4 per unit
 * time, so heavier loads get longer runs; 20 replications of these lengths put the 95% half-width
 * near 1% of the mean wait and 2% of the p99, so the 3% and 5% tolerances sit about 5 standard
 * errors out.
 */
class MM1Test {
    private static final long SEED = 0x7A11_5EEDL;
    private static final int REPLICATIONS = 20;
    private static final double MU = 1.0;   // per ms
    private static final Map<Double, QueueRuns.Experiment> RUNS = new ConcurrentHashMap<>();

    /** Both tests share one experiment per load. */
    private static QueueRuns.Experiment experiment(double rho) {
        return RUNS.computeIfAbsent(rho, r -> QueueRuns.run(SEED, REPLICATIONS, 1,
                exponential(MILLISECOND / r), exponential(MILLISECOND), customers(r)));
    }

    private static long customers(double rho) {
        if (rho <= 0.5) {
            return 100_000;
        }
        return rho <= 0.8 ? 300_000 : 700_000;
    }

    @ParameterizedTest(name = "rho = {0}")
    @ValueSource(doubles = {0.5, 0.8, 0.9})
    void meanWaitInQueueIsRhoOverMuMinusLambda(double rho) {
        double lambda = rho * MU;
        double analytic = rho / (MU - lambda);
        QueueRuns.Experiment e = experiment(rho);
        ConfidenceInterval ci = e.meanWait().confidenceInterval();
        double error = (ci.estimate() - analytic) / analytic;
        System.out.printf("M/M/1 rho=%.1f  E[Wq] analytic %.4f ms  simulated %s  error %+.2f%%%n",
                rho, analytic, ci, 100 * error);
        assertThat(Math.abs(error)).as("relative error of E[Wq], %s vs %.4f", ci, analytic).isLessThan(0.03);
        assertThat(ci.contains(analytic)).as("95%% CI %s covers %.4f", ci, analytic).isTrue();
        assertThat(e.utilisation().mean()).isCloseTo(rho, within(0.01 * rho));
    }

    @ParameterizedTest(name = "rho = {0}")
    @ValueSource(doubles = {0.5, 0.8, 0.9})
    void waitingTimeP99FollowsTheExponentialTail(double rho) {
        double lambda = rho * MU;
        QueueRuns.Experiment e = experiment(rho);
        for (double p : new double[] {90, 99}) {
            double analytic = Math.log(rho / (1 - p / 100)) / (MU - lambda);
            ConfidenceInterval ci = e.waits().percentile(p);
            double error = (ci.estimate() - analytic) / analytic;
            System.out.printf("M/M/1 rho=%.1f  Wq p%s analytic %.4f ms  simulated %s  error %+.2f%%%n",
                    rho, p, analytic, ci, 100 * error);
            assertThat(Math.abs(error)).as("relative error of Wq p%s, %s vs %.4f", p, ci, analytic).isLessThan(0.05);
            if (p == 99) {
                assertThat(ci.contains(analytic)).as("95%% CI %s covers %.4f", ci, analytic).isTrue();
            }
        }
    }
}
