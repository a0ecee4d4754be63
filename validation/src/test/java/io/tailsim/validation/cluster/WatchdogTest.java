package io.tailsim.validation.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WatchdogTest {
    @TempDir
    Path base;

    @Test
    void whenTheDriverDiesItStopsTheRunsBrokersAndRemovesTheFolderButSparesOtherProcesses() throws Exception {
        String runId = "wd-" + UUID.randomUUID().toString().substring(0, 8);
        try (FakeProcesses fakes = new FakeProcesses()) {
            Process driver = fakes.start();
            Process broker = fakes.fakeBroker(runId);
            Process bystander = fakes.start("kafka.Kafka", "-Dtailsim.run=someone-else");
            Path runDir = Files.createDirectories(base.resolve("run-" + runId).resolve("node-1"));
            Files.writeString(runDir.resolve("server.log"), "x");
            Path pidFile = base.resolve("run-" + runId + ".pids");
            Files.writeString(pidFile, new RunRegistry.Entry(runId, driver.pid(), runDir.getParent(),
                    List.of(broker.pid(), bystander.pid()), pidFile).render());

            Process watchdog = Watchdog.start(driver.pid(), pidFile, runDir.getParent(), RunRegistry.marker(runId));
            try {
                Thread.sleep(1500);
                assertThat(broker.isAlive()).isTrue();
                assertThat(runDir).exists();

                driver.destroyForcibly();
                assertThat(FakeProcesses.await(() -> !broker.isAlive() && !Files.exists(runDir.getParent()) && !Files.exists(pidFile), 15)).isTrue();
                assertThat(watchdog.waitFor(5, TimeUnit.SECONDS)).isTrue();
                assertThat(bystander.isAlive()).as("a PID without the run's marker is never signalled").isTrue();
            } finally {
                watchdog.destroyForcibly();
            }
        }
    }

    @Test
    void exitsQuietlyWhenTheDriverCleansUpItself() throws Exception {
        String runId = "wd-" + UUID.randomUUID().toString().substring(0, 8);
        try (FakeProcesses fakes = new FakeProcesses()) {
            Process broker = fakes.fakeBroker(runId);
            Path runDir = Files.createDirectories(base.resolve("run-" + runId));
            Path pidFile = base.resolve("run-" + runId + ".pids");
            Files.writeString(pidFile, new RunRegistry.Entry(runId, ProcessHandle.current().pid(), runDir, List.of(broker.pid()), pidFile).render());
            Process watchdog = Watchdog.start(ProcessHandle.current().pid(), pidFile, runDir, RunRegistry.marker(runId));
            Thread.sleep(500);
            Files.delete(pidFile);
            assertThat(watchdog.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(watchdog.exitValue()).isZero();
            assertThat(broker.isAlive()).isTrue();
            assertThat(runDir).exists();
        }
    }

    @Test
    void survivesTheInterruptAProcessGroupGetsOnCtrlC() throws Exception {
        String runId = "wd-" + UUID.randomUUID().toString().substring(0, 8);
        Path runDir = Files.createDirectories(base.resolve("run-" + runId));
        Path pidFile = base.resolve("run-" + runId + ".pids");
        Files.writeString(pidFile, "run " + runId + "\n");
        Process watchdog = Watchdog.start(ProcessHandle.current().pid(), pidFile, runDir, RunRegistry.marker(runId));
        try {
            Thread.sleep(500);
            new ProcessBuilder("kill", "-INT", Long.toString(watchdog.pid())).start().waitFor();
            new ProcessBuilder("kill", "-HUP", Long.toString(watchdog.pid())).start().waitFor();
            Thread.sleep(1500);
            assertThat(watchdog.isAlive()).isTrue();
        } finally {
            watchdog.destroyForcibly();
            watchdog.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
