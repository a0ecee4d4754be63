package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JIT compiler threads' CPU from /proc: which threads, which fields, and the window's difference. */
class CompilerThreadsTest {
    @Test
    void readsUtimePlusStimeAfterTheParenthesisedName() {
        // a name with spaces and a parenthesis, as Linux writes it; utime 1234 and stime 56 are fields 14 and 15
        String stat = "4242 (C2 CompilerThre) S 4200 4200 0 0 -1 1077936192 310 0 0 0 1234 56 0 0 20 0 24 0 1000 0 0";
        assertThat(CompilerThreads.ticks(stat)).isEqualTo(1290);
        assertThat(CompilerThreads.isCompiler("C1 CompilerThre\n")).isTrue();
        assertThat(CompilerThreads.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(CompilerThreads.isCompiler("GC Thread#0")).isFalse();
        assertThat(CompilerThreads.isCompiler("data-plane-kafk")).isFalse();
    }

    @Test
    void samplesOnlyCompilerThreadsOfTheProcess(@TempDir Path proc) throws Exception {
        task(proc, 7, 10, "C2 CompilerThre", 300, 20);
        task(proc, 7, 11, "C1 CompilerThre", 40, 2);
        task(proc, 7, 12, "GC Thread#0", 900, 90);
        assertThat(CompilerThreads.sample(proc, 7)).containsOnly(Map.entry(10L, 320L), Map.entry(11L, 42L));
        assertThat(CompilerThreads.sample(proc, 8)).isEmpty();
    }

    @Test
    void aWindowCountsGrowthOfThreadsInBothAndAllOfThreadsThatStartedInIt() {
        Map<Long, Long> before = Map.of(10L, 300L, 11L, 40L);
        Map<Long, Long> after = Map.of(10L, 500L, 13L, 25L);   // 11 exited, 13 started
        assertThat(CompilerThreads.nanosBetween(before, after, 100)).isEqualTo((200 + 25) * 10_000_000L);
    }

    private static void task(Path proc, long pid, long tid, String comm, long utime, long stime) throws Exception {
        Path t = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)));
        Files.writeString(t.resolve("comm"), comm + "\n");
        Files.writeString(t.resolve("stat"), tid + " (" + comm + ") S 1 1 0 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 0 0 0\n");
    }
}
