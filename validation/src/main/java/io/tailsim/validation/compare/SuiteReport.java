package io.tailsim.validation.compare;

import io.tailsim.scenarios.result.ResultFiles;
import io.tailsim.validation.calibrate.MachineProbe;
import io.tailsim.validation.metrics.MachineSpeed;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docs/validation.md: the machine, the bars, and each suite scenario's table and figure. */
public final class SuiteReport {
    /** One scenario's result folder; comparison and record are null when it has not completed (failure says why, if known). */
    public record Entry(String name, Path file, Path dir, Comparison comparison, ValidationRecord record, MeasuredReference reference, String failure) {
    }

    /** Rows shown in the report per scenario (comparison.json has them all). */
    static final List<String> SHOWN = List.of("producerLatencyMs.p50", "producerLatencyMs.p95", "producerLatencyMs.p99", "producerLatencyMs.p99.9",
            "endToEndLatencyMs.p50", "endToEndLatencyMs.p95", "endToEndLatencyMs.p99", "endToEndLatencyMs.p99.9",
            "Produce.TotalTimeMs.mean", "Produce.RemoteTimeMs.mean", "FetchFollower.TotalTimeMs.mean", "FetchConsumer.TotalTimeMs.mean",
            "Produce.requestsPerSec", "FetchFollower.requestsPerSec", "FetchConsumer.requestsPerSec", Comparison.THROUGHPUT, Comparison.CPU,
            Comparison.THREAD_CPU + "network", Comparison.THREAD_CPU + "requestHandler", Comparison.THREAD_CPU + "replicaFetcher",
            Comparison.GC_PAUSES, Comparison.GC_PAUSE_LENGTH, Comparison.CPU_PRESSURE, Comparison.RUN_QUEUE_WAIT + "network", Comparison.RUN_QUEUE_WAIT + "requestHandler",
            Comparison.RUN_QUEUE_WAIT + "replicaFetcher", Comparison.PREEMPTIONS + "network", Comparison.PREEMPTIONS + "requestHandler",
            Comparison.PREEMPTIONS + "replicaFetcher");

    private SuiteReport() {
    }

