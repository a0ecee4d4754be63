package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The driver JVM's threads by class from /proc: names, CPU from schedstat (stat as fallback), wake-ups, the window. */
class DriverThreadsTest {
    @Test
    void classesFollowTheTruncatedThreadNames() {
        assertThat(DriverThreads.classOf("kafka-producer-\n")).isEqualTo("sender");
        assertThat(DriverThreads.classOf("tailsim-produce")).isEqualTo("producerApp");
        assertThat(DriverThreads.classOf("tailsim-consume")).isEqualTo("consumer");
        assertThat(DriverThreads.classOf("consumer_backgr")).isEqualTo("consumer");
        assertThat(DriverThreads.classOf("kafka-coordinat")).isEqualTo("consumer");
        assertThat(DriverThreads.classOf("C2 CompilerThre")).isEqualTo("jit");
        assertThat(DriverThreads.classOf("GC Thread#0")).isEqualTo("other");
        assertThat(DriverThreads.classOf("main")).isEqualTo("other");
    }

    @Test
    void samplesSchedstatNanosOrStatTicksAndVoluntarySwitches(@TempDir Path proc) throws Exception {
        task(proc, 7, 10, "kafka-producer-", 5_000_000_000L, 1200);
        Path noSchedstat = task(proc, 7, 11, "tailsim-produce", 0, 30);
        Files.delete(noSchedstat.resolve("schedstat"));
        Files.writeString(noSchedstat.resolve("stat"), "11 (tailsim-produce) S 1 1 0 0 -1 0 0 0 0 0 150 50 0 0 20 0 1 0 0 0 0\n");
        Map<Long, DriverThreads.Sample> s = DriverThreads.sample(proc, 7, 100);
        assertThat(s.get(10L)).isEqualTo(new DriverThreads.Sample("sender", 5_000_000_000L, 1200));
        assertThat(s.get(11L)).isEqualTo(new DriverThreads.Sample("producerApp", 2_000_000_000L, 30));
        assertThat(DriverThreads.sample(proc, 8, 100)).isEmpty();
    }

    @Test
    void aWindowCountsGrowthOfThreadsInBothAndAllOfThreadsThatStartedInIt() {
        Map<Long, DriverThreads.Sample> before = Map.of(
                10L, new DriverThreads.Sample("sender", 1_000_000_000L, 100),
                11L, new DriverThreads.Sample("sender", 500_000_000L, 50),
                12L, new DriverThreads.Sample("consumer", 0, 0));
        Map<Long, DriverThreads.Sample> after = Map.of(
                10L, new DriverThreads.Sample("sender", 3_000_000_000L, 1100),     // +2 s, +1000 wake-ups
                13L, new DriverThreads.Sample("producerApp", 1_000_000_000L, 10),  // started in the window
                12L, new DriverThreads.Sample("consumer", 500_000_000L, 400));     // 11 exited: lost
        Map<String, Double> cores = DriverThreads.cores(before, after, 10);
        assertThat(cores).containsOnlyKeys(DriverThreads.CLASSES);
        assertThat(cores.get("sender")).isCloseTo(0.2, within(1e-12));
        assertThat(cores.get("producerApp")).isCloseTo(0.1, within(1e-12));
        assertThat(cores.get("consumer")).isCloseTo(0.05, within(1e-12));
        assertThat(cores.get("jit")).isZero();
        Map<String, Double> wakeups = DriverThreads.wakeupsPerSec(before, after, 10);
        assertThat(wakeups.get("sender")).isCloseTo(100, within(1e-12));
        assertThat(wakeups.get("consumer")).isCloseTo(40, within(1e-12));
        assertThat(DriverThreads.cores(before, Map.of(), 10)).isEmpty();
    }

    private static Path task(Path proc, long pid, long tid, String comm, long runNanos, long voluntary) throws Exception {
        Path t = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)));
        Files.writeString(t.resolve("comm"), comm + "\n");
        Files.writeString(t.resolve("schedstat"), runNanos + " 12345 678\n");
        Files.writeString(t.resolve("status"), "Name:\t" + comm + "\nvoluntary_ctxt_switches:\t" + voluntary + "\nnonvoluntary_ctxt_switches:\t3\n");
        return t;
    }
}
