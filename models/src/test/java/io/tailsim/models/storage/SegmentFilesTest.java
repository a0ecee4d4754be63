package io.tailsim.models.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which appends write a replica's files: the first (leader-epoch checkpoint), and a segment's first index entry. */
class SegmentFilesTest {
    @Test
    void theFirstAppendWritesTheCheckpointAndTheAppendAfter4KiBCreatesTheIndexOnce() {
        SegmentFiles f = new SegmentFiles();
        assertThat(f.append(590)).isEqualTo(SegmentFiles.CHECKPOINT);
        // 590-byte batches: the bytes before an append exceed 4,096 first before the eighth (7 x 590 = 4,130)
        for (int i = 2; i <= 7; i++) {
            assertThat(f.append(590)).as("append %d", i).isZero();
        }
        assertThat(f.append(590)).isEqualTo(SegmentFiles.INDEX_CREATE);
        for (int i = 0; i < 1000; i++) {
            assertThat(f.append(590)).isZero();
        }
    }

    @Test
    void aRolledSegmentCreatesItsIndexAgainButTheCheckpointIsNotRewritten() {
        SegmentFiles f = new SegmentFiles();
        f.append(1 << 20);
        assertThat(f.append(1 << 20)).isEqualTo(SegmentFiles.INDEX_CREATE);
        int creates = 0;
        // 1 MiB appends: a 1 GiB segment holds 1,024 of them; 3,000 appends roll twice
        for (int i = 0; i < 3000; i++) {
            int w = f.append(1 << 20);
            assertThat(w & SegmentFiles.CHECKPOINT).isZero();
            if ((w & SegmentFiles.INDEX_CREATE) != 0) creates++;
        }
        assertThat(creates).isEqualTo(2);
    }

    @Test
    void oneLargeFollowerAppendCountsAsOne() {
        SegmentFiles f = new SegmentFiles();
        // a follower appends a fetch's records for the partition at once: 10 KiB is one append, no entry yet
        assertThat(f.append(10 * 1024)).isEqualTo(SegmentFiles.CHECKPOINT);
        assertThat(f.append(100)).isEqualTo(SegmentFiles.INDEX_CREATE);
    }
}
