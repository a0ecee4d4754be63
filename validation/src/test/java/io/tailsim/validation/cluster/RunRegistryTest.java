package io.tailsim.validation.cluster;

import io.tailsim.validation.RefusedRunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRegistryTest {
    @TempDir
    Path base;

    private static String id() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registersCreatesTheFolderAndRefusesASecondRunUntilTheFirstIsRemoved() {
        RunRegistry reg = new RunRegistry(base);
        String a = id(), b = id();
        RunRegistry.Entry first = reg.register(a, base.resolve("run-" + a));
        assertThat(first.file()).exists();
        assertThat(base.resolve("run-" + a)).isDirectory();
        first = reg.addBroker(first, 4242);
        assertThat(RunRegistry.Entry.parse(readString(first.file()), first.file()).brokerPids()).containsExactly(4242L);

        assertThatThrownBy(() -> reg.register(b, base.resolve("run-" + b)))
                .isInstanceOf(RefusedRunException.class)
                .hasMessageContaining("run " + a)
                .hasMessageContaining("driver PID " + ProcessHandle.current().pid());

        reg.remove(first);
        RunRegistry.Entry second = reg.register(b, base.resolve("run-" + b));
        assertThat(second.file()).exists();
        reg.remove(second);
    }

    @Test
    void aDeadDriversEntryIsStaleAndIsRemovedWithItsFolder() throws Exception {
        Process gone = new ProcessBuilder("/bin/true").start();
        gone.waitFor();
        String stale = id();
        Path staleDir = Files.createDirectories(base.resolve("run-" + stale).resolve("node-1"));
        Path staleFile = base.resolve("run-" + stale + ".pids");
        Files.writeString(staleFile, new RunRegistry.Entry(stale, gone.pid(), staleDir.getParent(), List.of(gone.pid()), staleFile).render());

        RunRegistry reg = new RunRegistry(base);
        String fresh = id();
        RunRegistry.Entry e = reg.register(fresh, base.resolve("run-" + fresh));
        assertThat(staleFile).doesNotExist();
        assertThat(staleDir.getParent()).doesNotExist();
        reg.remove(e);
    }

    @Test
    void anyLiveTailsimBrokerOnTheMachineRefusesANewRun() throws Exception {
        String other = id();
        try (FakeProcesses fakes = new FakeProcesses()) {
            Process broker = fakes.fakeBroker(other);
            assertThat(FakeProcesses.await(() -> Procs.aliveWithArg(broker.pid(), RunRegistry.marker(other)), 5)).isTrue();
            RunRegistry reg = new RunRegistry(base);
            String mine = id();
            assertThatThrownBy(() -> reg.register(mine, base.resolve("run-" + mine)))
                    .isInstanceOf(RefusedRunException.class)
                    .hasMessageContaining("broker PID " + broker.pid() + " of run " + other);
            assertThat(base.resolve("run-" + mine)).doesNotExist();
        }
    }

    @Test
    void aLiveDriverOfAnotherProcessHoldsItsRunWhileItsFolderExists() throws Exception {
        try (FakeProcesses fakes = new FakeProcesses()) {
            Process driver = fakes.start();
            String other = id();
            Path otherDir = Files.createDirectories(base.resolve("run-" + other));
            Path f = base.resolve("run-" + other + ".pids");
            Files.writeString(f, new RunRegistry.Entry(other, driver.pid(), otherDir, List.of(), f).render());
            RunRegistry reg = new RunRegistry(base);
            String mine = id();
            assertThatThrownBy(() -> reg.register(mine, base.resolve("run-" + mine)))
                    .isInstanceOf(RefusedRunException.class).hasMessageContaining("run " + other);
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