    public static void write(Path report, Path outDir, Map<String, Entry> entries, Bars bars, Suite.Options o) {
        Path figureDir = report.toAbsolutePath().getParent().resolve(stem(report));
        StringBuilder md = new StringBuilder();
        md.append("# Validation: tailsim against a real Kafka cluster on this machine\n\n");
        long done = entries.values().stream().filter(e -> e.record() != null).count();
        md.append("Written by `./tailsim validate --suite` on ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(". Each scenario of `").append(o.suiteDir()).append("` runs on a real Apache Kafka cluster here and in the simulator with ")
                .append("this machine's hardware profile; every figure below comes from `").append(outDir).append("/<scenario>/` (comparison.json, ")
                .append("validation.json, measured.json, simulated/); how the two sides are made comparable is in the last section.\n\n");
        md.append("Results: **").append(done).append(" of ").append(entries.size()).append(" scenarios**.");
        if (done == 0) md.append(" None has run yet: on a quiet machine, run `./tailsim calibrate --out profiles/local.yaml` and then ")
                .append("`./tailsim validate --suite --repeat 3` (about 9 minutes a round; finished runs are kept if it is interrupted).");
        md.append("\n\n");
        machine(md, entries, o);
        bars(md, bars, o, series(entries));
        runs(md, entries);
        for (Entry e : entries.values()) scenario(md, e, figureDir, report);
        method(md);
        ResultFiles.writeString(report, md.toString());
    }

    private static void machine(StringBuilder md, Map<String, Entry> entries, Suite.Options o) {
        ValidationRecord any = entries.values().stream().map(Entry::record).filter(Objects::nonNull).findFirst().orElse(null);
        md.append("## The machine\n\n");
        md.append("- CPU: ").append(MachineProbe.cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores; memory ")
                .append(MachineProbe.meminfoBytes("MemTotal").orElse(0) >> 30).append(" GiB");
        md.append("\n- Kernel: ").append(kernel()).append("; Java ").append(System.getProperty("java.version")).append('\n');
        md.append("- Kafka ").append(any != null ? any.kafkaVersion() : io.tailsim.validation.RealKafkaRun.kafkaVersion())
                .append(": three nodes in KRaft combined mode, one JVM each, on 127.0.0.1 with PLAINTEXT listeners; the workload driver's ")
                .append("producers and consumers in one more JVM on the same cores (validation/README.md)\n");
        Path profile = o.validation().localProfile();
        md.append("- Hardware profile: `").append(profile).append("`: ").append(sourceCounts(profile)).append('\n');
        List<ValidationRecord> records = entries.values().stream().map(Entry::record).filter(Objects::nonNull).toList();
        // Every real run counts, also when a scenario ran several times; records of the single-run layout count as one run.
        long runs = records.stream().mapToLong(ValidationRecord::runCount).sum();
        long flagged = records.stream().mapToLong(r -> r.runs() == null ? (r.otherCpuFlagged() ? 1 : 0)
                : r.runs().stream().filter(MeasuredReference.RealRun::otherCpuFlagged).count()).sum();
        long saturated = records.stream().mapToLong(r -> r.runs() == null ? (r.machineCpuSaturated() ? 1 : 0)
                : r.runs().stream().filter(MeasuredReference.RealRun::machineCpuSaturated).count()).sum();
        md.append("- Clean measurements: ").append(flagged).append(" of ").append(runs)
                .append(" real runs had more than 0.1 core of CPU used by other processes (flagged, spoiled); ")
                .append(saturated).append(" ran the machine at 95% or more of its cores\n");
        long oneClock = records.stream().mapToLong(r -> r.runs() == null ? 0
                : r.runs().stream().filter(x -> Boolean.TRUE.equals(x.perMachineClock())).count()).sum();
        md.append("- Trogdor producers' clocks: ").append(oneClock).append(" of ").append(runs)
                .append(" real runs gave the driver's producers one clock, as a scenario's clock-skew means and the simulator does");
        if (oneClock < runs)
            md.append("; the other ").append(runs - oneClock).append(" (measured before 2026-12-07) gave each producer its own offset "
                    + "within clock-skew, bursts up to that far apart where the simulated ones start together (only scenarios with a "
                    + "Trogdor clock skew differ; docs/validation-repeatability.md, Session 16)");
        md.append("\n\n");
    }

    private static void bars(StringBuilder md, Bars b, Suite.Options o, List<List<String>> series) {
        md.append("## Bars\n\n");
        md.append("Scenarios not used for calibration: ").append(o.calibrationScenarios().isEmpty()
                ? "all of them (`tailsim calibrate` fits the profile to its own runs, none of which is a suite scenario)"
                : "all but " + String.join(", ", o.calibrationScenarios())).append(".\n\n");
        int maxRuns = b.latencyRows().stream().mapToInt(ComparisonRow::runs).max().orElse(1);
        if (maxRuns > 1)
            md.append("Measured figures are the median over each scenario's real runs (up to ").append(maxRuns).append("; latency percentiles: the ")
                    .append("median of the per-run percentiles, the mean of the middle two for an even count); the real runs' min..max is beside ")
                    .append("each. ").append(series.size() <= 1 ? "Run K of every scenario ran in round K: the rounds interleave the scenarios, so a "
                            + "drift of the machine's speed hits them alike.\n\n"
                            : "The scenarios were measured in " + series.size() + " separate series of rounds ("
                            + String.join("; ", series.stream().map(l -> String.join(", ", l)).toList()) + "; the run ids below give "
                            + "the times): within a series, run K of every scenario ran in round K, so a drift of the machine's speed hits "
                            + "them alike; a pair whose two scenarios are in different series is paired by run number only.\n\n");
        md.append(String.format(Locale.ROOT, "- p50 and p99 of producer and end-to-end latency within 30%% of measured%s: **%d of %d rows (%.0f%%)**; "
                        + "the bar is 80%%: **%s**. Rows without a simulated figure, and those of a scenario without a result, count as misses.\n", maxRuns > 1 ? " (the median)" : "",
                b.rowsWithin(), b.latencyRows().size(), 100 * b.shareWithin(), b.rowsPass() ? "met" : "not met"));
        md.append(String.format(Locale.ROOT, "- Not a bar, how far the real cluster's own spread goes: simulated inside the real runs' [min, max] "
                + "widened by 30%% either side ([min - 30%%, max + 30%%]): **%d of %d rows**.\n", b.rowsInRange(), b.latencyRows().size()));
        long good = b.pairs().stream().filter(Pair.Outcome::withinTolerance).count();
        md.append(String.format(Locale.ROOT, "- Paired comparisons moving the measured way with their ratio within 30%% of the measured ratio: "
                + "**%d of %d**; the bar is all of them: **%s**.\n", good, b.pairs().size(), b.pairsPass() ? "met" : "not met"));
        List<Pair.Outcome> tested = b.pairs().stream().filter(p -> p.directionPValue() != null).toList();
        if (!tested.isEmpty()) {
            List<Pair.Outcome> established = tested.stream().filter(Pair.Outcome::measuredDirectionEstablished).toList();
            md.append(String.format(Locale.ROOT, "- Not a bar, whether the real rounds show a direction at all: %d of %d pair metrics move the same "
                            + "way in enough rounds that chance is unlikely (two-sided Wilcoxon signed-rank test of the paired rounds, "
                            + "p < %.2f); the simulator matches **%d of those %d** (direction and 30%%). Where the rounds show no direction, "
                            + "\"the measured way\" is the real cluster's run-to-run noise; the bar above still counts those pairs.\n",
                    established.size(), tested.size(), Pair.DIRECTION_SIGNIFICANCE,
                    established.stream().filter(Pair.Outcome::withinTolerance).count(), established.size()));
        }
        List<Pair.Outcome> bounded = b.pairs().stream().filter(p -> p.simulatedRatioLow() != null).toList();
        if (!bounded.isEmpty()) {
            List<Pair.Outcome> open = bounded.stream().filter(p -> !p.simulatedDirectionEstablished()).toList();
            md.append(String.format(Locale.ROOT, "- Not a bar, whether the model's own replications fix its direction: the simulated ratio's 95%% "
                            + "interval (from the two scenarios' replications) lies on one side of 1 for %d of %d pair metrics%s.\n",
                    bounded.size() - open.size(), bounded.size(), open.isEmpty() ? "" : "; for "
                            + String.join(", ", open.stream().map(p -> p.pair().label() + " " + p.metric()).toList())
                            + " it spans 1, so the side the simulated ratio falls on there is the model's noise at this many replications"));
        }
        md.append('\n');
        md.append("How far the real cluster moves from one quiet run of this suite to the next on this machine (often more than 30%): "
                + "docs/validation-repeatability.md. Calibrate in the same quiet window as the suite.\n\n");
        for (String m : b.missingPairs()) md.append("- Missing pair: ").append(m).append('\n');
        if (!b.missingPairs().isEmpty()) md.append('\n');
        pairTable(md, b.pairs());
        if (!b.besideTheBar().isEmpty()) {
            md.append("\nBeside the bar, not counted: ").append(String.join(", ", b.besideTheBar().stream().map(p -> p.pair().label()).distinct().toList()))
                    .append(". ").append(Pair.BESIDE_THE_BAR_WHY).append(".\n\n");
            pairTable(md, b.besideTheBar());
        }
        md.append("\n| latency row | simulated ms | measured ms (median) | real min..max ms | runs | relative error | in widened range |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (ComparisonRow r : b.latencyRows())
            md.append("| ").append(r.metric()).append(" | ").append(ComparisonTable.number(r.simulated())).append(" | ")
                    .append(ComparisonTable.number(r.measured())).append(" | ").append(range(r)).append(" | ").append(r.runs()).append(" | ")
                    .append(ComparisonTable.percent(r.relativeError())).append(" | ").append(r.simulatedWithinRange(Bars.ROW_TOLERANCE) ? "yes" : "no")
                    .append(" |\n");
        md.append('\n');
    }

    private static void pairTable(StringBuilder md, List<Pair.Outcome> outcomes) {
        md.append("| pair | metric | measured ratio | measured ratio by round (min..max, rounds) | rounds with the variant higher "
                + "| measured direction: Wilcoxon p | simulated ratio (95% interval) | same direction | within 30% |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Pair.Outcome p : outcomes)
            md.append("| ").append(p.pair().label()).append(" (").append(p.pair().variant()).append(" / ").append(p.pair().baseline()).append(") | ")
                    .append(p.metric()).append(" | ").append(ComparisonTable.number(p.measuredRatio())).append(" | ")
                    .append(p.rounds() == 0 ? "-" : ComparisonTable.number(p.roundRatioMin()) + " .. " + ComparisonTable.number(p.roundRatioMax())
                            + " (" + p.rounds() + ")").append(" | ")
                    .append(p.rounds() == 0 ? "-" : p.roundsVariantHigher() + " of " + p.rounds()).append(" | ")
                    .append(p.directionPValue() == null ? "-" : String.format(Locale.ROOT, "%.3g%s", p.directionPValue(),
                            p.measuredDirectionEstablished() ? " (established)" : " (not established)")).append(" | ")
                    .append(ComparisonTable.number(p.simulatedRatio())).append(p.simulatedRatioLow() == null ? "" : " (" + ComparisonTable.number(
                            p.simulatedRatioLow()) + " .. " + ComparisonTable.number(p.simulatedRatioHigh()) + ")").append(" | ")
                    .append(p.sameDirection() ? "yes" : "no").append(" | ")
                    .append(p.withinTolerance() ? "yes" : "no").append(" |\n");
    }

    static String range(ComparisonRow r) {
        return r.low() == null ? "-" : ComparisonTable.number(r.low()) + " .. " + ComparisonTable.number(r.high());
    }

    /**
     * The scenarios grouped by the suite run that measured them: a scenario's first run starts within an hour of the previous
     * scenario's (in start order) when they ran in the same rounds. Run ids start with their start time, yyyyMMdd-HHmmss (UTC);
     * scenarios without a readable one form no series.
     */
    static List<List<String>> series(Map<String, Entry> entries) {
        TreeMap<LocalDateTime, List<String>> byStart = new TreeMap<>();
        for (Entry e : entries.values()) {
            if (e.reference() == null || e.reference().runs().isEmpty()) continue;
            LocalDateTime t = startOf(e.reference().runs().get(0).runId());
            if (t != null) byStart.computeIfAbsent(t, k -> new ArrayList<>()).add(e.name());
        }
        List<List<String>> out = new ArrayList<>();
        LocalDateTime last = null;
        for (var en : byStart.entrySet()) {
            if (last == null || Duration.between(last, en.getKey()).toMinutes() > 60) out.add(new ArrayList<>());
            out.get(out.size() - 1).addAll(en.getValue());
            last = en.getKey();
        }
        out.forEach(Collections::sort);
        return out;
    }

    /** The start time at the head of a run id (yyyyMMdd-HHmmss-...), or null. */
    static LocalDateTime startOf(String runId) {
        if (runId == null || runId.length() < 15) return null;
        try {
            return LocalDateTime.parse(runId.substring(0, 15), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Every real run, round by round, with how fast one core of the machine was right before and right after it. */
    private static void runs(StringBuilder md, Map<String, Entry> entries) {
        record Line(int round, String scenario, MeasuredReference.RealRun run) {
        }
        List<Line> lines = new java.util.ArrayList<>();
        for (Entry e : entries.values())
            if (e.record() != null && e.reference() != null)
                for (MeasuredReference.RealRun r : e.reference().runs()) lines.add(new Line(r.run(), e.name(), r));
        if (lines.isEmpty()) return;
        lines.sort(java.util.Comparator.comparingInt(Line::round).thenComparing(l -> l.run().runId() == null ? "" : l.run().runId()));
        md.append("## Real runs and the machine's speed\n\n");
        md.append("Machine speed: one core's speed right before the cluster started and right after it stopped, in ").append(MachineSpeed.UNIT)
                .append(" (a fixed workload of about 0.3 s; higher is faster; `-` for runs made before the probe existed). The run id starts ")
                .append("with its start time (UTC). Driver GC: the stop-the-world collections of the driver's own JVM in the window, ")
                .append("which stop every client of the workload (`-` for runs made before the harness read them). Steal: the hypervisor's ")
                .append("share of this machine's virtual CPUs in the window (/proc/stat; inside other cores; `-` before the harness read it).\n\n");
        md.append("| round | scenario | run id | speed before | speed after | broker cores | other cores | steal cores | driver GC pauses (ms in all) | flags |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            MeasuredReference.RealRun r = l.run();
            MachineSpeed sp = r.machineSpeed();
            String flags = (r.otherCpuFlagged() ? "other CPU " : "") + (r.machineCpuSaturated() ? "saturated" : "");
            md.append("| ").append(l.round()).append(" | ").append(l.scenario()).append(" | ").append(r.runId()).append(" | ")
                    .append(sp == null ? "-" : speed(sp.before())).append(" | ").append(sp == null ? "-" : speed(sp.after())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f | %.2f | ", r.brokerCpuCores(), r.otherCpuCores()))
                    .append(r.stealCpuCores() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.stealCpuCores())).append(" | ")
                    .append(r.driverGcPauses() == null ? "-" : String.format(Locale.ROOT, "%d (%.0f)", r.driverGcPauses(), r.driverGcPauseMs()))
                    .append(" | ")
                    .append(flags.isBlank() ? "-" : flags.trim()).append(" |\n");
        }
        md.append('\n');
    }

    private static String speed(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.0f", x);
    }

    private static void scenario(StringBuilder md, Entry e, Path figureDir, Path report) {
        md.append("## ").append(e.name()).append("\n\n");
        ValidationRecord r = e.record();
        if (r == null) {
            md.append("No result").append(e.failure() == null ? " (not run yet)" : ": " + e.failure()).append(".\n\n");
            return;
        }
        md.append(r.description()).append(" (`").append(e.file()).append("`).\n\n");
        md.append(String.format(Locale.ROOT, "- Real run%s %s, Kafka %s, scale %s; simulated replications %d; took %.0f s (simulate %.0f s, real %.0f s)\n",
                r.runCount() == 1 ? "" : "s (" + r.runCount() + ")", r.runId(), r.kafkaVersion(),
                BigDecimal.valueOf(r.scale()).stripTrailingZeros().toPlainString(), r.simulatedReplications(),
                r.seconds().getOrDefault("total", 0.0), r.seconds().getOrDefault("simulate", 0.0), r.seconds().getOrDefault("real", 0.0)));
        if (r.runCount() > 1) md.append("- Over the runs: the largest other CPU use, pressure and send lag, saturated if any run was, sends and records summed\n");
        md.append(String.format(Locale.ROOT, "- Other CPU use %.2f cores%s; machine saturated: %s; CPU pressure %s; driver send lag p99 %s ms; "
                        + "failed sends %d; consumed %d of %d\n", r.otherCpuCores(), r.otherCpuFlagged() ? " (**flagged: spoiled**)" : "",
                r.machineCpuSaturated() ? "yes" : "no", r.cpuPressureSome() == null ? "n/a" : ComparisonTable.percent(r.cpuPressureSome()).replace("+", ""),
                ComparisonTable.number(r.driverSendLagP99Ms()), r.failedSends(), r.consumedInWindow(), r.expectedConsumed()));
        if (r.simulationError() != null) md.append("- The simulator stopped: ").append(r.simulationError()).append('\n');
        for (String n : r.notes()) md.append("- Note: ").append(n).append('\n');
        boolean several = r.runCount() > 1;
        md.append(several ? "\n| metric | simulated | measured (median) | real min..max | relative error |\n|---|---|---|---|---|\n"
                : "\n| metric | simulated | measured | relative error |\n|---|---|---|---|\n");
        for (ComparisonRow row : e.comparison().rows()) {
            if (!SHOWN.contains(row.metric()) && !row.metric().startsWith("topic.")) continue;
            md.append("| ").append(row.metric()).append(" | ").append(ComparisonTable.number(row.simulated())).append(" | ")
                    .append(ComparisonTable.number(row.measured())).append(" | ");
            if (several) md.append(range(row)).append(" | ");
            md.append(ComparisonTable.percent(row.relativeError())).append(" |\n");
        }
        md.append('\n');
        for (String f : r.figures()) {
            if (!f.endsWith(".png")) continue;
            Path target = figureDir.resolve(e.name() + ".png");
            copy(e.dir().resolve(f), target);
            md.append("![").append(e.name()).append(": simulated and measured percentile distributions](")
                    .append(report.toAbsolutePath().getParent().relativize(target)).append(")\n\n");
        }
    }

    private static void method(StringBuilder md) {
        md.append("""
                ## How the comparison is made

                Commands: `./tailsim validate FILE [--out DIR] [--scale F] [--repeat N] [--profile profiles/local.yaml]` for one scenario
                (any scenario file), `./tailsim validate --suite [--repeat N]` for this report, `./tailsim calibrate --out
                profiles/local.yaml` for the profile. The harness itself (cluster, driver, measurements, clean-up) is described in
                validation/README.md.

                **Repeated real runs.** The real cluster here is not repeatable to 30% from one quiet run to the next
                (docs/validation-repeatability.md), so `--repeat N` runs each scenario's real side N times, in rounds that interleave
                the scenarios (round 1 runs every scenario once, then round 2, ...), keeps every run (measured-K.json) and compares
                the simulator with the median of the runs' figures (measured.json), showing the runs' min..max beside it. Each run
                records one core's speed right before and right after it, listed above.

                **One scenario, two sides.** The scenario is loaded as the simulator loads it and put on this machine by overrides listed
                in each validation.json: the hardware profile replaced by the local one, the scenario's broker count kept, every broker on
                one host (`brokers-per-host` = brokers) whose cores the clients share (`clients-share-broker-host` in the profile), one
                availability zone, PLAINTEXT listeners (a TLS or SASL scenario runs PLAINTEXT on both sides, with a note). The simulator
                runs that scenario first (so it does not disturb the measurement), then the real cluster runs the same scenario mapped
                to the harness: brokers and every modelled broker setting, topics with partitions, replication factor and
                min.insync.replicas, each producer group's count, rate, arrival process, key and value sizes, key strategy and every
                producer setting (Kafka 4 defaults written out), each consumer group's count, settings and processing time, the seed
                and the measured window. The real brokers first carry the scenario's load for `--broker-warmup` seconds (90 by default;
                each run's total warm-up is in its measured-K.json as `warmupSeconds`), so that their JIT compilers have settled, as a
                cluster in service has; then the scenario's own warm-up (at least 10 s) and the measured window, the scenario's duration
                less its warm-up. The simulator's brokers are warm from the start (the profile is fitted on warmed brokers too), and it warms up for --broker-warmup seconds longer, so that its logs are as old as the real ones when the window opens.

                **Arrivals.** Constant, Poisson and on-off producers are open loop: each record's intended send time is fixed in
                advance and written into the record, and latency runs from it (no coordinated omission). Trogdor producers follow
                Trogdor's ProduceBench exactly: each period's quota of sends back to back, then `flush()`, then a wait for the next
                period less the flush's duration; a burst that overruns its period starts the next one at once without a flush, as
                Trogdor's Throttle does (the simulator flushes every period; the two differ only when a burst overruns). Trogdor and
                saturating producers are closed loop, so their latency runs from the `send()` call, as Trogdor and the simulator
                measure it. The simulator also measures open-loop latency from the `send()` call; the real side's driver send lag
                (reported per run) is the difference, and is small unless the driver is short of CPU.

                **Refused, never approximated.** Partition changes during a run (phases), the KIP-480 sticky partitioner (removed
                from Kafka's clients in 4.0), sub-millisecond `*.ms` settings, values under 8 bytes (the send-time stamp), sweeps (one
                file per point), and loads beyond what two cores carry (25 MB/s, 48,828 records/s or 90 producers, from
                real-kafka-here.md; `--scale F` divides each group's rate by F and its client counts by F, on both sides, and the
                report says so).

                **Metrics.** Latency percentiles from HdrHistogram on both sides, also per topic when a run has several. Broker
                request-time components are Kafka's JMX histogram means over the window (Kafka rounds each time to whole
                milliseconds, so components well under 1 ms read low or zero; the simulated means are rounded per request the
                same way); request rates are cluster-wide. Simulated CPU is the broker host's utilisation times its cores, which includes the clients sharing it; measured CPU is the brokers' and the
                driver's processes. CPU pressure is the share of the window in which a runnable thread waited for a core: Linux
                PSI "some" on the real side, any waiting thread on the broker host in the model; run-queue wait is the time each
                class of broker threads spent runnable waiting for a core, in cores summed over its threads (/proc schedstat on the
                real side, measured since 2026-12-06 12:30 UTC). In combined mode the metadata quorum's
                fetches count as FetchFollower on both sides. CPU used by other processes is measured apart, and a run with more
                than 0.1 core of it is flagged as spoiled. Relative error = (simulated - measured) / measured; a pair's ratio is variant / baseline on each side.

                **Calibration.** `tailsim calibrate` measures loopback latency and bandwidth, sequential disk writes and the kernel's
                page-cache limits, then runs ten light workloads (not suite scenarios) that move produce requests, fetches,
                partitions per request, fetch-session size and bytes apart, and fits by least squares (commons-math3) the brokers'
                CPU outside network and fetcher threads (per request type, per extra partition appended, per partition a fetch
                reads, per KiB), the network threads' CPU per request, the replica fetchers' CPU per follower response, and the
                driver's CPU per record and per request; thread CPU comes from each broker's ThreadMXBean over JMX. GC pauses come
                from the brokers' collector counts and times. What the runs cannot identify (metadata requests, the spread of
                single costs) is stated as such in the profile's sources. The fit, its standard errors and every run's residual are
                in out/calibration/calibration.md. Brokers and clients share the machine's two cores, so the profile puts every
                broker on one host of 2 vCPUs shared with the clients rather than pinning them apart with taskset: pinning would
                leave one core per side and measure a different machine from the one real-kafka-here.md describes.

                **Bars** (from the issue): on suite scenarios not used for calibration (all of them), p50 and p99 of producer and
                end-to-end latency within 30% of measured for at least 80% of rows, and every paired comparison moving the measured
                way with its ratio within 30% of the measured ratio. A row or ratio without a simulated figure counts as a miss.
                Beside each pair, whether the real rounds establish a direction: run K of both scenarios ran in round K (of one series), so each
                round gives a paired figure, and a two-sided Wilcoxon signed-rank test of those pairs (commons-math3; exact up to 30 rounds) says how
                likely a lean as strong as measured would be if the setting had no effect (p < 0.05: established; six rounds at
                least). Where it is not established the bar still counts the pair; the test only says what a miss there means.
                The simulated side likewise: each simulated percentile carries a Student-t 95% interval over the model's replications,
                and a pair's simulated ratio the interval of the two combined (relative half-widths in quadrature, the scenarios taken
                as independent, which common random numbers make too wide if anything). Where it spans 1 the model has not fixed
                which way the ratio moves, and its side of 1 is noise at that many replications.
                """);
    }

    private static String sourceCounts(Path profile) {
        try {
            String text = Files.readString(profile);
            Matcher m = Pattern.compile("source: \"(published|measured|fit):").matcher(text);
            int pub = 0, meas = 0, fit = 0;
            while (m.find()) {
                switch (m.group(1)) {
                    case "published" -> pub++;
                    case "measured" -> meas++;
                    default -> fit++;
                }
            }
            return meas + " measured, " + fit + " fitted and " + pub + " published values";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + profile, e);
        }
    }

    private static String kernel() {
        try {
            String v = Files.readString(Path.of("/proc/version")).trim();
            String[] p = v.split("\\s+");
            return p.length > 2 ? p[0] + " " + p[2] : v;
        } catch (IOException e) {
            return System.getProperty("os.name") + " " + System.getProperty("os.version");
        }
    }

    private static void copy(Path from, Path to) {
        try {
            ResultFiles.writeBytes(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static String stem(Path report) {
        return report.getFileName().toString().replaceFirst("\\.md$", "");
    }
}
