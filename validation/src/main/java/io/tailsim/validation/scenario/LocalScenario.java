package io.tailsim.validation.scenario;

import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.ConsumerGroupSpec;
import io.tailsim.models.config.ProcessRoles;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.models.config.SecurityProtocol;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.ScenarioException;
import io.tailsim.validation.Scaling;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as this machine runs it, for both sides of a validation: the scenario's cluster, topics and clients, with the
 * hardware profile replaced by this machine's and the placement as here (every broker on one host, one zone, PLAINTEXT
 * listeners). Every change is a command-line style override of the scenario file, so the simulator validates it as it would
 * a user's, and each is listed for the report.
 */
public record LocalScenario(Scenario scenario, List<String> overrides, List<String> notes) {
    public LocalScenario {
        overrides = List.copyOf(overrides);
        notes = List.copyOf(notes);
    }

    /** {@code original} on this machine: the profile {@code localProfile}, its broker count kept, all brokers on one host. */
    public static LocalScenario of(Scenario original, Path localProfile) {
        ClusterSpec spec = original.spec();
        Builder b = new Builder(original);
        b.set("profile", localProfile.toAbsolutePath().normalize().toString());
        // The scenario's broker count, not the local profile's testbed default.
        b.set("cluster.brokers", Integer.toString(spec.brokers()));
        b.set("cluster.availability-zones", "1");
        b.set("cluster.brokers-per-host", Integer.toString(spec.brokers()));
        // The real cluster has PLAINTEXT listeners only: a TLS or SASL scenario runs PLAINTEXT on both sides, and says so.
        SecurityProtocol client = spec.brokerConfig().clientSecurityProtocol();
        SecurityProtocol interBroker = spec.brokerConfig().interBrokerSecurityProtocol();
        if (client != SecurityProtocol.PLAINTEXT || interBroker != SecurityProtocol.PLAINTEXT)
            b.notes.add("security: the scenario has clients on " + client + " and brokers on " + interBroker
                    + "; the real cluster has PLAINTEXT listeners only, so both sides run PLAINTEXT (no TLS cost)");
        ClusterSpec local = b.scenario.spec();
        if (local.brokerConfig().clientSecurityProtocol() != SecurityProtocol.PLAINTEXT) b.set("cluster.security.protocol", "PLAINTEXT");
        if (local.brokerConfig().interBrokerSecurityProtocol() != SecurityProtocol.PLAINTEXT)
            b.set("cluster.security.inter.broker.protocol", "PLAINTEXT");
        // Every real node is broker and controller: the metadata quorum's fetches reach the brokers on both sides.
        if (local.brokerConfig().processRoles() != ProcessRoles.BROKER_CONTROLLER) {
            b.set("cluster.process.roles", ProcessRoles.BROKER_CONTROLLER.value());
            b.notes.add("process.roles: the scenario's nodes are " + spec.brokerConfig().processRoles().value()
                    + "; the real cluster runs KRaft combined mode, so both sides run broker,controller");
        }
        for (ProducerGroupSpec g : spec.producerGroups())
            if (g.az() > 0) b.set("producers." + g.name() + ".az", "spread");
        for (ConsumerGroupSpec g : spec.consumerGroups())
            if (g.az() > 0) b.set("consumers." + g.groupId() + ".az", "spread");
        if (spec.availabilityZones() > 1)
            b.notes.add("availability zones: " + spec.availabilityZones() + " in the scenario, one here (everything on 127.0.0.1)");
        return new LocalScenario(b.scenario, b.overrides, b.notes);
    }

    /**
     * This scenario divided by {@code scale} exactly as {@link Scaling} divides the real workload: each group's count by the
     * scale rounded to the nearest client (at least one) and its total rate by the scale, so both sides run the same clients.
     */
    public LocalScenario scaled(double scale) {
        if (scale == 1.0) return this;
        Builder b = new Builder(scenario);
        b.overrides.addAll(0, overrides);
        b.notes.addAll(notes);
        for (ProducerGroupSpec g : scenario.spec().producerGroups()) {
            int count = Scaling.scaledCount(g.count(), scale);
            b.set("producers." + g.name() + ".count", Integer.toString(count));
            double perProducer = g.arrival().meanRate();
            if (Double.isNaN(perProducer)) continue;
            // The real driver gives each producer (total / scale) / count; the same figure, written exactly.
            double rate = scenarioRate(g) * g.count() / scale / count;
            b.setRate(g.name(), rate, count);
        }
        for (ConsumerGroupSpec g : scenario.spec().consumerGroups())
            b.set("consumers." + g.groupId() + ".count", Integer.toString(Scaling.scaledCount(g.count(), scale)));
        return new LocalScenario(b.scenario, b.overrides, b.notes);
    }

    /**
     * This scenario with {@code seconds} more warm-up and duration, so that its measured window opens as late as the real
     * side's: the harness runs the scenario's load for --broker-warmup seconds before the scenario's own warm-up
     * (RealKafkaRun). What does not settle with the brokers' JIT changes with that age: each partition pays its first
     * appends' file work once (SegmentFiles), so a window opened 10 s into the load meets more fresh partitions than one
     * opened 100 s in.
     */
    public LocalScenario warmedFor(double seconds) {
        if (!(seconds > 0)) return this;
        Builder b = new Builder(scenario);
        b.overrides.addAll(0, overrides);
        b.notes.addAll(notes);
        io.tailsim.models.config.ClusterSpec spec = scenario.spec();
        b.set("duration", Builder.exact((spec.durationNanos() / 1e9) + seconds) + "s");
        b.set("warmup", Builder.exact((spec.warmupNanos() / 1e9) + seconds) + "s");
        return new LocalScenario(b.scenario, b.overrides, b.notes);
    }

    /** The per-producer rate the scenario asked for (Trogdor's is the asked rate, before rounding to whole records per period). */
    private static double scenarioRate(ProducerGroupSpec g) {
        if (g.arrival() instanceof io.tailsim.models.config.ArrivalProcess.TrogdorThrottle t) return t.recordsPerSecond();
        return g.arrival().meanRate();
    }

    private static final class Builder {
        Scenario scenario;
        final List<String> overrides = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Builder(Scenario s) {
            scenario = s;
        }

        void set(String key, String value) {
            scenario = scenario.with(key, value);
            overrides.add(key + "=" + value);
        }

        /** A group's rate, written the way its file writes it: rate (whole group) or rate-per-producer. */
        void setRate(String group, double perProducer, int count) {
            String each = exact(perProducer) + " records/s";
            try {
                set("producers." + group + ".rate-per-producer", each);
            } catch (ScenarioException fileUsesGroupRate) {
                set("producers." + group + ".rate", exact(perProducer * count) + " records/s");
            }
        }

        private static String exact(double x) {
            return BigDecimal.valueOf(x).toPlainString();
        }
    }
}
