package io.tailsim.validation.compare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailsim.scenarios.result.ResultFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * validation.json: how a comparison was made, beside comparison.json: the scenario, the overrides that put it on this machine,
 * what the real side does differently, the scale factor, whether the measurement may be spoiled (other CPU use, a saturated
 * machine, a driver that fell behind), and how long each step took.
 *
 * @param simulationError  why the simulation gave no figures (the model declared the cluster overloaded), or null
 * @param otherCpuFlagged  more than 0.1 core of CPU went to processes other than the brokers and the driver
 * @param seconds          wall-clock seconds by step: prepare, simulate, real (all real runs together), compare, and total (their sum)
 * @param runs             every real run behind the comparison; the single-run fields above then sum (failed sends, consumed,
 *                         expected) or take the worst over them (other CPU, flags, pressure, send lag), and runId lists their ids.
 *                         Null in records written before runs were repeated (one run)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationRecord(String scenario, String file, String description, double scale, String localProfile,
                               List<String> overrides, List<String> notes, List<String> topics,
                               int simulatedReplications, String simulationError,
                               String kafkaVersion, String runId, double otherCpuCores, boolean otherCpuFlagged,
                               boolean machineCpuSaturated, Double cpuPressureSome, Double driverSendLagP99Ms,
                               long failedSends, long consumedInWindow, long expectedConsumed, int machineCores, long machineMemoryMb,
                               List<String> figures, Map<String, Double> seconds, List<MeasuredReference.RealRun> runs) {
    public static final String FILE = "validation.json";

    public void write(Path dir) {
        ResultFiles.writeJson(dir.resolve(FILE), this);
    }

    public static ValidationRecord read(Path dir) {
        try {
            return new ObjectMapper().readValue(Files.readAllBytes(dir.resolve(FILE)), ValidationRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(FILE), e);
        }
    }

    /** The real runs behind the comparison (one without run details for a record of the earlier layout). */
    public int runCount() {
        return runs == null ? 1 : runs.size();
    }

    /** Whether the measurement is trustworthy: nothing else used the CPU and the machine was not saturated. */
    public boolean clean() {
        return !otherCpuFlagged && !machineCpuSaturated;
    }
}
