package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.PhaseSummary;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.result.TopicSummary;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;
import java.util.Locale;

/**
 * Latency blog: topic A's partitions stepped from 108 to 7,200 while topic B (9 partitions, nine
 * 1-record/s producers) is measured: B's p99 end-to-end latency grew linearly with replicas per broker.
 */
final class PartitionScaling implements Experiment {
    static final String PROBE_TOPIC = "B";

    @Override
    public String id() {
        return "partitions-108-to-7200";
    }

    @Override
    public String published() {
        return "p99 end-to-end latency of topic B's clients grew linearly with partitions per broker";
    }

    @Override
    public List<String> files() {
        return List.of("two-topics.yaml");
    }

    @Override
    public List<Check> evaluate(RunSet runs) {
        Summary s = runs.run("two-topics.yaml");
        String fitBand = "R^2 >= 0.9, slope > 0";
        if (s.phases() == null || s.phases().size() < 3) {
            return List.of(Check.unmeasured("linear fit of topic B p99 end-to-end latency vs replicas per broker", fitBand,
                    "linear growth", "the run has no per-phase results"));
        }
        SimpleRegression fit = new SimpleRegression();
        double first = Double.NaN;
        double last = Double.NaN;
        for (PhaseSummary p : s.phases()) {
            TopicSummary b = p.topics().get(PROBE_TOPIC);
            double p99 = b == null ? Double.NaN : b.endToEndLatencyMs().get("p99");
            if (Double.isNaN(p99)) {
                return List.of(Check.unmeasured("linear fit of topic B p99 end-to-end latency vs replicas per broker",
                        fitBand, "linear growth", "phase " + p.index() + " has no end-to-end latency for topic " + PROBE_TOPIC));
            }
            fit.addData(p.replicasPerBroker(), p99);
            if (Double.isNaN(first)) {
                first = p99;
            }
            last = p99;
        }
        String detail = String.format(Locale.ROOT, "%d phases, slope %.4f ms per replica per broker, p99 %.1f -> %.1f ms",
                fit.getN(), fit.getSlope(), first, last);
        return List.of(
                Check.atLeast("R^2 of topic B p99 end-to-end latency vs replicas per broker", fit.getRSquare(), 0.9,
                        "linear", detail),
                Check.positive("slope of that fit (ms per replica per broker)", fit.getSlope(), "positive", detail),
                Check.atLeast("topic B p99 at the top step / first step", last / first, 3.0, "grew with partitions", detail));
    }
}
