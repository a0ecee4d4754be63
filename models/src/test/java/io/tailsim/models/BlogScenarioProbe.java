package io.tailsim.models;

import io.tailsim.models.cluster.ClusterModel;
import io.tailsim.models.report.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.tailsim.core.time.Time.MILLISECOND;

/** Prints the model's figures for the latency blog's scenarios (a probe, not an assertion). */
@Tag("slow")
class BlogScenarioProbe {
    @Test
    void ninetyProducers() {
        int producers = Integer.getInteger("producers", 90);
        long linger = Long.getLong("linger", 5) * MILLISECOND;
        int batch = Integer.getInteger("batch", 16384);
        double secs = Double.parseDouble(System.getProperty("seconds", "20"));
        RunResult r = new ClusterModel(Fixtures.blog(producers, linger, batch, secs, 5), 1).run();
        System.out.println("=== producers=" + producers + " linger=" + linger / MILLISECOND + "ms batch=" + batch);
        System.out.println(r.summary());
        r.brokers().forEach(b -> System.out.printf("%s cpu %.3f net %.3f handler %.3f fetcher %.3f reqs %s%n", b.name(),
                b.cpuUtilisation(), b.networkThreadUtilisation(), b.handlerThreadUtilisation(),
                b.replicaFetcherUtilisation(), b.requestRates()));
    }
}
