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
    static final double IDLE = 0.05, PRODUCE = 300e-6, PARTITION_WALK = 3e-6;
    static final double NET_IDLE = 0.01, NET_REQUEST = 40e-6;
    static final double FETCHER_IDLE = 0.005, FETCHER_RESPONSE = 50e-6, FETCHER_PARTITION = 4e-6;
    static final double CLIENT_IDLE = 0.1, CLIENT_RECORD = 300e-6;
    static final double OFF_IDLE = 0.07, OFF_REQUEST = 900e-6, OFF_PARTITION = 30e-6;

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

    /**
     * Counts fitted as Poisson counts: many runs with a handful of events each and two with hundreds, made with an idle rate
     * and a rate per unit of work. Unweighted least squares lets the two big runs set both coefficients and misses the
     * handful-runs' level; weighing each run by one over its fitted count recovers both rates.
     */
    @Test
    void poissonCountsAreWeighedByTheirExpectedCount() {
        Random rnd = new Random(21);
        int n = 40;
        double[][] x = new double[n][];
        double[] y = new double[n];
        List<String> names = new ArrayList<>();
        double idle = 0.08, perWork = 2e-4;
        for (int i = 0; i < n; i++) {
            double seconds = 15, work = i < 2 ? 200_000 + 100_000 * i : 1_000 + rnd.nextInt(2_000);
            x[i] = new double[]{seconds, work};
            y[i] = poisson(rnd, idle * seconds + perWork * work);
            names.add("r" + i);
        }
        Fit counts = Fit.poissonNnls("gc", List.of("idle", "work"), names, x, y);
        assertThat(counts.coefficient("idle")).isCloseTo(idle, within(0.3 * idle));
        assertThat(counts.coefficient("work")).isCloseTo(perWork, within(0.1 * perWork));
        // the fitted values are on the counts themselves
        assertThat(counts.fitted()[5]).isCloseTo(counts.coefficient("idle") * 15 + counts.coefficient("work") * x[5][1], within(1e-9));
        // exact data: the same as unweighted
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) exact[i] = idle * x[i][0] + perWork * x[i][1];
        assertThat(Fit.poissonNnls("gc", List.of("idle", "work"), names, x, exact).coefficient("work")).isCloseTo(perWork, within(1e-12));
    }

    private static int poisson(Random rnd, double mean) {
        if (mean > 50) return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Test
    void nonNegativeFitDropsARegressorWhoseUnconstrainedCoefficientIsNegative() {
        // y = 2 + 1*a exactly, and b anti-correlated noise that OLS would use with a negative sign
        double[][] x = {{1, 0, 0.3}, {1, 1, 0.1}, {1, 2, 0.4}, {1, 3, 0.0}, {1, 4, 0.2}, {1, 5, 0.5}};
        double[] y = {2 - 0.03, 3 - 0.01, 4 - 0.04, 5, 6 - 0.02, 7 - 0.05};
        Fit ols = Fit.ols("f", List.of("idle", "a", "b"), List.of("1", "2", "3", "4", "5", "6"), x, y);
        assertThat(ols.coefficient("b")).isNegative();
        Fit nn = Fit.nnls("f", List.of("idle", "a", "b"), List.of("1", "2", "3", "4", "5", "6"), x, y);
        assertThat(nn.coefficient("b")).isZero();
        assertThat(nn.standardError("b")).isNaN();
        assertThat(nn.coefficient("a")).isCloseTo(1.0, within(0.02));
        assertThat(nn.coefficient("idle")).isCloseTo(1.97, within(0.05));
        for (double c : nn.coefficients()) assertThat(c).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theFitsRecoverTheCostsTheSyntheticRunsWereMadeWithAndIgnoreRunsThatFellBehind() {
        Random rnd = new Random(3);
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = 15;
            double produce = w * (50 + rnd.nextInt(900)), ff = w * (30 + rnd.nextInt(600)), fc = w * rnd.nextInt(400);
            double reads = w * (100 + rnd.nextInt(20000)), records = produce * (1 + rnd.nextInt(8));
            double noise = 1 + 0.002 * rnd.nextGaussian();
            double requests = produce + ff + fc;
            double handler = (IDLE * w + PRODUCE * requests + PARTITION_WALK * 2 * reads) * noise;
            double offPath = OFF_IDLE * w + OFF_REQUEST * requests + OFF_PARTITION * reads;
            double network = NET_IDLE * w + NET_REQUEST * requests;
            double fetcher = FETCHER_IDLE * w + FETCHER_RESPONSE * ff + FETCHER_PARTITION * reads * ff / (ff + fc);
            double driver = CLIENT_IDLE * w + CLIENT_RECORD * records;
            boolean behind = i % 4 == 3;
            if (behind) {
                // a run that fell behind its load was capped by the cores: its CPU is far below what its load costs
                handler *= 0.3;
                offPath *= 0.3;
            }
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, reads, records,
                    handler + network + fetcher + offPath, network, fetcher, handler, offPath, driver, 10, 50, 3, false,
                    behind, 1000, 0.1, 0.3, null, Double.NaN, Double.NaN));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.used()).hasSize(9);
        assertThat(fit.handler().coefficient("requests")).isCloseTo(PRODUCE, within(PRODUCE * 0.05));
        assertThat(fit.handler().coefficient("partitionWalks")).isCloseTo(PARTITION_WALK, within(PARTITION_WALK * 0.05));
        assertThat(fit.handler().coefficient("idle")).isCloseTo(IDLE, within(IDLE * 0.3));
        assertThat(fit.offPath().coefficient("requests")).isCloseTo(OFF_REQUEST, within(1e-12));
        assertThat(fit.offPath().coefficient("partitionReads")).isCloseTo(OFF_PARTITION, within(1e-12));
        assertThat(fit.offPath().coefficient("idle")).isCloseTo(OFF_IDLE, within(1e-9));
        assertThat(fit.network().coefficient("requests")).isCloseTo(NET_REQUEST, within(1e-12));
        assertThat(fit.network().coefficient("idle")).isCloseTo(NET_IDLE, within(1e-9));
        assertThat(fit.fetcher().coefficient("FetchFollower")).isCloseTo(FETCHER_RESPONSE, within(1e-12));
        assertThat(fit.fetcher().coefficient("followerPartitionReads")).isCloseTo(FETCHER_PARTITION, within(1e-12));
        assertThat(fit.client().coefficient("recordsSent")).isCloseTo(CLIENT_RECORD, within(1e-12));
        assertThat(fit.handler().rSquared()).isGreaterThan(0.99);
        // the pooled lag's mean 0.3 ms and median 0.1 ms less the 50 us timer slack: a lognormal of mean 0.25 ms and median
        // 0.05 ms, cv = sqrt(5^2 - 1)
        assertThat(LocalProfileWriter.wakeup(fit, 2)).isEqualTo("lognormal(mean=250us, cv=4.90)");
    }

    /**
     * The Sender threads' CPU read apart: its costs per produce request and per wake-up are recovered although requests,
     * wake-ups and records move together in most runs, and come out of the driver's CPU before the per-record fit, which
     * then recovers the rest.
     * A run without the Sender threads' CPU (measured before the harness read it) leaves the fit as before.
     */
    @Test
    void theSenderThreadsPricePerRequestAndTheDriverFitKeepsTheRest() {
        double senderIdle = 0.004, senderRequest = 30e-6, senderWakeup = 60e-6, senderRecord = 12e-6, otherIdle = 0.08, otherRecord = 150e-6;
        Random rnd = new Random(11);
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double w = 30;
            double records = w * (100 + rnd.nextInt(3000)), produce = records / (1 + rnd.nextInt(20));
            double wakeups = produce * (1 + 2 * rnd.nextDouble());
            double sender = (senderIdle * w + senderRequest * produce + senderWakeup * wakeups + senderRecord * records)
                    * (1 + 0.001 * rnd.nextGaussian());
            double clients = sender + otherIdle * w + otherRecord * records;
            double driver = clients + 0.05 * w * (1 + rnd.nextDouble());  // the harness's own threads: not the clients'
            runs.add(new CalibrationSample("s" + i, w, produce, produce / 2, 0, produce * 10, records, 1, 0.2, 0.2, 0.4, 0.2,
                    driver, 0, 0, 3, false, false, 1000, 0.1, 0.3, null, produce, produce, Double.NaN, Double.NaN, null, sender, wakeups, clients));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.sender()).isNotNull();
        assertThat(fit.fits()).contains(fit.sender());
        assertThat(fit.sender().coefficient("produce")).isCloseTo(senderRequest, within(senderRequest * 0.1));
        assertThat(fit.sender().coefficient("wakeups")).isCloseTo(senderWakeup, within(senderWakeup * 0.05));
        assertThat(fit.sender().coefficient("recordsSent")).isCloseTo(senderRecord, within(senderRecord * 0.1));
        // the clients' per record: the Sender's per-record part and the rest, without the per-request and per-wake-up parts,
        // and without the harness's threads, which the driver's CPU holds too
        assertThat(fit.client().coefficient("recordsSent")).isCloseTo(senderRecord + otherRecord, within((senderRecord + otherRecord) * 0.03));
        assertThat(fit.client().coefficient("idle")).isCloseTo(senderIdle + otherIdle, within(0.01));
        assertThat(fit.driverOtherCores()).isCloseTo(0.075, within(0.015));

        List<CalibrationSample> older = new ArrayList<>(runs);
        CalibrationSample r0 = older.get(0);
        older.set(0, new CalibrationSample(r0.name(), r0.seconds(), r0.produce(), r0.fetchFollower(), r0.fetchConsumer(),
                r0.partitionReads(), r0.recordsSent(), r0.brokerCpu(), r0.networkCpu(), r0.fetcherCpu(), r0.handlerCpu(), r0.offPathCpu(),
                r0.driverCpu(), 0, 0, 3, false, false, 1000, 0.1, 0.3, null, r0.networkWakeups(), r0.handlerWakeups(),
                Double.NaN, Double.NaN, null));
        CalibrationFit without = CalibrationFit.of(older);
        assertThat(without.sender()).isNull();
        assertThat(without.fits()).hasSize(5);
    }

    /**
     * A Sender whose wake-ups walk its topic's partitions (ready() and drain): runs over 6 to 1,200 partitions separate that
     * cost from the fixed one per wake-up, and the clients' fit takes it out too. Runs whose producers' partitions are not
     * known (0) leave the term at nothing.
     */
    @Test
    void theSenderThreadsPricePerPartitionOfTheirTopicEachTimeTheyWake() {
        double senderRequest = 30e-6, senderWakeup = 20e-6, perPartitionWake = 120e-9, otherIdle = 0.02, otherRecord = 20e-6;
        Random rnd = new Random(16);
        List<CalibrationSample> runs = new ArrayList<>();
        int[] partitions = {6, 12, 60, 300, 1200};
        for (int i = 0; i < 10; i++) {
            double w = 30, p = partitions[i % partitions.length];
            double records = w * (100 + rnd.nextInt(900)), produce = records / (1 + rnd.nextInt(5));
            double wakeups = produce * (1 + 2 * rnd.nextDouble());
            double sender = (senderRequest * produce + senderWakeup * wakeups + perPartitionWake * wakeups * p) * (1 + 0.001 * rnd.nextGaussian());
            double clients = sender + otherIdle * w + otherRecord * records;
            runs.add(new CalibrationSample("s" + i, w, produce, produce / 2, 0, produce * 10, records, 1, 0.2, 0.2, 0.4, 0.2,
                    clients, 0, 0, 3, false, false, 1000, 0.1, 0.3, null, produce, produce, Double.NaN, Double.NaN, null, sender, wakeups,
                    clients, 0, p));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.sender().coefficient("partitionWakeups")).isCloseTo(perPartitionWake, within(perPartitionWake * 0.05));
        assertThat(fit.sender().coefficient("wakeups")).isCloseTo(senderWakeup, within(senderWakeup * 0.1));
        assertThat(fit.sender().coefficient("produce")).isCloseTo(senderRequest, within(senderRequest * 0.1));
        assertThat(fit.client().coefficient("recordsSent")).isCloseTo(otherRecord, within(otherRecord * 0.05));
        assertThat(fit.client().coefficient("idle")).isCloseTo(otherIdle, within(0.002));

        List<CalibrationSample> unknown = runs.stream().map(r -> new CalibrationSample(r.name(), r.seconds(), r.produce(), r.fetchFollower(),
                r.fetchConsumer(), r.partitionReads(), r.recordsSent(), r.brokerCpu(), r.networkCpu(), r.fetcherCpu(), r.handlerCpu(),
                r.offPathCpu(), r.driverCpu(), 0, 0, 3, false, false, 1000, 0.1, 0.3, null, r.networkWakeups(), r.handlerWakeups(),
                Double.NaN, Double.NaN, null, r.senderCpu(), r.senderWakeups(), r.clientThreadsCpu(), 0)).toList();
        assertThat(CalibrationFit.of(unknown).sender().coefficient("partitionWakeups")).isZero();
    }

    /**
     * Network and handler CPU made of a cost per request and a cost per wake-up: Poisson-like runs wake a thread for nearly
     * every request, bursty ones for a fraction of them, so the two costs separate; without wake-up counts (older runs)
     * the fits fall back to requests alone.
     */
    @Test
    void theFitsSeparateACostPerWakeupFromACostPerRequest() {
        double netWake = 60e-6, handlerWake = 20e-6;
        Random rnd = new Random(5);
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double w = 15;
            double produce = w * (50 + rnd.nextInt(900)), ff = w * (30 + rnd.nextInt(600)), fc = w * rnd.nextInt(400);
            double reads = w * (100 + rnd.nextInt(20000)), records = produce * 2;
            double requests = produce + ff + fc;
            double wakesPerRequest = i % 3 == 0 ? 0.3 + 0.1 * rnd.nextDouble() : 1.6 + 0.3 * rnd.nextDouble();
            double netWakes = requests * wakesPerRequest, handlerWakes = requests * wakesPerRequest * 0.5;
            double handler = IDLE * w + PRODUCE * requests + PARTITION_WALK * 2 * reads + handlerWake * handlerWakes;
            double network = NET_IDLE * w + NET_REQUEST * requests + netWake * netWakes;
            double fetcher = FETCHER_IDLE * w + FETCHER_RESPONSE * ff + FETCHER_PARTITION * reads * ff / (ff + fc);
            double offPath = OFF_IDLE * w + OFF_REQUEST * requests + OFF_PARTITION * reads;
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, reads, records, handler + network + fetcher + offPath,
                    network, fetcher, handler, offPath, CLIENT_IDLE * w + CLIENT_RECORD * records, 10, 50, 3, false, false,
                    1000, 0.1, 0.3, null, netWakes, handlerWakes));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.network().regressors()).isEqualTo(CalibrationFit.NETWORK);
        assertThat(fit.network().coefficient("wakeups")).isCloseTo(netWake, within(1e-9));
        assertThat(fit.network().coefficient("requests")).isCloseTo(NET_REQUEST, within(1e-9));
        assertThat(fit.handler().coefficient("wakeups")).isCloseTo(handlerWake, within(1e-9));
        assertThat(fit.handler().coefficient("requests")).isCloseTo(PRODUCE, within(1e-9));

        List<CalibrationSample> older = new ArrayList<>(runs);
        CalibrationSample r0 = runs.get(0);
        older.set(0, new CalibrationSample(r0.name(), r0.seconds(), r0.produce(), r0.fetchFollower(), r0.fetchConsumer(),
                r0.partitionReads(), r0.recordsSent(), r0.brokerCpu(), r0.networkCpu(), r0.fetcherCpu(), r0.handlerCpu(),
                r0.offPathCpu(), r0.driverCpu(), 10, 50, 3, false, false, 1000, 0.1, 0.3, null, Double.NaN, Double.NaN));
        assertThat(CalibrationFit.of(older).network().regressors()).isEqualTo(CalibrationFit.NETWORK_NO_WAKEUPS);
    }

    /**
     * Runs whose threads pay more per wake-up the more rarely they wake (warm + cold * h / (h + rate per thread), Kafka's
     * default pools: 9 network threads, 24 handlers, 6 fetchers on 3 brokers): the fits find the half rate they were made
     * with among those tried and recover both costs of each class; runs made without a cold cost leave it out.
     */
    @Test
    void theFitsFindTheColdWakeupCostAndItsHalfRate() {
        double half = 140, netWarm = 30e-6, netCold = 80e-6, handlerCold = 100e-6, fetcherCold = 200e-6;
        Random rnd = new Random(8);
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = 15;
            double produce = w * (20 + rnd.nextInt(900)), ff = w * (10 + rnd.nextInt(600)), fc = w * rnd.nextInt(400);
            double reads = w * (100 + rnd.nextInt(20000)), records = produce * 2, requests = produce + ff + fc;
            double netWakes = requests * (0.3 + 1.5 * rnd.nextDouble()), handlerWakes = requests * (0.2 + 0.8 * rnd.nextDouble());
            double network = NET_REQUEST * requests + netWarm * netWakes + netCold * CalibrationFit.cold(netWakes, w, 9, half);
            double handler = PRODUCE * requests + PARTITION_WALK * 2 * reads + handlerCold * CalibrationFit.cold(handlerWakes, w, 24, half);
            double fetcher = FETCHER_RESPONSE * ff + FETCHER_PARTITION * reads * ff / (ff + fc)
                    + fetcherCold * CalibrationFit.cold(ff, w, 6, half);
            double offPath = OFF_IDLE * w + OFF_REQUEST * requests + OFF_PARTITION * reads;
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, reads, records, handler + network + fetcher + offPath,
                    network, fetcher, handler, offPath, CLIENT_IDLE * w + CLIENT_RECORD * records, 10, 50, 3, false, false,
                    1000, 0.1, 0.3, null, netWakes, handlerWakes));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.coldHalfRate()).isEqualTo(half);
        assertThat(fit.network().coefficient("wakeups")).isCloseTo(netWarm, within(1e-9));
        assertThat(fit.network().coefficient("coldWakeups")).isCloseTo(netCold, within(1e-9));
        assertThat(fit.network().coefficient("idle")).isCloseTo(0, within(1e-9));
        assertThat(fit.handler().coefficient("coldWakeups")).isCloseTo(handlerCold, within(1e-9));
        assertThat(fit.handler().coefficient("requests")).isCloseTo(PRODUCE, within(1e-9));
        assertThat(fit.fetcher().coefficient("coldResponses")).isCloseTo(fetcherCold, within(1e-9));
        assertThat(fit.fetcher().coefficient("FetchFollower")).isCloseTo(FETCHER_RESPONSE, within(1e-9));
        assertThat(CalibrationFit.cold(900, 1, 9, 100)).isCloseTo(450, within(1e-9));  // 100/s per thread: half of them

        // the same runs without the cold costs: no half rate, nothing cold
        List<CalibrationSample> warm = new ArrayList<>();
        for (CalibrationSample r : runs) {
            double network = NET_REQUEST * r.requests() + netWarm * r.networkWakeups();
            double handler = PRODUCE * r.requests() + PARTITION_WALK * r.partitionWalks();
            double fetcher = FETCHER_RESPONSE * r.fetchFollower() + FETCHER_PARTITION * r.followerPartitionReads();
            warm.add(new CalibrationSample(r.name(), r.seconds(), r.produce(), r.fetchFollower(), r.fetchConsumer(),
                    r.partitionReads(), r.recordsSent(), handler + network + fetcher + r.offPathCpu(), network, fetcher, handler,
                    r.offPathCpu(), r.driverCpu(), 10, 50, 3, false, false, 1000, 0.1, 0.3, null, r.networkWakeups(),
                    r.handlerWakeups()));
        }
        CalibrationFit none = CalibrationFit.of(warm);
        assertThat(none.coldHalfRate()).isNaN();
        assertThat(none.network().coefficient("coldWakeups")).isZero();
        assertThat(none.network().coefficient("wakeups")).isCloseTo(netWarm, within(1e-9));
    }

    /**
     * The JIT compiler threads' CPU is not fitted on requests: its level is the mean over the loaded runs, and it leaves the
     * off-path fit; without it measured in every run, none is given.
     */
    @Test
    void theJitLevelIsTheMeanOverTheLoadedRuns() {
        List<CalibrationSample> runs = new ArrayList<>();
        double[] jit = {0.2, 0.6, 0.8, 0.7, 0.5, 0.9};
        for (int i = 0; i < jit.length; i++) {
            double w = 15, produce = w * (50 + 150 * i), ff = w * (40 + 17 * i), fc = w * 10 * (i % 2), reads = w * (100 + 300 * (i % 3));
            double records = i == 0 ? 20 * w : (200 + 100 * i) * w;
            double off = 0.1 * w + 100e-6 * (produce + ff + fc);
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, reads, records, off + jit[i] * w + 1, 0.2, 0.2, 0.6, off,
                    1, 10, 50, 3, false, false, 1000, 0.1, 0.3, null, produce, produce / 2, jit[i] * w, jit[i] * w / 10, null));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(fit.jitCores()).isCloseTo((0.6 + 0.8 + 0.7 + 0.5 + 0.9) / 5, within(1e-9));
        assertThat(fit.driverJitCores()).isCloseTo((0.6 + 0.8 + 0.7 + 0.5 + 0.9) / 50, within(1e-9));
        assertThat(fit.jitRuns()).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(fit.offPath().coefficient("requests")).isCloseTo(100e-6, within(1e-9));
        runs.set(3, new CalibrationSample("r3", 15, 100, 100, 0, 100, 4500, 10, 1, 1, 4, 4, 1, 10, 50, 3, false, false, 1000, 0.1,
                0.3, null, 100, 50));
        assertThat(CalibrationFit.of(runs).jitCores()).isNaN();
        assertThat(CalibrationFit.of(runs).driverJitCores()).isNaN();
    }

    /**
     * Eight runs of which r0 and r1 are quiet (0.7 cores busy against 1.9), r1 with three times r0's records: each run's send-lag
     * values at 0..100% and its p99.9 from the functions of the run's index.
     */
    private static List<CalibrationSample> twoQuietRunsOfEight(java.util.function.IntFunction<List<Double>> lag,
                                                               java.util.function.IntToDoubleFunction p999) {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double w = 15, cores = i < 2 ? 0.7 : 1.9;
            double produce = w * (100 + 50 * i), ff = w * (60 + 20 * (i % 3)), fc = w * 10 * (i % 2), reads = w * (300 + 700 * (i % 5));
            double broker = cores * w * 0.8, driver = cores * w * 0.2;
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, reads, produce * 2, broker, broker * 0.2, broker * 0.1,
                    broker * 0.3, broker * 0.4, driver, 10, 50, 3, false, false, i == 1 ? 3000 : 1000, 0.15, 0.2, null,
                    produce, produce / 2, Double.NaN, Double.NaN, lag.apply(i), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
                    p999.applyAsDouble(i)));
        }
        return runs;
    }

    /** With the quiet runs' whole send-lag distribution the wake-up latency is that distribution, not a lognormal. */
    @Test
    void theWakeUpLatencyIsTheQuietRunsMeasuredDistributionWhenTheyHaveIt() {
        List<CalibrationSample> runs = twoQuietRunsOfEight(i -> {
            List<Double> q = new ArrayList<>();
            for (int p = 0; p <= 100; p++) q.add((i < 2 ? 0.1 : 1.0) * (1 + p / 100.0) * (i == 1 ? 2 : 1));
            return q;
        }, i -> Double.NaN);
        CalibrationFit fit = CalibrationFit.of(runs);
        double[] pooled = LocalProfileWriter.quietQuantiles(fit, 2);
        // r0 (1,000 records) at 0.1 x (1 + p), r1 (3,000) at twice that: weighted 0.175 x (1 + p)
        assertThat(pooled[0]).isCloseTo(0.175, within(1e-12));
        assertThat(pooled[100]).isCloseTo(0.35, within(1e-12));
        // written less the 50 us timer slack: an event wake's latency
        assertThat(LocalProfileWriter.wakeup(fit, 2)).startsWith("empirical(125us, 127us, ").endsWith(", 300us)");
        // one quiet run without it: back to the lognormal
        CalibrationSample r1 = runs.get(1);
        runs.set(1, new CalibrationSample(r1.name(), r1.seconds(), r1.produce(), r1.fetchFollower(), r1.fetchConsumer(),
                r1.partitionReads(), r1.recordsSent(), r1.brokerCpu(), r1.networkCpu(), r1.fetcherCpu(), r1.handlerCpu(),
                r1.offPathCpu(), r1.driverCpu(), 10, 50, 3, false, false, 3000, 0.15, 0.2, null, r1.networkWakeups(),
                r1.handlerWakeups(), Double.NaN, Double.NaN, null));
        assertThat(LocalProfileWriter.wakeup(CalibrationFit.of(runs), 2)).startsWith("lognormal(");
    }

    /**
     * The quiet runs' 99.9th percentile bends the top percent of the wake-up latency: nine tenths of it between p99 and
     * p99.9, a tenth between p99.9 and the largest lag, where the values at whole percents alone would spread the whole top
     * percent evenly towards that one largest sample.
     */
    @Test
    void theTopPercentOfTheWakeUpLatencyPassesThroughTheRunsNinetyNinePointNinthPercentile() {
        List<CalibrationSample> runs = twoQuietRunsOfEight(i -> {
            List<Double> q = new ArrayList<>();
            for (int p = 0; p < 100; p++) q.add(0.1 + p / 1000.0);
            q.add(10.0);
            return q;
        }, i -> i == 0 ? 0.2 : i == 1 ? 0.6 : 9.0);
        CalibrationFit fit = CalibrationFit.of(runs);
        // r0 (1,000 records) 0.2 ms, r1 (3,000) 0.6 ms: 0.5 ms
        assertThat(LocalProfileWriter.quietP999(fit, 2)).isCloseTo(0.5, within(1e-12));
        String written = LocalProfileWriter.wakeup(fit, 2);
        // every knot less the 50 us timer slack
        assertThat(written).startsWith("mixture(0.99: empirical(50us, 51us, ")
                .endsWith(", 149us), 0.009: empirical(149us, 450us), 0.001: empirical(450us, 9950us))");
        io.tailsim.core.dist.Distribution d = io.tailsim.scenarios.schema.DistributionSpec.parse(written);
        double body = (0.050 + 0.149) / 2;
        assertThat(d.mean()).isCloseTo(1e6 * (0.99 * body + 0.009 * (0.149 + 0.45) / 2 + 0.001 * (0.45 + 9.95) / 2), within(1e-6));
        // without it, or with it outside (p99, max), the values alone, the top percent straight to the largest lag
        double[] q = LocalProfileWriter.quietQuantiles(fit, 2);
        assertThat(LocalProfileWriter.withTail(q, Double.NaN)).isEqualTo(LocalProfileWriter.empiricalMs(q));
        assertThat(LocalProfileWriter.withTail(q, 12.0)).isEqualTo(LocalProfileWriter.empiricalMs(q));
        CalibrationSample r1 = runs.get(1);
        runs.set(1, new CalibrationSample(r1.name(), r1.seconds(), r1.produce(), r1.fetchFollower(), r1.fetchConsumer(),
                r1.partitionReads(), r1.recordsSent(), r1.brokerCpu(), r1.networkCpu(), r1.fetcherCpu(), r1.handlerCpu(),
                r1.offPathCpu(), r1.driverCpu(), 10, 50, 3, false, false, 3000, 0.15, 0.2, null, r1.networkWakeups(),
                r1.handlerWakeups(), Double.NaN, Double.NaN, r1.sendLagQuantilesMs()));
        assertThat(LocalProfileWriter.quietP999(CalibrationFit.of(runs), 2)).isNaN();
        assertThat(LocalProfileWriter.wakeup(CalibrationFit.of(runs), 2)).startsWith("empirical(50us, 51us, ").endsWith(", 9950us)");
    }

    @Test
    void refusesWhenTooFewRunsAreUsable() {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            runs.add(new CalibrationSample("r" + i, 15, 100, 100, 0, 100, 100, 10, 1, 1, 4, 4, 2, 1, 10, 3, i % 2 == 0,
                    i % 2 == 1, 10, 0.1, 0.2, null, Double.NaN, Double.NaN));
        assertThatThrownBy(() -> CalibrationFit.of(runs)).hasMessageContaining("only 0 of 6 calibration runs are usable");
    }

    @Test
    void thePlanHasEnoughDistinctRunsForTheLargestFit() {
        assertThat(CalibrationPlan.runs()).hasSizeGreaterThan(CalibrationFit.HANDLER.size() + 2);
        // bursty runs beside the Poisson ones, so that wake-ups and requests do not move together
        assertThat(CalibrationPlan.runs()).filteredOn(r -> r.spec().workload().producers().get(0).arrival()
                instanceof io.tailsim.validation.driver.Arrival.Trogdor).hasSizeGreaterThanOrEqualTo(2);
        assertThat(CalibrationPlan.runs()).extracting(CalibrationPlan.Run::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith("c"));
        assertThat(CalibrationPlan.runs()).allSatisfy(r -> assertThat(r.spec().workload().warmupSeconds()).isGreaterThanOrEqualTo(10));
    }

    /** The wake-up latency comes from the runs that left the cores mostly idle: busier runs' lag includes waiting for a core. */
    @Test
    void theWakeUpLatencyComesFromTheQuietRuns() {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean quiet = i < 2;
            double w = 15, cores = quiet ? 0.7 + 0.1 * i : 1.9;
            double produce = w * (100 + 50 * i), ff = w * (60 + 20 * (i % 3)), fc = w * 10 * (i % 2), reads = w * (300 + 700 * (i % 5));
            double broker = cores * w * 0.8, driver = cores * w * 0.2;
            runs.add(new CalibrationSample("r" + i, w, produce, ff, fc, reads, produce * 2, broker, broker * 0.2, broker * 0.1,
                    broker * 0.3, broker * 0.4, driver, 10, 50, 3, false, false, 1000, quiet ? 0.1 : 0.3, quiet ? 0.2 : 1.0, null, Double.NaN, Double.NaN));
        }
        CalibrationFit fit = CalibrationFit.of(runs);
        assertThat(LocalProfileWriter.quietRuns(fit, 2)).extracting(CalibrationSample::name).containsExactly("r0", "r1");
        // mean 0.2 ms and median 0.1 ms less the 50 us timer slack: 0.15 and 0.05 ms, cv = sqrt(3^2 - 1)
        assertThat(LocalProfileWriter.wakeup(fit, 2)).isEqualTo("lognormal(mean=150us, cv=2.83)");
        // a machine with one core: no run left 40% of it idle, so the least busy run stands alone
        assertThat(LocalProfileWriter.quietRuns(fit, 1)).extracting(CalibrationSample::name).containsExactly("r0");
    }
}
