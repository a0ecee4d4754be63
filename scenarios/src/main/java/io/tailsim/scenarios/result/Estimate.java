package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tailsim.core.stat.ConfidenceInterval;
import io.tailsim.core.stat.ReplicationStats;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A scalar estimated once per replication: mean over replications and its 95% interval [low, high]. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Estimate(Double value, double[] ci95) {

    public static <R> Estimate of(List<R> replications, ToDoubleFunction<? super R> f) {
        double[] xs = replications.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).toArray();
        if (xs.length == 0) {
            return new Estimate(null, null);
        }
        ReplicationStats stats = ReplicationStats.of(xs);
        if (stats.n() < 2) {
            return new Estimate(stats.mean(), null);
        }
        ConfidenceInterval c = stats.confidenceInterval();
        return new Estimate(stats.mean(), new double[] {c.low(), c.high()});
    }

    public double orNaN() {
        return value == null ? Double.NaN : value;
    }
}
