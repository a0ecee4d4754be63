package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GcWorkerThreadsTest {

    private static void task(Path proc, long pid, long tid, String comm, String schedstat) throws Exception {
        Path t = proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid));
        Files.createDirectories(t);
        Files.writeString(t.resolve("comm"), comm + "\n");
        Files.writeString(t.resolve("schedstat"), schedstat + "\n");
    }

    @Test
    void readsOnlyTheParallelWorkers(@TempDir Path proc) throws Exception {
        task(proc, 7, 10, "GC Thread#0", "11027313 1348469 113");
        task(proc, 7, 11, "GC Thread#1", "9105413 921051 104");
        task(proc, 7, 12, "G1 Conc#0", "67717 0 2");
        task(proc, 7, 13, "VM Thread", "6186063 2829588 132");
        task(proc, 7, 14, "data-plane-kafk", "1 2 3");
        Map<Long, GcWorkerThreads.Sample> s = GcWorkerThreads.sample(proc, 7);
        assertThat(s).containsOnlyKeys(10L, 11L);
        assertThat(s.get(10L)).isEqualTo(new GcWorkerThreads.Sample(11027313, 1348469));
    }

    @Test
    void noProcessNoWorkers(@TempDir Path proc) {
        assertThat(GcWorkerThreads.sample(proc, 99)).isEmpty();
        assertThat(GcWorkerThreads.between(List.of(Map.of()), List.of(Map.of()), 10)).isNull();
    }

    @Test
    void usageSumsBrokersAndCountsWorkersStartedInTheWindow() {
        var before = List.of(Map.of(1L, new GcWorkerThreads.Sample(1_000_000_000L, 500_000_000L)),
                Map.<Long, GcWorkerThreads.Sample>of());
        var after = List.of(Map.of(1L, new GcWorkerThreads.Sample(1_300_000_000L, 1_100_000_000L),
                        2L, new GcWorkerThreads.Sample(100_000_000L, 100_000_000L)),
                Map.of(5L, new GcWorkerThreads.Sample(200_000_000L, 0L)));
        GcWorkerThreads.Usage u = GcWorkerThreads.between(before, after, 10);
        // run 0.3 + 0.1 + 0.2 s, wait 0.6 + 0.1 s over 10 s
        assertThat(u.cpuCores()).isCloseTo(0.06, within(1e-12));
        assertThat(u.runQueueWaitCores()).isCloseTo(0.07, within(1e-12));
        assertThat(u.threads()).isEqualTo(3);
        assertThat(u.shareOfRunnable()).isCloseTo(0.6 / 1.3, within(1e-12));
    }
}
