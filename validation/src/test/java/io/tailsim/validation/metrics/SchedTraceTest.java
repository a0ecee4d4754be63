package io.tailsim.validation.metrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SchedTraceTest {
    // perf script's default lines, as it printed them on this machine (kernel 6.18, perf 6.x)
    private static final String SWITCH_LINE = "            perf 29632 [000] 58002.694691: sched:sched_switch: prev_comm=perf prev_pid=29632 "
            + "prev_prio=120 prev_state=D ==> next_comm=migration/0 next_pid=18 next_prio=0";
    private static final String WAKEUP_LINE = "         swapper     0 [000] 58742.046403: sched:sched_wakeup: comm=sched-pipe pid=3077 prio=120 target_cpu=000";

    @Test
    void parsesPerfScriptLines() {
        SchedTrace.Event s = SchedTrace.parse(SWITCH_LINE);
        assertThat(s.kind()).isEqualTo(SchedTrace.Kind.SWITCH);
        assertThat(s.nanos()).isEqualTo(58002_694691000L);
        assertThat(s.cpu()).isZero();
        assertThat(s.tid()).isEqualTo(29632);
        assertThat(s.otherTid()).isEqualTo(18);
        assertThat(s.otherComm()).isEqualTo("migration/0");
        assertThat(s.prevRunnable()).isFalse();
        SchedTrace.Event w = SchedTrace.parse(WAKEUP_LINE);
        assertThat(w.kind()).isEqualTo(SchedTrace.Kind.WAKEUP);
        assertThat(w.tid()).isZero();
        assertThat(w.otherTid()).isEqualTo(3077);
        assertThat(w.targetCpu()).isZero();
        // a thread name with spaces and a preempted (R+) switch
        SchedTrace.Event p = SchedTrace.parse(" data-plane-kafk 4411 [001] 10.000100: sched:sched_switch: prev_comm=data-plane-kafk prev_pid=4411 "
                + "prev_prio=120 prev_state=R+ ==> next_comm=GC Thread#0 next_pid=4500 next_prio=120");
        assertThat(p.prevRunnable()).isTrue();
        assertThat(p.otherComm()).isEqualTo("GC Thread#0");
        assertThat(SchedTrace.parse("[ perf record: Woken up 1 times to write data ]")).isNull();
    }

    private static String sw(double t, int cpu, long prev, String state, long next) {
        return String.format(java.util.Locale.ROOT, "x %d [%03d] %.6f: sched:sched_switch: prev_comm=t%d prev_pid=%d prev_prio=120 prev_state=%s ==> "
                + "next_comm=t%d next_pid=%d next_prio=120", prev, cpu, t, prev, prev, state, next, next);
    }

    private static String wake(String kind, double t, int cpu, long current, long woken, int target) {
        return String.format(java.util.Locale.ROOT, "x %d [%03d] %.6f: sched:%s: comm=t%d pid=%d prio=120 target_cpu=%03d",
                current, cpu, t, kind, woken, woken, target);
    }

    /**
     * Two CPUs. A handler (10) runs on CPU 0 with CPU 1 idle and wakes a network thread (20) that last ran on CPU 0; the
     * network thread is put on CPU 0 and preempts the handler 10 us after its waking; it runs 50 us and sleeps; the handler
     * gets CPU 0 back. Then the network thread, running on CPU 1, wakes the handler (last on CPU 0, now idle): it goes there.
     */
    private static final List<String> TRACE = List.of(
            sw(0.999000, 1, 20, "S", 0),
            sw(1.000000, 0, 0, "R", 10),
            wake("sched_waking", 1.000100, 0, 10, 20, 0),
            wake("sched_wakeup", 1.000105, 0, 10, 20, 0),
            sw(1.000110, 0, 10, "R+", 20),
            sw(1.000160, 0, 20, "S", 10),
            sw(1.000200, 0, 10, "S", 0),
            sw(1.000300, 1, 0, "R", 20),
            wake("sched_waking", 1.000310, 1, 20, 10, 0),
            wake("sched_wakeup", 1.000330, 0, 0, 10, 0),
            sw(1.000340, 0, 0, "R", 10),
            sw(1.000400, 1, 20, "S", 0));

    @Test
    void countsPreemptionsWaitsAndPlacement() {
        List<SchedTrace.Event> events = TRACE.stream().map(SchedTrace::parse).filter(Objects::nonNull).toList();
        assertThat(events).hasSize(TRACE.size());
        Map<Long, String> classes = Map.of(10L, "broker.requestHandler", 20L, "broker.network");
        SchedTrace.Analysis a = SchedTrace.analyse(events, tid -> tid == 0 ? SchedTrace.IDLE : classes.getOrDefault(tid, "other"), 2.0);

        SchedTrace.ClassFigures handler = a.classes().get("broker.requestHandler");
        assertThat(handler.preemptionsPerSec()).isEqualTo(0.5);
        assertThat(handler.preemptedByPerSec()).containsEntry("broker.network", 0.5);
        assertThat(handler.wakeupsPerSec()).isEqualTo(0.5);
        assertThat(handler.wakeToRunUs().p50()).isCloseTo(30, within(0.01));

        SchedTrace.ClassFigures network = a.classes().get("broker.network");
        assertThat(network.preemptionsPerSec()).isZero();
        assertThat(network.wakeupsPerSec()).isEqualTo(0.5);
        assertThat(network.wakeToRunUs().p50()).isCloseTo(10, within(0.01));
        // from its wake to its sleep it held CPU 0 for 50 us
        assertThat(network.cpuPerWakeupUs().p50()).isCloseTo(50, within(0.01));

        assertThat(a.placement()).extracting(SchedTrace.Placement::when)
                .containsExactly("another CPU idle, last ran on the waker's", "another CPU idle, last ran on another");
        SchedTrace.Placement first = a.placement().get(0);
        assertThat(first.onWakerCpu()).isEqualTo(1.0);
        SchedTrace.Placement second = a.placement().get(1);
        assertThat(second.onPrevCpu()).isEqualTo(1.0);
        assertThat(second.wakesPerSec()).isEqualTo(0.5);
        // the handler's wake found CPU 0 idle: 30 us from waking to running, one such wake, too few for quantiles
        assertThat(a.idleCpuWakes()).isEqualTo(1);
        assertThat(a.idleCpuWakeUs()).isNull();
    }

    /** Thread 20 on CPU 1 wakes thread 10 onto idle CPU 0 200 times, the k-th time taking k us to run; one wake onto busy CPU 1. */
    @Test
    void theWakesOntoAnIdleCpuGiveTheWakeUpLatencysQuantiles() {
        List<String> trace = new java.util.ArrayList<>(List.of(sw(0.5, 1, 0, "R", 20), sw(0.5, 0, 10, "S", 0)));
        double t = 1;
        for (int k = 1; k <= 200; k++) {
            trace.add(wake("sched_waking", t, 1, 20, 10, 0));
            trace.add(wake("sched_wakeup", t + 0.000001, 0, 0, 10, 0));
            trace.add(sw(t + k * 1e-6, 0, 0, "R", 10));
            trace.add(sw(t + 0.001, 0, 10, "S", 0));
            t += 0.01;
        }
        // onto the busy CPU 1 (its waker's): not a wake-up latency alone
        trace.add(wake("sched_waking", t, 1, 20, 30, 1));
        trace.add(wake("sched_wakeup", t + 0.000001, 1, 20, 30, 1));
        trace.add(sw(t + 0.0005, 1, 20, "S", 30));
        SchedTrace.Analysis a = SchedTrace.analyse(trace.stream().map(SchedTrace::parse).toList(), tid -> "t", 3.0);
        assertThat(a.idleCpuWakes()).isEqualTo(200);
        assertThat(a.idleCpuWakeUs()).hasSize(101);
        assertThat(a.idleCpuWakeUs()[0]).isCloseTo(1, within(0.01));
        assertThat(a.idleCpuWakeUs()[50]).isCloseTo(100.5, within(1.0));
        assertThat(a.idleCpuWakeUs()[100]).isCloseTo(200, within(0.01));
    }

    @Test
    void aCpuWithAWakeOnItsWayIsNotIdle() {
        // CPU 1 idle, but a wake bound for it was made (waking) and not yet delivered (wakeup) when thread 10 wakes 30
        List<String> trace = List.of(
                sw(0.999, 1, 40, "S", 0),
                sw(1.0, 0, 0, "R", 10),
                wake("sched_waking", 1.000010, 0, 10, 20, 1),
                wake("sched_waking", 1.000020, 0, 10, 30, 0),
                wake("sched_wakeup", 1.000025, 0, 10, 30, 0),
                wake("sched_wakeup", 1.000030, 1, 0, 20, 1));
        SchedTrace.Analysis a = SchedTrace.analyse(trace.stream().map(SchedTrace::parse).toList(), tid -> "t", 1.0);
        assertThat(a.placement()).extracting(SchedTrace.Placement::when)
                .containsExactly("another CPU idle, last ran on another", "no other CPU idle, last ran on the waker's");
    }

    @Test
    void writesItsFiguresAsJson(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        SchedTrace.Analysis a = SchedTrace.analyse(TRACE.stream().map(SchedTrace::parse).toList(), tid -> tid == 0 ? SchedTrace.IDLE : "t" + tid, 2.0);
        Path out = dir.resolve("sub").resolve("sched-trace.json");
        a.write(out);
        String json = Files.readString(out);
        assertThat(json).contains("\"classes\"", "\"t10\"", "\"preemptedByPerSec\"", "\"placement\"", "\"wakeToRunUs\"");
        // no broker classes here: only the placement lines
        assertThat(a.summary()).hasSize(2).allMatch(l -> l.startsWith("woken by a task, another CPU idle"));
        assertThat(Files.list(out.getParent())).containsExactly(out);
    }
}
