package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriverGcPausesTest {
    @Test
    void aCollectionInTheWindowIsOnePauseAndNoneAfterStop() throws Exception {
        DriverGcPauses p = DriverGcPauses.start();
        System.gc();
        // the JVM delivers GC notifications from its service thread, shortly after the collection
        for (int i = 0; i < 100 && p.count() == 0; i++) {
            Thread.sleep(50);
        }
        var pauses = p.stop();
        assertThat(pauses).isNotEmpty().allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(0.0));
        int seen = pauses.size();
        System.gc();
        Thread.sleep(300);
        assertThat(p.count()).isEqualTo(seen);
    }

    @Test
    void onlyCollectorsThatStopTheWorldCount() {
        assertThat(DriverGcPauses.stopsTheWorld("G1 Young Generation")).isTrue();
        assertThat(DriverGcPauses.stopsTheWorld("G1 Old Generation")).isTrue();
        assertThat(DriverGcPauses.stopsTheWorld("PS Scavenge")).isTrue();
        assertThat(DriverGcPauses.stopsTheWorld("ZGC Cycles")).isFalse();
        assertThat(DriverGcPauses.stopsTheWorld("Shenandoah Cycles")).isFalse();
        assertThat(DriverGcPauses.stopsTheWorld("G1 Concurrent GC")).isFalse();
    }
}
