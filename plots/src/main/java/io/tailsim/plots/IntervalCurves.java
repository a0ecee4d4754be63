package io.tailsim.plots;

import io.tailsim.scenarios.result.SeriesFile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;

/**
 * Time series at interval resolution, from series.json: each broker's CPU and replicas and each
 * consumer group's time-average lag, as the mean over replications per interval; each is a step,
 * a point at the interval's start and one at its end. Interval k spans [origin + k x interval,
 * origin + (k+1) x interval), the last one ending with the run.
 */
final class IntervalCurves {
    private IntervalCurves() {
    }

    /** Each broker's CPU busy fraction per interval, named as the brokers. */
    static List<Curve> brokerCpu(SeriesFile s, double endSeconds) {
        return perBroker(s, endSeconds, (b, k) -> b.cpuUtilization()[k]);
    }

    /** Each broker's partition replicas per interval. */
    static List<Curve> replicasPerBroker(SeriesFile s, double endSeconds) {
        return perBroker(s, endSeconds, (b, k) -> b.replicas()[k]);
    }

    private static List<Curve> perBroker(SeriesFile s, double endSeconds,
                                         ToDoubleBiFunction<SeriesFile.BrokerSeries, Integer> value) {
        List<Curve> out = new ArrayList<>();
        if (s.replications().isEmpty()) {
            return out;
        }
        int brokers = s.replications().get(0).brokers().size();
        int n = intervals(s);
        for (int b = 0; b < brokers; b++) {
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            for (int k = 0; k < n; k++) {
                double sum = 0;
                for (SeriesFile.Replication r : s.replications()) {
                    sum += value.applyAsDouble(r.brokers().get(b), k);
                }
                x[2 * k] = start(s, k);
                x[2 * k + 1] = Math.min(endSeconds, start(s, k + 1));
                y[2 * k] = y[2 * k + 1] = sum / s.replications().size();
            }
            out.add(Curve.of(s.replications().get(0).brokers().get(b).name(), x, y));
        }
        return out;
    }

    /** Each consumer group's time-average lag (records) per interval, as steps. */
    static List<Curve> consumerLag(SeriesFile s, double endSeconds) {
        List<Curve> out = new ArrayList<>();
        if (s.replications().isEmpty()) {
            return out;
        }
        int n = intervals(s);
        for (String g : new TreeSet<>(s.replications().get(0).consumerLag().keySet())) {
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            for (int k = 0; k < n; k++) {
                double sum = 0;
                for (SeriesFile.Replication r : s.replications()) {
                    double[] lag = r.consumerLag().get(g);
                    sum += lag == null || k >= lag.length ? Double.NaN : lag[k];
                }
                x[2 * k] = start(s, k);
                x[2 * k + 1] = Math.min(endSeconds, start(s, k + 1));
                y[2 * k] = y[2 * k + 1] = sum / s.replications().size();
            }
            out.add(Curve.of("group " + g, x, y));
        }
        return out;
    }

    /** Intervals every replication has. */
    static int intervals(SeriesFile s) {
        int n = Integer.MAX_VALUE;
        for (SeriesFile.Replication r : s.replications()) {
            for (SeriesFile.BrokerSeries b : r.brokers()) {
                n = Math.min(n, Math.min(b.cpuUtilization().length, b.replicas().length));
            }
        }
        return n == Integer.MAX_VALUE ? 0 : n;
    }

    private static double start(SeriesFile s, int k) {
        return s.originSeconds() + k * s.intervalSeconds();
    }
}
