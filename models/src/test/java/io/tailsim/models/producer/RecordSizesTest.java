package io.tailsim.models.producer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSizesTest {
    @Test
    void varintsUseZigZagSevenBitGroups() {
        assertThat(RecordSizes.varintSize(0)).isEqualTo(1);
        assertThat(RecordSizes.varintSize(63)).isEqualTo(1);
        assertThat(RecordSizes.varintSize(64)).isEqualTo(2);
        assertThat(RecordSizes.varintSize(-1)).isEqualTo(1);
        assertThat(RecordSizes.varintSize(8191)).isEqualTo(2);
        assertThat(RecordSizes.varintSize(8192)).isEqualTo(3);
        assertThat(RecordSizes.varintSize(Integer.MAX_VALUE)).isEqualTo(5);
        assertThat(RecordSizes.varlongSize(Long.MAX_VALUE)).isEqualTo(10);
    }

    /** DefaultRecord with 4-byte key, 512-byte value, first in batch: 1+1+1+1+4+2+512+1 = 523 body, 2 length. */
    @Test
    void blogRecordIs525Bytes() {
        assertThat(RecordSizes.recordSize(0, 0, 4, 512)).isEqualTo(525);
        // a null key is a single varint(-1): four key bytes fewer
        assertThat(RecordSizes.recordSize(0, 0, 0, 512)).isEqualTo(521);
        // offset delta >= 64 needs a second varint byte
        assertThat(RecordSizes.recordSize(64, 0, 4, 512)).isEqualTo(526);
    }

    @Test
    void compressionEstimatorRisesFastAndFallsSlowly() {
        CompressionRatioEstimator e = new CompressionRatioEstimator();
        assertThat(e.estimate()).isEqualTo(1.0f);
        e.update(0.5f);
        assertThat(e.estimate()).isEqualTo(0.995f);
        e.update(1.2f);
        assertThat(e.estimate()).isEqualTo(1.2f);
        e.update(1.21f);
        assertThat(e.estimate()).isEqualTo(1.25f);
    }
}
