package io.tailsim.validation.driver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordStampTest {
    @Test
    void roundTripsAnyNanoTimeIncludingNegativeOnes() {
        for (long t : new long[]{0, 1, -1, System.nanoTime(), Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L}) {
            byte[] v = new byte[512];
            v[8] = 77;
            RecordStamp.write(v, t);
            assertThat(RecordStamp.read(v)).isEqualTo(t);
            assertThat(v[8]).isEqualTo((byte) 77);
        }
        byte[] v = new byte[8];
        RecordStamp.write(v, 0x0102030405060708L);
        assertThat(v).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void refusesValuesTooShortForAStamp() {
        assertThatThrownBy(() -> RecordStamp.read(new byte[7])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProducerGroupSpec("p", "t", 1, 10, 0, 7, Keys.NONE, Arrival.CONSTANT, null))
                .hasMessageContaining("value bytes must be >= 8");
    }
}
