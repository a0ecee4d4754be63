package io.tailsim.validation.calibrate;

import io.tailsim.models.config.ArrivalProcess;
import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.KeyStrategy;
import io.tailsim.models.config.ProducerGroupSpec;
import io.tailsim.scenarios.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every calibration run written as a scenario loads, and says what the real run did, its window as late as the real one. */
class CalibrationScenarioTest {
    static final Path LOCAL_PROFILE = Path.of("../profiles/local.yaml");

    @Test
    void everyPlanRunLoadsAsTheScenarioItRan(@TempDir Path tmp) throws Exception {
        for (CalibrationPlan.Run run : CalibrationPlan.runs()) {
            Path f = Files.writeString(tmp.resolve(run.name() + ".yaml"),
                    CalibrationScenario.yaml(run.name(), run.spec(), LOCAL_PROFILE, 130, 15, 2));
            ClusterSpec spec = Scenario.load(f).spec();
            var real = run.spec();
            assertThat(spec.brokers()).isEqualTo(real.cluster().brokers());
            assertThat(spec.topics()).hasSize(1);
            assertThat(spec.topics().get(0).partitions()).isEqualTo(real.cluster().topics().get(0).partitions());
            assertThat(spec.topics().get(0).replicationFactor()).isEqualTo(3);
            assertThat(spec.warmupNanos()).isEqualTo(130_000_000_000L);
            assertThat(spec.durationNanos()).isEqualTo(145_000_000_000L);
            ProducerGroupSpec p = spec.producerGroups().get(0);
            var rp = real.workload().producers().get(0);
            assertThat(p.count()).isEqualTo(rp.count());
            assertThat(p.config().lingerNanos()).isEqualTo(Long.parseLong(rp.configs().get("linger.ms")) * 1_000_000L);
            assertThat(spec.consumerGroups()).hasSize(real.workload().consumers().size());
            if (run.name().contains("bursts")) assertThat(p.arrival()).isInstanceOf(ArrivalProcess.TrogdorThrottle.class);
            if (run.name().equals("c08-partitions-1200")) {
                assertThat(p.arrival()).isInstanceOf(ArrivalProcess.Poisson.class);
                assertThat(p.arrival().meanRate() * p.count()).isEqualTo(300.0);
                assertThat(p.keys()).isEqualTo(KeyStrategy.NONE);
            }
            assertThat(p.config().acks()).isEqualTo(run.name().equals("c09-acks1-600") ? io.tailsim.models.config.Acks.LEADER : io.tailsim.models.config.Acks.ALL);
        }
    }
}
