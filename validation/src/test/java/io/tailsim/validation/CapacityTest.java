package io.tailsim.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityTest {
    private static final Capacity.Machine HERE = new Capacity.Machine(24L * 1024 * 1024 * 1024, 2);

    @Test
    void refusesBrokerHeapsBeyondSeventyPercentOfMemoryNamingTheFigures() {
        assertThatCode(() -> Capacity.checkMemory(3, 1024, HERE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Capacity.checkMemory(3, 8192, HERE))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("3 brokers x 8192 MiB heap = 24576 MiB")
                .hasMessageContaining("70% of this machine's 24576 MiB")
                .hasMessageContaining("(17203 MiB)");
    }

    @Test
    void refusesAnOfferedLoadBeyondTheMeasuredSaturationAndNamesTheScaleThatFits() {
        assertThatCode(() -> Capacity.checkLoad(25e6, 25e6 / 512, 9, 1, HERE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Capacity.checkLoad(40e6, 40e6 / 512, 9, 1, HERE))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("offered load 40.0 MB/s exceeds 25.0 MB/s")
                .hasMessageContaining("real-kafka-here.md")
                .hasMessageContaining("--scale 1.6 or more");
    }

    @Test
    void tinyRecordsAreLimitedByTheRecordRateOfThatMeasurement() {
        assertThatThrownBy(() -> Capacity.checkLoad(100_000 * 16.0, 100_000, 9, 1, HERE))
                .hasMessageContaining("offered load 100000 records/s exceeds 48828 records/s")
                .hasMessageContaining("--scale 2.05 or more");
    }

    @Test
    void aScaledRunThatStillDoesNotFitSaysAtWhichScale() {
        assertThatThrownBy(() -> Capacity.checkLoad(30e6, 30e6 / 512, 5, 2, HERE))
                .hasMessageContaining("at --scale 2")
                .hasMessageContaining("--scale 2.4 or more");
    }

    @Test
    void tooManyProducerInstancesAreRefusedEvenAtALowRate() {
        assertThatCode(() -> Capacity.checkLoad(2e6, 2e6 / 512, 90, 1, HERE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Capacity.checkLoad(2e6, 2e6 / 512, 900, 1, HERE))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("900 producer instances exceed 90")
                .hasMessageContaining("90 producers at 2 MB/s")
                .hasMessageContaining("--scale 10 or more");
    }

    @Test
    void moreCoresCarryProportionallyMore() {
        Capacity.Machine four = new Capacity.Machine(HERE.physicalBytes(), 4);
        assertThatCode(() -> Capacity.checkLoad(40e6, 40e6 / 512, 150, 1, four)).doesNotThrowAnyException();
    }
}
