package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcStatTest {
    @Test
    void countsFieldsFromTheLastParenthesisSoOddCommandNamesDoNotShiftThem() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String line = "4711 (java (x) y) S 1 4711 4711 0 -1 4194560 120 0 3 0 1234 567 89 10 20 0 45 0 1000 0 0";
        assertThat(ProcStat.processTicks(line)).isEqualTo(1234 + 567);
        assertThatThrownBy(() -> ProcStat.processTicks("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisProcessFromProc() {
        long mine = ProcStat.processTicks(ProcessHandle.current().pid()).orElseThrow();
        assertThat(mine).isPositive();
        assertThat(ProcStat.processTicks(Long.MAX_VALUE - 1)).isEmpty();
    }

    @Test
    void machineBusyExcludesIdleAndIowaitAndDoesNotCountGuestTwice() {
        String stat = """
                cpu  100 5 50 1000 20 3 7 2 40 0
                cpu0 50 2 25 500 10 1 3 1 20 0
                intr 12345
                """;
        ProcStat.MachineTicks t = ProcStat.machineTicks(stat);
        ProcStat.MachineTicks real = ProcStat.machineTicks();
        assertThat(t.busy()).isEqualTo(100 + 5 + 50 + 3 + 7 + 2);
        assertThat(t.total()).isEqualTo(t.busy() + 1000 + 20);
        assertThat(t.steal()).isEqualTo(2);
        assertThat(real.steal()).isNotNegative().isLessThanOrEqualTo(real.busy());
        assertThat(real.busy()).isPositive().isLessThanOrEqualTo(real.total());
    }

    @Test
    void readsTheCumulativeSomeStallOfCpuPressure() {
        String psi = """
                some avg10=90.57 avg60=91.90 avg300=87.96 total=1451413780
                full avg10=0.00 avg60=0.00 avg300=0.00 total=0
                """;
        assertThat(ProcStat.cpuPressureSomeMicros(psi)).hasValue(1451413780L);
        assertThat(ProcStat.cpuPressureSomeMicros("nonsense")).isEmpty();
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/pressure/cpu")))
            assertThat(ProcStat.cpuPressureSomeMicros()).isPresent();
    }

    @Test
    void clockTicksComeFromGetconf() {
        assertThat(ProcStat.clockTicksPerSecond()).isEqualTo(100);
    }
}
