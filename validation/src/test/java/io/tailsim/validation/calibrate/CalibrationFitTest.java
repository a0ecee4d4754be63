package io.tailsim.validation.calibrate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The regressions recover known costs from synthetic runs, noise and all. */
class CalibrationFitTest {
    // Known costs, seconds of CPU per unit (and cores for idle).
    static final double IDLE = 0.05, PRODUCE = 300e-6, FETCH = 90e-6, EXTRA_PARTITION = 8e-6, PARTITION_READ = 3e-6, KIB = 2e-6;
    static final double NET_IDLE = 0.01, NET_REQUEST = 40e-6;
    static final double FETCHER_IDLE = 0.005, FETCHER_RESPONSE = 50e-6, FETCHER_KIB = 1e-6;
    static final double CLIENT_IDLE = 0.1, CLIENT_RECORD = 5e-6, CLIENT_REQUEST = 500e-6, CLIENT_FETCH = 200e-6;

    @Test
    void olsRecoversExactCoefficientsAndReportsResiduals() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}};
        double[] y = {1, 3, 5, 7.5, 9};
        Fit f = Fit.ols("line", List.of("a", "b"), List.of("r1", "r2", "r3", "r4", "r5"), x, y);
        assertThat(f.coefficient("a")).isCloseTo(1.0, within(1e-9));
        assertThat(f.coefficient("b")).isCloseTo(2.05, within(1e-9));
        double sum = 0;
        for (int i = 0; i < 5; i++) sum += f.residual(i);
        assertThat(sum).isCloseTo(0, within(1e-9));
        assertThat(f.residual(3)).isCloseTo(7.5 - (1.0 + 3 * 2.05), within(1e-9));
        assertThat(f.rSquared()).isBetween(0.99, 1.0);
        assertThat(f.standardError("b")).isPositive();
    }

    @Test
    void refusesTooFewRunsAndRunsThatDoNotSeparateTheRegressors() {
        assertThatThrownBy(() -> Fit.ols("f", List.of("a", "b"), List.of("r1", "r2"), new double[][]{{1, 2}, {3, 4}}, new double[]{1, 2}))
                .hasMessageContaining("2 runs cannot fit 2 coefficients");
        assertThatThrownBy(() -> Fit.ols("f", List.of("a", "b"), List.of("r1", "r2", "r3"), new double[][]{{1, 2}, {2, 4}, {3, 6}}, new double[]{1, 2, 3}))
                .hasMessageContaining("singular");
    }

    @Test
    void theFourFitsRecoverTheCostsTheSyntheticRunsWereMadeWith() {
        Random rnd = new Random(3);
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = 15;
            double produce = w * (50 + rnd.nextInt(900)), ff = w * (30 + rnd.nextInt(600)), fc = w * rnd.nextInt(400);
            double extra = w * rnd.nextInt(2000), reads = w * (100 + rnd.nextInt(20000)), kib = w * (10 + rnd.nextInt(30000));
            double repl = 2 * kib * (0.8 + 0.4 * rnd.nextDouble()), records = produce * (1 + rnd.nextInt(8));
            double noise = 1 + 0.002 * rnd.nextGaussian();
            double handler = (IDLE * w + PRODUCE * produce + FETCH * (ff + fc) + EXTRA_PARTITION * extra + PARTITION_READ * reads + KIB * kib) * noise;
            double network = NET_IDLE * w + NET_REQUEST * (produce + ff + fc);
            double fetcher = FETCHER_IDLE * w + FETCHER_RESPONSE * ff + FETCHER_KIB * repl;
            double driver = CLIENT_IDLE * w + CLIENT_RECORD * records + CLIENT_REQUEST * produce + CLIENT_FETCH * fc;
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, extra, reads, kib, repl, records, records, handler + network + fetcher,
                    network, fetcher, handler, driver, 10, 50, 3, false));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.handler().coefficient("Produce")).isCloseTo(PRODUCE, within(PRODUCE * 0.05));
        assertThat(fit.handler().coefficient("Fetch")).isCloseTo(FETCH, within(FETCH * 0.05));
        assertThat(fit.handler().coefficient("extraPartitionAppends")).isCloseTo(EXTRA_PARTITION, within(EXTRA_PARTITION * 0.1));
        assertThat(fit.handler().coefficient("partitionReads")).isCloseTo(PARTITION_READ, within(PARTITION_READ * 0.05));
        assertThat(fit.handler().coefficient("kibIn")).isCloseTo(KIB, within(KIB * 0.1));
        assertThat(fit.handler().coefficient("idle")).isCloseTo(IDLE, within(IDLE * 0.2));
        assertThat(fit.network().coefficient("requests")).isCloseTo(NET_REQUEST, within(1e-12));
        assertThat(fit.network().coefficient("idle")).isCloseTo(NET_IDLE, within(1e-9));
        assertThat(fit.fetcher().coefficient("FetchFollower")).isCloseTo(FETCHER_RESPONSE, within(1e-12));
        assertThat(fit.fetcher().coefficient("replicationKibIn")).isCloseTo(FETCHER_KIB, within(1e-12));
        assertThat(fit.client().coefficient("recordsSent")).isCloseTo(CLIENT_RECORD, within(1e-12));
        assertThat(fit.client().coefficient("Produce")).isCloseTo(CLIENT_REQUEST, within(1e-12));
        assertThat(fit.client().coefficient("FetchConsumer")).isCloseTo(CLIENT_FETCH, within(1e-12));
        assertThat(fit.handler().rSquared()).isGreaterThan(0.99);
    }

    @Test
    void thePlanHasEnoughDistinctRunsForTheLargestFit() {
        assertThat(CalibrationPlan.runs()).hasSizeGreaterThan(CalibrationFit.HANDLER.size() + 2);
        assertThat(CalibrationPlan.runs()).extracting(CalibrationPlan.Run::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith("c"));
        assertThat(CalibrationPlan.runs()).allSatisfy(r -> assertThat(r.spec().workload().warmupSeconds()).isGreaterThanOrEqualTo(10));
    }
}
