package io.tailsim.plots;

import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.PhaseSummary;
import io.tailsim.scenarios.result.TopicSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Time series at phase resolution, from summary.json's phases: what the partition and utilisation
 * figures can draw until the model writes per-interval series. A level held through a phase is a
 * step (a point at the phase's start and one at its end); a latency percentile over a phase is a
 * point at the phase's middle with its 95% interval.
 */
final class PhaseSeries {
    private PhaseSeries() {
    }

    /** Partition replicas per broker (mean over brokers) as a step curve. */
    static Curve replicasPerBroker(List<PhaseSummary> phases) {
        double[] x = new double[2 * phases.size()];
        double[] y = new double[2 * phases.size()];
        for (int i = 0; i < phases.size(); i++) {
            PhaseSummary p = phases.get(i);
            x[2 * i] = p.startSeconds();
            x[2 * i + 1] = p.endSeconds();
            y[2 * i] = p.replicasPerBroker();
            y[2 * i + 1] = p.replicasPerBroker();
        }
        return Curve.of("partition replicas per broker (mean over brokers)", x, y);
    }

    /** One curve per topic that measured {@code metric} in some phase: {@code stat} at each phase's middle. */
    static List<Curve> perTopic(List<PhaseSummary> phases, Function<TopicSummary, LatencyStats> metric, String stat) {
        TreeSet<String> names = new TreeSet<>();
        phases.forEach(p -> {
            if (p.topics() != null) {
                names.addAll(p.topics().keySet());
            }
        });
        List<Curve> out = new ArrayList<>();
        for (String topic : names) {
            double[] x = new double[phases.size()];
            double[] y = new double[phases.size()];
            double[] lo = new double[phases.size()];
            double[] hi = new double[phases.size()];
            boolean any = false;
            for (int i = 0; i < phases.size(); i++) {
                PhaseSummary p = phases.get(i);
                x[i] = (p.startSeconds() + p.endSeconds()) / 2;
                TopicSummary t = p.topics() == null ? null : p.topics().get(topic);
                LatencyStats s = t == null ? null : metric.apply(t);
                if (s == null || s.count() == 0) {
                    y[i] = lo[i] = hi[i] = Double.NaN;
                    continue;
                }
                any = true;
                y[i] = s.get(stat);
                double[] ci = s.ci95() == null ? null : s.ci95().get(stat);
                lo[i] = ci == null ? y[i] : ci[0];
                hi[i] = ci == null ? y[i] : ci[1];
            }
            if (any) {
                out.add(new Curve("topic " + topic, x, y, lo, hi));
            }
        }
        return out;
    }

    /** Each broker's CPU busy fraction per phase as step curves, named as in summary.json's brokers. */
    static List<Curve> brokerCpu(List<PhaseSummary> phases, List<BrokerSummary> brokers) {
        int n = phases.stream().mapToInt(p -> p.brokerCpuUtilization() == null ? 0 : p.brokerCpuUtilization().size())
                .max().orElse(0);
        List<Curve> out = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            double[] x = new double[2 * phases.size()];
            double[] y = new double[2 * phases.size()];
            for (int i = 0; i < phases.size(); i++) {
                PhaseSummary p = phases.get(i);
                List<Double> cpu = p.brokerCpuUtilization();
                double u = cpu == null || b >= cpu.size() || cpu.get(b) == null ? Double.NaN : cpu.get(b);
                x[2 * i] = p.startSeconds();
                x[2 * i + 1] = p.endSeconds();
                y[2 * i] = u;
                y[2 * i + 1] = u;
            }
            String name = brokers != null && brokers.size() == n ? brokers.get(b).name() : "broker " + b;
            out.add(Curve.of(name, x, y));
        }
        return out;
    }
}
