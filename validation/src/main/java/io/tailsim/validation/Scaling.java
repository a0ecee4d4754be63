package io.tailsim.validation;

import io.tailsim.validation.driver.ConsumerGroupSpec;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;

import java.util.List;

/**
 * --scale F: every producer group's total rate is divided by F exactly, and its producer count (and every consumer group's
 * consumer count) by F rounded to the nearest whole client, at least one. Topics, record sizes, client configs and
 * timing are kept. The report carries F, so scaled runs are never mistaken for full-size ones.
 */
public final class Scaling {
    private Scaling() {
    }

    public static WorkloadSpec apply(WorkloadSpec w, double scale) {
        requireValid(scale);
        if (scale == 1.0) return w;
        List<ProducerGroupSpec> producers = w.producers().stream()
                .map(g -> g.withCountAndRate(scaledCount(g.count(), scale), g.recordsPerSec() / scale)).toList();
        List<ConsumerGroupSpec> consumers = w.consumers().stream()
                .map(g -> g.withCount(scaledCount(g.count(), scale))).toList();
        return new WorkloadSpec(producers, consumers, w.warmupSeconds(), w.measureSeconds(), w.seed());
    }

    public static int scaledCount(int count, double scale) {
        return (int) Math.max(1, Math.round(count / scale));
    }

    static void requireValid(double scale) {
        if (!(scale >= 1.0) || Double.isInfinite(scale))
            throw new IllegalArgumentException("scale factor must be a finite number >= 1 (it divides rates and client counts), got " + scale);
    }
}
