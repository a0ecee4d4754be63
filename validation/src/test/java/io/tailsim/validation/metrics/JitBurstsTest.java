package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Busy periods from a compiler thread's state and tick count read every 10 ms. */
class JitBurstsTest {
    /** {@code reads}: "R5" = runnable with 5 ticks, "S5" = asleep with 5 ticks. */
    private static List<Long> periods(String... reads) {
        JitBursts.Busy b = new JitBursts.Busy();
        List<Long> out = new ArrayList<>();
        for (String r : reads) {
            long p = b.read(r.charAt(0), Long.parseLong(r.substring(1)));
            if (p > 0) out.add(p);
        }
        long last = b.close();
        if (last > 0) out.add(last);
        return out;
    }

    @Test
    void aRunnableRunIsOnePeriodWithTheTicksItGained() {
        // on a crowded machine a compilation is runnable for 60 ms but gains only 2 ticks: its CPU, not its wall time
        assertThat(periods("S100", "R100", "R100", "R101", "R101", "R101", "R102", "S102", "S102", "S102")).containsExactly(2L);
    }

    @Test
    void twoReadsAsleepEndAPeriodOneDoesNot() {
        assertThat(periods("S0", "R1", "S2", "R3", "S3", "S3", "R4", "R5", "S5", "S5")).containsExactly(3L, 2L);
    }

    @Test
    void aCompilationBetweenTwoReadsCountsByItsTicks() {
        assertThat(periods("S7", "S8", "S8", "S8", "S8")).containsExactly(1L);
    }

    @Test
    void aThreadThatNeverRunsHasNoPeriods() {
        assertThat(periods("S7", "S7", "S7", "S7")).isEmpty();
    }

    @Test
    void theStateIsTheLetterAfterTheParenthesisedName() {
        assertThat(CompilerThreads.state("1234 (C2 CompilerThre) R 1 2 3")).isEqualTo('R');
        assertThat(CompilerThreads.state("1234 (a (b) c) S 1 2 3")).isEqualTo('S');
    }
}
