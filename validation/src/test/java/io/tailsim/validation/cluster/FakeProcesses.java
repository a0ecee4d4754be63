package io.tailsim.validation.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small sh processes standing in for a driver or a broker; the loop keeps sh itself alive so its arguments stay visible. */
final class FakeProcesses implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();

    Process start(String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "while :; do sleep 0.2; done"));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    /** A process whose arguments look like a tailsim broker of the run: sh's $0 is kafka.Kafka, $1 the marker. */
    Process fakeBroker(String runId) throws IOException {
        return start("kafka.Kafka", RunRegistry.marker(runId));
    }

    static boolean await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) p.destroyForcibly();
        for (Process p : started) p.waitFor(5, TimeUnit.SECONDS);
    }
}
