package io.tailsim.models.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionLogTest {
    static final class Batch extends RecordBatch {
        final int records;

        Batch(int records, int bytes) {
            this.records = records;
            this.sizeInBytes = bytes;
        }

        @Override
        public int recordCount() {
            return records;
        }
    }

    @Test
    void offsetsAreContiguousAndReadsTakeWholeBatches() {
        PartitionLog log = new PartitionLog();
        for (int i = 0; i < 20; i++) {
            log.append(new Batch(3, 100), i);
        }
        assertThat(log.logEndOffset()).isEqualTo(60);
        assertThat(log.batch(5).baseOffset()).isEqualTo(15);
        // 250 bytes from offset 9: batches at 9 and 12 (200 bytes); the third would exceed
        assertThat(log.readEnd(9, 60, 250)).isEqualTo(15);
        assertThat(log.lastReadBytes()).isEqualTo(200);
        // at least one batch even when it exceeds the limit
        assertThat(log.readEnd(9, 60, 10)).isEqualTo(12);
        // never past the limit offset (the high watermark for consumers)
        assertThat(log.readEnd(9, 13, 1000)).isEqualTo(12);
        assertThat(log.bytesBetween(0, 60)).isEqualTo(2000);
        log.truncateBefore(31);
        assertThat(log.logStartOffset()).isEqualTo(30);
        assertThat(log.readEnd(30, 60, 1 << 20)).isEqualTo(60);
        assertThat(log.bytesBetween(30, 60)).isEqualTo(1000);
    }
}
