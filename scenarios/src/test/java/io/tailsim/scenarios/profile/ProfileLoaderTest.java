package io.tailsim.scenarios.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.cpu.SchedulerPolicy;
import io.tailsim.scenarios.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    static final Path LATENCY = Path.of("../profiles/latency-blog-r5xlarge.yaml");
    static final Path BENCHMARK = Path.of("../profiles/benchmark-blog-i3en2xlarge.yaml");

    @Test
    void latencyBlogTestbed() {
        Testbed t = ProfileLoader.load(LATENCY);
        HardwareProfile h = t.hardware();
        assertThat(h.brokerVcpus()).isEqualTo(4);
        assertThat(h.brokersPerHost()).isEqualTo(1);
        assertThat(h.disk().writeBytesPerSecond()).isEqualTo(80e6);
        assertThat(h.network().nicBytesPerSecond()).isEqualTo(1.25e9);
        assertThat(h.network().crossAzOneWay().mean()).isGreaterThan(h.network().sameAzOneWay().mean());
        assertThat(h.cpu().perRequest("Produce")).isEqualTo(70_000L);
        assertThat(h.clientVcpus()).isEqualTo(4);
        assertThat(h.cpu().tlsPerRequestNanos()).isPositive();
        assertThat(h.compressionRatio()).containsEntry(CompressionType.LZ4, 1.0);
        assertThat(t.clusterDefaults().keys()).contains("brokers", "availability-zones", "security.protocol");
        assertThat(t.sources().get("disk.write-bandwidth")).startsWith("published:").contains("40 MB/s per TB");
        assertThat(t.sources().get("cpu.per-request.Produce")).startsWith("fit:");
    }

    @Test
    void benchmarkBlogTestbed() {
        HardwareProfile h = ProfileLoader.load(BENCHMARK).hardware();
        assertThat(h.brokerVcpus()).isEqualTo(8);
        assertThat(h.disk().writeBytesPerSecond()).isEqualTo(655e6);
        assertThat(h.network().nicBytesPerSecond()).isEqualTo(25e9 / 8);
        assertThat(h.cpu().tlsPerRequestNanos()).isZero();
        assertThat(h.clientVcpus()).isEqualTo(h.brokerVcpus());   // no client-vcpus: clients get the broker's size
        assertThat(h.disk().dirtyBackgroundBytes()).isLessThan(h.disk().dirtyLimitBytes());
    }

    /** Every leaf value of both profiles has a source; counting "value:" occurrences catches a sourceless one. */
    @Test
    void everyNumberHasASource() throws IOException {
        for (Path p : new Path[] {LATENCY, BENCHMARK}) {
            Testbed t = ProfileLoader.load(p);
            Matcher m = Pattern.compile("\\{value: ").matcher(Files.readString(p));
            int values = 0;
            while (m.find()) {
                values++;
            }
            assertThat(t.sources()).hasSize(values);
            assertThat(t.sources().values()).allMatch(s -> s.startsWith("published:") || s.startsWith("fit:")
                    || s.startsWith("measured:"));
        }
    }

    @Test
    void aValueWithoutASourceIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, Files.readString(LATENCY).replace(
                "vcpus: {value: 4, source: \"published: AWS r5.xlarge, 4 vCPU, 32 GiB (EC2 instance types)\"}", "vcpus: 4"));
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("p.yaml:").hasMessageContaining("host.vcpus").hasMessageContaining("needs a source");
    }

    @Test
    void aSourceOfAnotherKindIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, Files.readString(LATENCY).replace("source: \"published: AWS r5.xlarge, 4 vCPU",
                "source: \"guess: AWS r5.xlarge, 4 vCPU"));
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("host.vcpus.source")
                .hasMessageContaining("published:, measured: or fit:");
    }

    @Test
    void anUnknownRequestTypeGetsTheModelsNames(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, Files.readString(LATENCY).replace("    FetchConsumer: {", "    FetchConsumr: {"));
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("cpu.per-request.FetchConsumr")
                .hasMessageContaining("did you mean 'FetchConsumer'?");
    }

    @Test
    void hostEffectsAreOptionalAndReadWhenGiven(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects()).isEqualTo(HardwareProfile.HostEffects.NONE);
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, String.join("\n",
                "  background-per-broker: {value: 0.15, source: \"measured: idle broker\"}",
                "  background-per-request: {value: 900us, source: \"fit: off-path CPU per request\"}",
                "  background-per-partition: {value: 30us, source: \"fit: off-path CPU per partition read\"}",
                "  background-burst: {value: 3ms, source: \"fit: an assumption\"}",
                "  wakeup-latency: {value: \"lognormal(mean=400us, cv=3)\", source: \"measured: send lag\"}"));
        HardwareProfile.HostEffects fx = ProfileLoader.load(f).hardware().hostEffects();
        assertThat(fx.backgroundCoresPerBroker()).isEqualTo(0.15);
        assertThat(fx.backgroundPerRequestNanos()).isEqualTo(900_000);
        assertThat(fx.backgroundPerPartitionNanos()).isEqualTo(30_000);
        assertThat(fx.backgroundBurstNanos()).isEqualTo(3_000_000);
        assertThat(fx.wakeupLatency().mean()).isCloseTo(400_000, org.assertj.core.api.Assertions.within(1.0));
        assertThat(fx.hasBackground()).isTrue();
    }

    @Test
    void theTimerSlackIsReadAndNeedsAWakeupLatency(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().timerSlackNanos()).isZero();
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  wakeup-latency: {value: \"lognormal(mean=100us, cv=1)\", source: \"measured: send lag\"}\n"
                + "  timer-slack: {value: 50us, source: \"published: Linux's default\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().timerSlackNanos()).isEqualTo(50_000);
        withCpuLines(f, "  timer-slack: {value: 50us, source: \"published: Linux's default\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cpu.timer-slack").hasMessageContaining("wakeup-latency");
    }

    @Test
    void theSchedulerSliceIsReadAndProcessorSharingIsTheDefault(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().schedulerSliceNanos()).isZero();
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  scheduler-slice: {value: 1.5ms, source: \"published: EEVDF base slice\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().schedulerSliceNanos()).isEqualTo(1_500_000);
    }

    @Test
    void theSchedulerIsReadAndRoundRobinIsTheDefault(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  scheduler-slice: {value: 1.5ms, source: \"published: EEVDF base slice\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().scheduler()).isEqualTo(SchedulerPolicy.ROUND_ROBIN);
        withCpuLines(f, "  scheduler-slice: {value: 1.5ms, source: \"published: EEVDF base slice\"}\n"
                + "  scheduler: {value: eevdf, source: \"measured: kernel 6.18\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().scheduler()).isEqualTo(SchedulerPolicy.EEVDF);
    }

    @Test
    void aLoadBalanceIntervalGivesEachCoreARunQueueAndNeedsEevdf(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  scheduler-slice: {value: 1.5ms, source: \"published: EEVDF base slice\"}\n"
                + "  scheduler: {value: eevdf, source: \"measured: kernel 6.18\"}\n"
                + "  load-balance-interval: {value: 32ms, source: \"published: sd_weight ms x busy_factor 16\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().loadBalanceIntervalNanos()).isEqualTo(32_000_000L);
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().loadBalanceIntervalNanos()).isZero();
        withCpuLines(f, "  scheduler-slice: {value: 1.5ms, source: \"published: EEVDF base slice\"}\n"
                + "  load-balance-interval: {value: 32ms, source: \"published: sd_weight ms x busy_factor 16\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cpu.load-balance-interval").hasMessageContaining("scheduler: eevdf");
    }

    @Test
    void coldWakeupCostsAreReadWithTheirHalfRateAndNeedIt(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().coldWakeups()).isEqualTo(HardwareProfile.ColdWakeups.NONE);
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  network-thread-per-cold-wakeup: {value: 80us, source: \"fit: cold network wake-ups\"}\n"
                + "  request-handler-per-cold-wakeup: {value: 100us, source: \"fit: cold handler wake-ups\"}\n"
                + "  replica-fetcher-per-cold-wakeup: {value: 200us, source: \"fit: cold fetcher wake-ups\"}\n"
                + "  cold-wakeup-half-rate: {value: 140/s, source: \"fit: the best of a grid\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().coldWakeups())
                .isEqualTo(new HardwareProfile.ColdWakeups(80_000, 100_000, 200_000, 140));
        String noRate = "  network-thread-per-cold-wakeup: {value: 80us, source: \"fit: cold network wake-ups\"}";
        withCpuLines(f, noRate);
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cpu.network-thread-per-cold-wakeup").hasMessageContaining("cold-wakeup-half-rate");
        withCpuLines(f, noRate + "\n  cold-wakeup-half-rate: {value: 140 per second, source: \"fit: the best of a grid\"}");
        String text = Files.readString(f);
        int line = (int) text.lines().takeWhile(l -> !l.contains("cold-wakeup-half-rate")).count() + 1;
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("p.yaml:" + line + ":").hasMessageContaining("cpu.cold-wakeup-half-rate")
                .hasMessageContaining("100/s").hasMessageContaining("140 per second");
        withCpuLines(f, noRate + "\n  cold-wakeup-half-rate: {value: 0/s, source: \"fit: the best of a grid\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cpu.cold-wakeup-half-rate");
    }

    @Test
    void anUnknownSchedulerOrOneWithoutASliceNamesFileLineAndKey(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        String text = Files.readString(LATENCY).replace("  service-cv:",
                "  scheduler-slice: {value: 1.5ms, source: \"published: EEVDF base slice\"}\n"
                        + "  scheduler: {value: cfs, source: \"measured: kernel 5.15\"}\n  service-cv:");
        Files.writeString(f, text);
        int line = (int) text.lines().takeWhile(l -> !l.contains("scheduler:")).count() + 1;
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("p.yaml:" + line + ":").hasMessageContaining("cpu.scheduler")
                .hasMessageContaining("round-robin or eevdf").hasMessageContaining("cfs");
        String noSlice = Files.readString(LATENCY).replace("  service-cv:",
                "  scheduler: {value: eevdf, source: \"measured: kernel 6.18\"}\n  service-cv:");
        Files.writeString(f, noSlice);
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cpu.scheduler").hasMessageContaining("scheduler-slice");
    }

    /** The latency blog's profile up to an empty gc section, for a test to append its own keys. */
    private static String latencyWithEmptyGc() throws IOException {
        String base = Files.readString(LATENCY);
        int gcAt = base.indexOf("\ngc:");
        return gcAt < 0 ? base + "\ngc:\n" : base.substring(0, gcAt) + "\ngc:\n";
    }

    @Test
    void collectionsDrivenByTheBrokersWorkAreReadAndCheckedWithFileLineAndKey(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().hasGcAllocation()).isFalse();
        String head = latencyWithEmptyGc();
        String gc = "  pause-interval: {value: none, source: \"fit: no collections without traffic\"}\n"
                + "  pause-duration: {value: \"deterministic(20ms)\", source: \"measured: GC logs\"}\n"
                + "  pauses-per-request: {value: 0.0004, source: \"fit: GC logs on requests\"}\n"
                + "  pauses-per-partition-read: {value: 0.00005, source: \"fit: GC logs on partitions read\"}\n"
                + "  pauses-per-mib-produced: {value: 0.14, source: \"fit: GC logs on bytes\"}\n";
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, head + gc);
        HardwareProfile hw = ProfileLoader.load(f).hardware();
        assertThat(hw.gcPauseInterval()).isNull();
        assertThat(hw.hostEffects().gcAllocation()).isEqualTo(new HardwareProfile.GcAllocation(0.0004, 0.00005, 0.14));
        String bad = head + gc.replace("value: 0.14,", "value: -0.14,");
        Files.writeString(f, bad);
        int line = (int) bad.lines().takeWhile(l -> !l.contains("pauses-per-mib-produced")).count() + 1;
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("p.yaml:" + line + ":").hasMessageContaining("gc.pauses-per-mib-produced");
        String words = head + gc.replace("value: 0.0004,", "value: lots,");
        Files.writeString(f, words);
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("gc.pauses-per-request").hasMessageContaining("lots");
    }

    @Test
    void pausesAsTheirWorkersCpuAreReadAndCheckedWithFileLineAndKey(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().gcWork()).isNull();
        String head = latencyWithEmptyGc();
        String gc = "  pause-interval: {value: none, source: \"fit: no collections without traffic\"}\n"
                + "  pause-work: {value: \"deterministic(9ms)\", source: \"measured: GC workers' CPU\"}\n"
                + "  workers: {value: 2, source: \"measured: GC Thread#N\"}\n"
                + "  pauses-per-request: {value: 0.0004, source: \"fit: GC logs on requests\"}\n";
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, head + gc);
        HardwareProfile hw = ProfileLoader.load(f).hardware();
        assertThat(hw.gcPauseDuration()).isNull();
        assertThat(hw.hostEffects().gcWork().workers()).isEqualTo(2);
        assertThat(hw.hostEffects().gcWork().perPause().mean()).isEqualTo(9e6);
        // work without workers, workers without work, no workers at all: each named with its line
        for (String[] bad : new String[][] {{gc.replace("  workers: {value: 2, source: \"measured: GC Thread#N\"}\n", ""), "pause-work", "gc.workers"},
                {gc.replace("  pause-work: {value: \"deterministic(9ms)\", source: \"measured: GC workers' CPU\"}\n", ""), "workers", "gc.pause-work"},
                {gc.replace("value: 2,", "value: 0,"), "workers", "gc.workers"}}) {
            String text = head + bad[0];
            Files.writeString(f, text);
            int line = (int) text.lines().takeWhile(l -> !l.startsWith("  " + bad[1] + ":")).count() + 1;
            assertThatThrownBy(() -> ProfileLoader.load(f)).as(bad[2]).isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("p.yaml:" + line + ":").hasMessageContaining(bad[2]);
        }
    }

    @Test
    void aNegativeOrMalformedSchedulerSliceNamesFileLineAndKey(@TempDir Path dir) throws IOException {
        for (String bad : new String[] {"-1ms", "1.5", "fast", "1.5MB"}) {
            Path f = dir.resolve("p.yaml");
            String text = Files.readString(LATENCY).replace("  service-cv:",
                    "  scheduler-slice: {value: \"" + bad + "\", source: \"published: EEVDF base slice\"}\n  service-cv:");
            Files.writeString(f, text);
            int line = (int) text.lines().takeWhile(l -> !l.contains("scheduler-slice")).count() + 1;
            assertThatThrownBy(() -> ProfileLoader.load(f)).as(bad).isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("p.yaml:" + line + ":").hasMessageContaining("cpu.scheduler-slice");
        }
    }

    @Test
    void aNegativeBackgroundLoadNamesItsKey(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  background-per-broker: {value: -0.5, source: \"measured: idle broker\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("cpu.background-per-broker")
                .hasMessageContaining("-0.5");
    }

    @Test
    void theFetchersPerPartitionCostIsOptionalAndReadWhenGiven(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().cpu().replicaFetcherPerPartitionNanos()).isZero();
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  replica-fetcher-per-partition: {value: 4us, source: \"fit: fetcher CPU per partition\"}");
        assertThat(ProfileLoader.load(f).hardware().cpu().replicaFetcherPerPartitionNanos()).isEqualTo(4_000);
        withCpuLines(f, "  replica-fetcher-per-partiton: {value: 4us, source: \"fit: fetcher CPU per partition\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("replica-fetcher-per-partiton")
                .hasMessageContaining("replica-fetcher-per-partition");
    }

    @Test
    void wakeupCostsAreOptionalAndReadWhenGiven(@TempDir Path dir) throws IOException {
        var none = ProfileLoader.load(LATENCY).hardware().hostEffects();
        assertThat(none.networkThreadPerWakeupNanos()).isZero();
        assertThat(none.requestHandlerPerWakeupNanos()).isZero();
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  network-thread-per-wakeup: {value: 60us, source: \"fit: network CPU per wake-up\"}\n"
                        + "  request-handler-per-wakeup: {value: 25us, source: \"fit: handler CPU per wake-up\"}");
        var fx = ProfileLoader.load(f).hardware().hostEffects();
        assertThat(fx.networkThreadPerWakeupNanos()).isEqualTo(60_000);
        assertThat(fx.requestHandlerPerWakeupNanos()).isEqualTo(25_000);
        withCpuLines(f, "  network-thread-per-wakeup: {value: 60, source: \"fit: network CPU per wake-up\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("network-thread-per-wakeup");
    }

    @Test
    void aJitCompilerThreadNeedsItsBurstsAndIsOffByDefault(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().hasJit()).isFalse();
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  jit-per-broker: {value: 0.2, source: \"measured: compiler threads\"}\n"
                + "  jit-burst: {value: \"empirical(10ms, 30ms, 200ms)\", source: \"measured: busy periods\"}");
        var fx = ProfileLoader.load(f).hardware().hostEffects();
        assertThat(fx.hasJit()).isTrue();
        assertThat(fx.jitCoresPerBroker()).isEqualTo(0.2);
        assertThat(fx.jitBurst().mean()).isGreaterThan(10_000_000).isLessThan(200_000_000);
        withCpuLines(f, "  jit-per-broker: {value: 0.2, source: \"measured: compiler threads\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("jit-burst");
    }

    @Test
    void firstAppendFileWorkIsOptionalAndReadWhenGiven(@TempDir Path dir) throws IOException {
        var disk = ProfileLoader.load(LATENCY).hardware().disk();
        assertThat(disk.checkpointWrite()).isNull();
        assertThat(disk.indexCreate()).isNull();
        Path f = dir.resolve("p.yaml");
        withDiskLines(f, "\n  checkpoint-write: {value: 2ms, source: \"measured: probe\"}"
                + "\n  index-create: {value: \"empirical(5ms, 40ms)\", source: \"measured: probe\"}");
        disk = ProfileLoader.load(f).hardware().disk();
        assertThat(disk.checkpointWrite().mean()).isEqualTo(2_000_000);
        assertThat(disk.indexCreate().mean()).isGreaterThan(5_000_000).isLessThan(40_000_000);
    }

    @Test
    void theConsumersPollCostPerFetchResponseIsOptional(@TempDir Path dir) throws IOException {
        assertThat(ProfileLoader.load(LATENCY).hardware().hostEffects().consumerPerFetchNanos()).isZero();
        Path f = dir.resolve("p.yaml");
        withCpuLines(f, "  consumer-per-fetch: {value: 126us, source: \"fit: the calibration runs' consumer threads\"}");
        assertThat(ProfileLoader.load(f).hardware().hostEffects().consumerPerFetchNanos()).isEqualTo(126_000);
        withCpuLines(f, "  consumer-per-fetch: {value: 126, source: \"fit: the calibration runs' consumer threads\"}");
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class).hasMessageContaining("consumer-per-fetch");
    }

    @Test
    void indexCreationCanGrowWithTheReplicasABrokerHolds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.yaml");
        String index = "\n  index-create: {value: 10ms, source: \"measured: probe\"}";
        String ref = "\n  index-create-reference-replicas: {value: 50, source: \"fit: the calibration runs\"}";
        String exp = "\n  index-create-replica-exponent: {value: 0.5, source: \"fit: the calibration runs\"}";
        withDiskLines(f, index + ref + exp);
        var disk = ProfileLoader.load(f).hardware().disk();
        assertThat(disk.indexCreateReferenceReplicas()).isEqualTo(50);
        assertThat(disk.indexCreateFactor(200)).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
        // both keys or neither, and only beside index-create
        withDiskLines(f, index + ref);
        assertThatThrownBy(() -> ProfileLoader.load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("disk.index-create-reference-replicas").hasMessageContaining("index-create-replica-exponent too");
        withDiskLines(f, index + exp);
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("disk.index-create-replica-exponent");
        withDiskLines(f, ref + exp);
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("scales disk.index-create");
        withDiskLines(f, index + ref + exp.replace("0.5", "five"));
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("disk.index-create-replica-exponent")
                .hasMessageContaining("'five'");
        withDiskLines(f, index + ref.replace("50", "0") + exp);
        assertThatThrownBy(() -> ProfileLoader.load(f)).hasMessageContaining("positive number of replicas");
    }

    private static void withDiskLines(Path f, String lines) throws IOException {
        Files.writeString(f, Files.readString(LATENCY).replaceFirst("(\\n  stall-duration:[^\\n]*)", "$1" + java.util.regex.Matcher.quoteReplacement(lines)));
    }

    /** Writes the latency-blog profile to {@code f} with {@code lines} (YAML, newline-separated) added to its cpu section. */
    private static void withCpuLines(Path f, String lines) throws IOException {
        Files.writeString(f, Files.readString(LATENCY).replace("  service-cv:", lines + "\n  service-cv:"));
    }
}
