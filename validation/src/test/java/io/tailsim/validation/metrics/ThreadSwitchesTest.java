package io.tailsim.validation.metrics;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

class ThreadSwitchesTest {
    /** Lines as jcmd Thread.print prints them on JDK 17 (a broker's, cut down), with stacks, VM threads and a thread without nid. */
    static final String THREAD_PRINT = """
            2026-11-23 22:53:38
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            Threads class SMR info:
            _java_thread_list=0x00007f5f60402f80, length=12, elements={
            0x00007f5f60018020, 0x00007f5f600f6e90
            }

            "main" #1 prio=5 os_prio=0 cpu=559.94ms elapsed=1.30s tid=0x00007f5f60018020 nid=0x431b waiting on condition  [0x00007f5f6571d000]
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \t- parking to wait for  <0x00000000c0a0b0c0> (a java.util.concurrent.CountDownLatch$Sync)

            "C2 CompilerThread0" #7 daemon prio=9 os_prio=0 cpu=393.99ms elapsed=1.25s tid=0x00007f5f60104050 nid=0x4327 runnable  [0x0000000000000000]
               Compiling: 1381       4       java.lang.StringBuilder::append (8 bytes)

            "data-plane-kafka-network-thread-1-ListenerName(PLAINTEXT)-PLAINTEXT-0" #40 prio=5 os_prio=0 cpu=1234.50ms elapsed=30.12s tid=0x00007f5f60402240 nid=0x432e runnable  [0x00007f5f30e4f000]
               java.lang.Thread.State: RUNNABLE
            \tat sun.nio.ch.EPoll.wait(java.base@17.0.15/Native Method)

            "data-plane-kafka-request-handler-0" #52 daemon prio=5 os_prio=0 cpu=2000.00ms elapsed=30.00s tid=0x00007f5f60403000 nid=0x4401 waiting on condition  [0x00007f5f30d4e000]

            "ReplicaFetcherThread-0-2" #61 prio=5 os_prio=0 cpu=300.00ms elapsed=29.00s tid=0x00007f5f60404000 nid=0x4410 runnable  [0x00007f5f30c4d000]

            "kafka-log-cleaner-thread-0" #70 prio=5 os_prio=0 cpu=1.00ms elapsed=29.00s tid=0x00007f5f60405000 nid=0x4420 waiting on condition  [0x00007f5f30b4c000]

            "quoted "name" #9 odd" #71 daemon prio=5 os_prio=0 cpu=1.00ms elapsed=29.00s tid=0x00007f5f60406000 nid=0x4421 waiting on condition  [0x00007f5f30a4b000]

            "Attach Listener" #72 daemon prio=9 os_prio=0 cpu=0.20ms elapsed=0.01s tid=0x00007f5f60407000 runnable  [0x0000000000000000]

            "GC Thread#0" os_prio=0 cpu=7.24ms elapsed=1.30s tid=0x00007f5f600419e0 nid=0x431c runnable

            "VM Thread" os_prio=0 cpu=1.86ms elapsed=1.27s tid=0x00007f5f600f2dd0 nid=0x4321 runnable

            JNI global refs: 7, weak refs: 0
            """;

    @Test
    void parsesJavaThreadsWithTheirNativeIdsAndClasses() {
        List<ThreadSwitches.JavaThread> threads = ThreadSwitches.parse(THREAD_PRINT);
        assertThat(threads).extracting(ThreadSwitches.JavaThread::javaId).containsExactly(1L, 7L, 40L, 52L, 61L, 70L, 71L);
        assertThat(threads).extracting(ThreadSwitches.JavaThread::nid).containsExactly(0x431bL, 0x4327L, 0x432eL, 0x4401L, 0x4410L, 0x4420L, 0x4421L);
        assertThat(threads.get(2).name()).isEqualTo("data-plane-kafka-network-thread-1-ListenerName(PLAINTEXT)-PLAINTEXT-0");
        assertThat(threads.get(6).name()).isEqualTo("quoted \"name\" #9 odd");
        assertThat(threads).extracting(t -> t.threadClass()).containsExactly(ThreadClass.OTHER_JAVA, ThreadClass.OTHER_JAVA,
                ThreadClass.NETWORK, ThreadClass.REQUEST_HANDLER, ThreadClass.REPLICA_FETCHER, ThreadClass.OTHER_JAVA, ThreadClass.OTHER_JAVA);
    }

