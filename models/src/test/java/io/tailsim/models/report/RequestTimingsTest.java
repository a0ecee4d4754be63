package io.tailsim.models.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Kafka's request metrics round each request's time to whole milliseconds before its histogram sees it. */
class RequestTimingsTest {
    @Test
    void kafkasMeanIsTheMeanOfRoundedMilliseconds() {
        RequestTimings t = new RequestTimings("Produce");
        // local times 0.4, 0.4, 0.4 and 0.6 ms: their mean is 0.45 ms, Kafka's histogram holds 0, 0, 0, 1
        for (long local : new long[] {400_000, 400_000, 400_000, 600_000}) {
            t.record(1_500_000, local, 0, 499_999, 20_000, 2_500_000);
        }
        assertThat(t.localTime().mean()).isCloseTo(0.45, within(0.01));
        assertThat(t.roundedMsSum("LocalTimeMs")).isEqualTo(1);
        assertThat(t.roundedMsSum("RequestQueueTimeMs")).isEqualTo(8);   // 1.5 rounds half up to 2
        assertThat(t.roundedMsSum("ResponseQueueTimeMs")).isZero();
        assertThat(t.roundedMsSum("ResponseSendTimeMs")).isZero();       // 0.02 ms reads 0
        assertThat(t.roundedMsSum("TotalTimeMs")).isEqualTo(12);         // 2.5 -> 3

        RequestTimings other = new RequestTimings("Produce");
        other.record(0, 1_000_000, 0, 0, 0, 1_000_000);
        t.add(other);
        assertThat(t.roundedMsSum("LocalTimeMs")).isEqualTo(2);
        assertThat(t.count()).isEqualTo(5);
        t.reset();
        assertThat(t.roundedMsSum("LocalTimeMs")).isZero();
        assertThat(t.count()).isZero();
    }
}
