package io.tailsim.core.queueing;

import static io.tailsim.core.dist.Distributions.exponential;
import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailsim.core.stat.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * M/M/8 mean wait against Erlang's C formula, at per-server load rho = 0.9 (offered load a = 7.2
 * erlangs; service rate mu = 1/ms per server).
 */
class MMcErlangCTest {
    private static final long SEED = 0x8E71_A1C0L;

    /**
     * Erlang's C formula, the probability that an arrival must wait in M/M/c (Kleinrock, Queueing
     * Systems Vol. 1, 1975, §3.5; Gross and Harris, Fundamentals of Queueing Theory, §2.3), with
     * offered load a = lambda/mu < c:
     * <pre>
     *   C(c, a) = [a^c/c! · c/(c-a)] / [ Σ_{k=0..c-1} a^k/k!  +  a^c/c! · c/(c-a) ]
     * </pre>
     * and the mean wait in queue is E[Wq] = C(c, a) / (c·mu - lambda). Terms are built iteratively
     * (a^k/k! from a^(k-1)/(k-1)!) so nothing overflows.
     */
    static double erlangC(int c, double a) {
        double term = 1;        // a^0 / 0!
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);  // becomes a^(k+1)/(k+1)!
        }
        double waiting = term * c / (c - a);   // a^c/c! · c/(c-a)
        return waiting / (sum + waiting);
    }

    @Test
    void erlangCMatchesPublishedValues() {
        // Independent checks of the helper: c = 1 reduces to rho; C(2, 1) = 1/3 by hand:
        // terms 1 + 1 = 2, waiting = (1/2)·2/(2-1) = 1, C = 1/3.
        assertThat(erlangC(1, 0.7)).isCloseTo(0.7, within(1e-12));
        assertThat(erlangC(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void mm8MeanWaitMatchesErlangC() {
        int c = 8;
        double rho = 0.9;
        double mu = 1.0;                 // per ms
        double lambda = rho * c * mu;    // 7.2 per ms
        double analytic = erlangC(c, lambda / mu) / (c * mu - lambda);
        QueueRuns.Experiment e = QueueRuns.run(SEED, 20, c, exponential(MILLISECOND / lambda),
                exponential(MILLISECOND), 1_500_000);
        ConfidenceInterval ci = e.meanWait().confidenceInterval();
        double error = (ci.estimate() - analytic) / analytic;
        System.out.printf("M/M/8 rho=%.1f  E[Wq] Erlang C %.4f ms  simulated %s  error %+.2f%%%n",
                rho, analytic, ci, 100 * error);
        assertThat(Math.abs(error)).as("relative error of E[Wq], %s vs %.4f", ci, analytic).isLessThan(0.03);
        assertThat(ci.contains(analytic)).as("95%% CI %s covers %.4f", ci, analytic).isTrue();
        assertThat(e.utilisation().mean()).isCloseTo(rho, within(0.01 * rho));
    }
}
