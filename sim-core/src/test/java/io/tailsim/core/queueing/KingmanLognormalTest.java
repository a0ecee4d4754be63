package io.tailsim.core.queueing;

import static io.tailsim.core.dist.Distributions.exponential;
import static io.tailsim.core.dist.Distributions.lognormal;
import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.stat.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * Poisson arrivals, lognormal service with cs^2 = 2, against Kingman's formula (Kingman 1961, "The
 * single server queue in heavy traffic", Proc. Cambridge Phil. Soc. 57):
 * <pre>
 *   E[Wq] ≈ (rho / (1 - rho)) · ((ca^2 + cs^2) / 2) · E[S]
 * </pre>
 * Why rho = 0.9: Kingman's is a heavy-traffic approximation, meant for loads near 1, which is the
 * regime tailsim cares about (queueing dominates the tail). With Poisson arrivals (ca^2 = 1) it
 * coincides with the Pollaczek-Khinchine formula, rho·E[S](1 + cs^2) / (2(1 - rho)), so here it is
 * exact at any load and the 10% tolerance is all simulation error; going beyond 0.9 would only make
 * the estimator's variance (which grows like (1-rho)^-4 and with the lognormal's heavy third moment,
 * E[S^3] = 27·E[S]^3 at cs^2 = 2) expensive.
 */
class KingmanLognormalTest {
    private static final long SEED = 0x6146_3A11L;

    @Test
    void meanWaitMatchesKingmanAtRhoPointNine() {
        double rho = 0.9;
        Distribution service = lognormal(MILLISECOND, Math.sqrt(2));
        Distribution arrivals = exponential(MILLISECOND / rho);
        assertThat(service.scv()).isCloseTo(2.0, within(1e-9));
        double ca2 = arrivals.scv();
        double cs2 = service.scv();
        double meanServiceMs = service.mean() / MILLISECOND;
        double analytic = (rho / (1 - rho)) * ((ca2 + cs2) / 2) * meanServiceMs;
        QueueRuns.Experiment e = QueueRuns.run(SEED, 20, 1, arrivals, service, 300_000);
        ConfidenceInterval ci = e.meanWait().confidenceInterval();
        double error = (ci.estimate() - analytic) / analytic;
        System.out.printf("M/LN/1 rho=%.1f cs2=2  E[Wq] Kingman %.4f ms  simulated %s  error %+.2f%%%n",
                rho, analytic, ci, 100 * error);
        assertThat(Math.abs(error)).as("relative error of E[Wq], %s vs %.4f", ci, analytic).isLessThan(0.10);
        assertThat(ci.contains(analytic)).as("95%% CI %s covers %.4f", ci, analytic).isTrue();
    }
}