    @Test
    void readsTheLaterJdksDecimalNid() {
        assertThat(ThreadSwitches.parse("\"main\" #1 [4242] prio=5 os_prio=0 cpu=1.00ms elapsed=1.00s tid=0x00007f5f60018020 nid=4242 runnable"))
                .containsExactly(new ThreadSwitches.JavaThread("main", 1, 4242));
    }

    static void status(Path proc, long pid, long tid, long voluntary, long nonvoluntary) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)));
        Files.writeString(dir.resolve("status"), "Name:\tdata-plane-kafk\nState:\tS (sleeping)\nTgid:\t" + pid + "\nPid:\t" + tid
                + "\nThreads:\t90\nvoluntary_ctxt_switches:\t" + voluntary + "\nnonvoluntary_ctxt_switches:\t" + nonvoluntary + "\n");
    }

    @Test
    void readsEachJavaThreadsSwitchesUnderAProcRootAndSkipsThreadsThatAreGone(@TempDir Path proc) throws Exception {
        long pid = 4000;
        status(proc, pid, 0x431b, 10, 1);
        status(proc, pid, 0x432e, 5000, 40);
        status(proc, pid, 0x4401, 7000, 70);
        status(proc, pid, 0x4410, 300, 3);
        // 0x4420 (the log cleaner) has exited: no status file; 0x4327 (the compiler) is not a ThreadMXBean thread.
        status(proc, pid, 0x4421, 2, 0);
        assertThat(ThreadSwitches.read(proc, pid, 0x432e)).isEqualTo(new ThreadSwitches.Counts(5000, 40));
        assertThat(ThreadSwitches.read(proc, pid, 0x4420)).isNull();
        assertThat(ThreadSwitches.read(proc, pid + 1, 0x432e)).isNull();

        Map<Long, ThreadSwitches.Sample> s = ThreadSwitches.sample(THREAD_PRINT, Set.of(1L, 40L, 52L, 61L, 70L, 71L), proc, pid);
        assertThat(s).containsOnlyKeys(0x431bL, 0x432eL, 0x4401L, 0x4410L, 0x4421L);
        assertThat(s.get(0x432eL)).isEqualTo(new ThreadSwitches.Sample("network", 5000, 40));
        assertThat(s.get(0x4401L)).isEqualTo(new ThreadSwitches.Sample("requestHandler", 7000, 70));
        assertThat(s.get(0x4410L)).isEqualTo(new ThreadSwitches.Sample("replicaFetcher", 300, 3));
        assertThat(s.get(0x431bL).threadClass()).isEqualTo("otherJava");
        assertThat(ThreadSwitches.sample(THREAD_PRINT, null, proc, pid)).containsOnlyKeys(0x431bL, 0x432eL, 0x4401L, 0x4410L, 0x4421L);
    }

    @Test
    void theStatusFileGivesBothCountsOrNothing() {
        assertThat(ThreadSwitches.parseStatus("Name:\tx\nvoluntary_ctxt_switches:\t12\nnonvoluntary_ctxt_switches:\t3\n"))
                .isEqualTo(new ThreadSwitches.Counts(12, 3));
        assertThat(ThreadSwitches.parseStatus("Name:\tx\nvoluntary_ctxt_switches:\t12\n")).isNull();
    }

    @Test
    void aWindowCountsOnlyThreadsAliveAtBothEnds() {
        Map<Long, ThreadSwitches.Sample> before = Map.of(
                1L, new ThreadSwitches.Sample("network", 1000, 10),
                2L, new ThreadSwitches.Sample("requestHandler", 500, 5),
                3L, new ThreadSwitches.Sample("otherJava", 50, 0)); // ends in the window
        Map<Long, ThreadSwitches.Sample> after = Map.of(
                1L, new ThreadSwitches.Sample("network", 3000, 30),
                2L, new ThreadSwitches.Sample("requestHandler", 4500, 25),
                4L, new ThreadSwitches.Sample("otherJava", 100_000, 900)); // started in the window: its whole history is not the window's
        Map<String, Double> wakeups = ThreadSwitches.perSecond(before, after, 10, true);
        assertThat(wakeups).containsOnlyKeys("network", "requestHandler", "replicaFetcher", "otherJava");
        assertThat(wakeups.get("network")).isCloseTo(200, within(1e-9));
        assertThat(wakeups.get("requestHandler")).isCloseTo(400, within(1e-9));
        assertThat(wakeups.get("replicaFetcher")).isZero();
        assertThat(wakeups.get("otherJava")).isZero();
        Map<String, Double> preemptions = ThreadSwitches.perSecond(before, after, 10, false);
        assertThat(preemptions.get("network")).isCloseTo(2, within(1e-9));
        assertThat(preemptions.get("requestHandler")).isCloseTo(2, within(1e-9));
        assertThat(ThreadSwitches.perSecond(Map.of(), after, 10, true)).isEmpty();
    }

    @Test
    void theRequestWindowSumsBrokersRates() {
        BrokerJmxSnapshot b1 = snap(1, 100, Map.of(7L, new ThreadSwitches.Sample("network", 100, 1)));
        BrokerJmxSnapshot b2 = snap(2, 100, Map.of(7L, new ThreadSwitches.Sample("network", 200, 2), 8L, new ThreadSwitches.Sample("requestHandler", 0, 0)));
        BrokerJmxSnapshot a1 = snap(1, 110, Map.of(7L, new ThreadSwitches.Sample("network", 1100, 11)));
        BrokerJmxSnapshot a2 = snap(2, 105, Map.of(7L, new ThreadSwitches.Sample("network", 700, 2), 8L, new ThreadSwitches.Sample("requestHandler", 1000, 50)));
        RequestWindow w = RequestWindow.between(List.of(b1, b2), List.of(a1, a2));
        assertThat(w.threadWakeupsPerSec().get("network")).isCloseTo(100 + 100, within(1e-9));
        assertThat(w.threadWakeupsPerSec().get("requestHandler")).isCloseTo(200, within(1e-9));
        assertThat(w.threadPreemptionsPerSec().get("network")).isCloseTo(1, within(1e-9));
        assertThat(w.threadPreemptionsPerSec().get("requestHandler")).isCloseTo(10, within(1e-9));
        RequestWindow none = RequestWindow.between(List.of(snap(1, 0, Map.of())), List.of(snap(1, 1, Map.of())));
        assertThat(none.threadWakeupsPerSec()).isEmpty();
        assertThat(none.threadPreemptionsPerSec()).isEmpty();
    }

    private static BrokerJmxSnapshot snap(int node, double seconds, Map<Long, ThreadSwitches.Sample> switches) {
        return new BrokerJmxSnapshot(node, (long) (seconds * 1e9), Map.of(), Map.of(), null, 0, 0, Map.of(), Map.of(), switches);
    }

    /** This JVM's own threadPrint and /proc: a request-handler-named thread that sleeps ten times shows at least ten wake-ups. */
    @Test
    void aThreadThatSleptTenTimesWokeAtLeastTenTimesInThisJvm() throws Exception {
        long pid = ProcessHandle.current().pid();
        assumeThat(ThreadSwitches.PROC.resolve(Long.toString(pid)).resolve("task")).isDirectory();
        var mbs = ManagementFactory.getPlatformMBeanServer();
        CountDownLatch started = new CountDownLatch(1), go = new CountDownLatch(1), slept = new CountDownLatch(1), done = new CountDownLatch(1);
        Thread handler = new Thread(() -> {
            try {
                started.countDown();
                go.await();
                for (int i = 0; i < 10; i++) Thread.sleep(1);
                slept.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "data-plane-kafka-request-handler-7");
        handler.setDaemon(true);
        handler.start();
        try {
            started.await();
            Map<Long, ThreadSwitches.Sample> before = ThreadSwitches.take(mbs, javaIds(), ThreadSwitches.PROC, pid);
            long t0 = System.nanoTime();
            go.countDown();
            slept.await();
            Map<Long, ThreadSwitches.Sample> after = ThreadSwitches.take(mbs, javaIds(), ThreadSwitches.PROC, pid);
            double seconds = (System.nanoTime() - t0) / 1e9;

            Long tid = ThreadSwitches.parse(ThreadSwitches.threadPrint(mbs)).stream()
                    .filter(t -> t.name().equals("data-plane-kafka-request-handler-7")).findFirst().orElseThrow().nid();
            assertThat(before).containsKey(tid);
            assertThat(before.get(tid).threadClass()).isEqualTo("requestHandler");
            assertThat(after.get(tid).voluntary() - before.get(tid).voluntary()).isGreaterThanOrEqualTo(10);
            // The VM's own threads (GC, VM Thread) and the hidden compiler threads are not in the samples.
            String text = ThreadSwitches.threadPrint(mbs);
            for (String vmThread : List.of("VM Thread", "C1 CompilerThread0", "C2 CompilerThread0")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\"" + vmThread + "\".* nid=0x([0-9a-f]+) ").matcher(text);
                if (m.find()) assertThat(before).as(vmThread).doesNotContainKey(Long.parseLong(m.group(1), 16));
            }
            Map<String, Double> wakeups = ThreadSwitches.perSecond(before, after, seconds, true);
            assertThat(wakeups).containsOnlyKeys("network", "requestHandler", "replicaFetcher", "otherJava");
            assertThat(wakeups.get("requestHandler") * seconds).isGreaterThanOrEqualTo(10 - 1e-6);
            assertThat(wakeups.get("network")).isZero();
        } finally {
            done.countDown();
            handler.join(5000);
        }
    }

    private static Set<Long> javaIds() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Set<Long> ids = new HashSet<>();
        for (long id : threads.getAllThreadIds()) ids.add(id);
        return ids;
    }

    /** schedstat's second field is the time a thread waited runnable for a CPU; per class over a window, in cores. */
    @Test
    void runQueueWaitFromSchedstatPerClassInCores(@TempDir Path proc) throws java.io.IOException {
        long pid = 77;
        Path task = proc.resolve("77").resolve("task").resolve("5");
        Files.createDirectories(task);
        Files.writeString(task.resolve("schedstat"), "123456 2500000000 40\n");
        assertThat(ThreadSwitches.readRunQueueWait(proc, pid, 5)).isEqualTo(2_500_000_000L);
        assertThat(ThreadSwitches.readRunQueueWait(proc, pid, 6)).isEqualTo(-1);

        Map<Long, ThreadSwitches.Sample> before = Map.of(
                1L, new ThreadSwitches.Sample("network", 10, 1, 1_000_000_000L),
                2L, new ThreadSwitches.Sample("requestHandler", 10, 1, 0),
                3L, new ThreadSwitches.Sample("otherJava", 10, 1, -1));   // no schedstat
        Map<Long, ThreadSwitches.Sample> after = Map.of(
                1L, new ThreadSwitches.Sample("network", 20, 2, 3_000_000_000L),
                2L, new ThreadSwitches.Sample("requestHandler", 20, 2, 500_000_000L),
                3L, new ThreadSwitches.Sample("otherJava", 20, 2, 9_000_000_000L),
                4L, new ThreadSwitches.Sample("requestHandler", 20, 2, 7_000_000_000L));   // started in the window
        Map<String, Double> w = ThreadSwitches.runQueueWaitCores(before, after, 2.0);
        assertThat(w).containsEntry("network", 1.0).containsEntry("requestHandler", 0.25).containsEntry("otherJava", 0.0);
        assertThat(ThreadSwitches.runQueueWaitCores(Map.of(3L, before.get(3L)), Map.of(3L, after.get(3L)), 2.0)).isEmpty();
    }
}
