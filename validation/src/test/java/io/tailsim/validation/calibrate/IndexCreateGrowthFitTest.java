package io.tailsim.validation.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.runner.ScenarioRunner;
import io.tailsim.validation.MeasuredRun;
import io.tailsim.validation.MeasuredRunTest;
import io.tailsim.validation.RunSpec;
import io.tailsim.validation.cluster.ClusterSpec;
import io.tailsim.validation.cluster.TopicSpec;
import io.tailsim.validation.driver.Arrival;
import io.tailsim.validation.driver.Keys;
import io.tailsim.validation.driver.ProducerGroupSpec;
import io.tailsim.validation.driver.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The growth of first appends' file work with replicas, found again from tails the simulator made with a known exponent: runs
 * whose brokers hold four times the reference replicas, "measured" by simulating them at exponent 0.8 (the same seeds, so the
 * fit must land on it exactly and every other exponent must fit worse), and a run at the reference count that must not enter.
 */
class IndexCreateGrowthFitTest {
    static final double REFERENCE = 60, TRUE_EXPONENT = 0.8;

    /** The local profile with the growth set, whether or not its own fit scaled index creation (a pass's may not). */
    static String profileAt(String local, double exponent) {
        String without = local.replaceAll("(?m)^  index-create-(replica-exponent|reference-replicas): .*\n", "");
        if (!without.contains("\ndisk:\n")) throw new IllegalStateException("no disk section in profiles/local.yaml");
        return without.replaceFirst("\ndisk:\n", String.format(Locale.ROOT, "\ndisk:\n"
                + "  index-create-replica-exponent: {value: %.3f, source: \"fit: set by this test\"}\n"
                + "  index-create-reference-replicas: {value: %.1f, source: \"fit: set by this test\"}\n", exponent, REFERENCE));
    }

    static CalibrationPlan.Run run(String name, int partitions) {
        ClusterSpec cluster = new ClusterSpec(3, ClusterSpec.DEFAULT_HEAP_MB, Map.of(), List.of(new TopicSpec("calibrate", partitions, 3, 2)));
        ProducerGroupSpec p = new ProducerGroupSpec("p", "calibrate", 3, 450, 0, 512, Keys.NONE, Arrival.POISSON,
                Map.of("linger.ms", "0", "acks", "all"));
        return new CalibrationPlan.Run(name, "test run", new RunSpec(cluster, new WorkloadSpec(List.of(p), List.of(), 20, 10, 11)));
    }

    static MeasuredRun measured(double p99, double warmup, double window) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode n = (ObjectNode) json.readTree(MeasuredRunTest.sample().toJson());
        n.put("warmupSeconds", warmup).put("windowSeconds", window);
        ((ObjectNode) n.get("producerLatencyMs")).put("p99", p99);
        return MeasuredRun.fromJson(json.writeValueAsString(n));
    }

    @Test
    void findsTheExponentThatMadeTheTails(@TempDir Path tmp) throws Exception {
        String local = Files.readString(Path.of("../profiles/local.yaml"));
        CalibrationPlan.Run big = run("big", 240);
        Path profile = Files.writeString(tmp.resolve("truth.yaml"), profileAt(local, TRUE_EXPONENT));
        Path scenario = Files.writeString(tmp.resolve("big.yaml"),
                CalibrationScenario.yaml("big", big.spec(), profile, 20, 10, IndexCreateGrowthFit.REPLICATIONS));
        double p99 = new ScenarioRunner().run(Scenario.load(scenario), new ScenarioRunner.Options(null, null, 2, null))
                .summary().producerLatencyMs().get("p99");

        List<IndexCreateGrowthFit.Input> inputs = new ArrayList<>();
        inputs.add(new IndexCreateGrowthFit.Input("big", big, measured(p99, 20, 10), 240));
        inputs.add(new IndexCreateGrowthFit.Input("big@pool1", big, measured(p99, 20, 10), 240));
        // at the reference count the exponent moves nothing: it must not enter (its tail would pull the fit if it did)
        inputs.add(new IndexCreateGrowthFit.Input("small", run("small", 60), measured(1_000, 20, 10), REFERENCE));
        List<String> log = new ArrayList<>();
        IndexCreateGrowthFit fit = IndexCreateGrowthFit.of(e -> profileAt(local, e), REFERENCE, 0.2, inputs,
                List.of("big", "big@pool1", "small"), 2, log::add);

        assertThat(fit).isNotNull();
        assertThat(fit.exponent()).isCloseTo(TRUE_EXPONENT, within(1e-9));
        assertThat(fit.runs()).extracting(IndexCreateGrowthFit.RunTail::run).containsExactly("big", "big@pool1");
        assertThat(fit.runs().get(0).simulatedP99Ms()).isEqualTo(p99);
        int at = (int) Math.round(TRUE_EXPONENT / IndexCreateGrowthFit.STEP);
        assertThat(fit.objective()[at]).isZero();
        // the tails grow with the exponent: the ends of the grid fit far worse than the truth
        assertThat(fit.objective()[0]).isGreaterThan(0.1);
        assertThat(fit.objective()[fit.objective().length - 1]).isGreaterThan(0.1);
        assertThat(fit.report(REFERENCE)).contains("Fitted: **0.80**", "| big | 240 |").doesNotContain("| small |");
        assertThat(log).anyMatch(l -> l.contains("simulating big"));

        // no run far enough above the reference count: nothing to fit
        assertThat(IndexCreateGrowthFit.of(e -> profileAt(local, e), REFERENCE, 0.2, inputs.subList(2, 3), List.of("small"), 2, log::add))
                .isNull();
    }

    /**
     * An exponent at which a simulated run falls behind its load (OverloadedClusterException) fits worst, and the fit goes on:
     * here a stand-in simulator whose p99 is 10 ms times the profile's index-creation factor at 240 replicas, overloaded from a
     * factor of 4 (exponent 1.0) on, against a measured p99 made at exponent 0.5.
     */
    @Test
    void anExponentThatOverloadsASimulatedRunFitsWorstAndTheFitGoesOn() throws Exception {
        String local = Files.readString(Path.of("../profiles/local.yaml"));
        CalibrationPlan.Run big = run("big", 240);
        double measured = 10 * Math.pow(240 / REFERENCE, 0.5);
        List<String> log = new ArrayList<>();
        IndexCreateGrowthFit fit = IndexCreateGrowthFit.of(e -> profileAt(local, e), REFERENCE, 0.2,
                List.of(new IndexCreateGrowthFit.Input("big", big, measured(measured, 20, 10), 240)), List.of("big"), s -> {
                    double factor = s.spec().profile().disk().indexCreateFactor(240);
                    if (factor >= 4 - 1e-9)
                        throw new io.tailsim.scenarios.runner.OverloadedClusterException(s.name(), 0,
                                new io.tailsim.models.report.OverloadException("broker-0 request handlers", 1.2, 5_000_000_000L, "stand-in"));
                    return 10 * factor;
                }, log::add);
        assertThat(fit.exponent()).isCloseTo(0.5, within(1e-9));
        int one = (int) Math.round(1.0 / IndexCreateGrowthFit.STEP);
        assertThat(fit.objective()[one]).isInfinite();
        assertThat(fit.objective()[fit.objective().length - 1]).isInfinite();
        assertThat(fit.objective()[one - 1]).isFinite();
        assertThat(log).anyMatch(l -> l.contains("exponent 1.00") && l.contains("overloaded"));
    }
}
