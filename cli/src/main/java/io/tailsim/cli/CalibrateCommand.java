package io.tailsim.cli;

import io.tailsim.validation.RefusedRunException;
import io.tailsim.validation.calibrate.Calibration;
import io.tailsim.validation.calibrate.CalibrationPlan;
import io.tailsim.validation.cluster.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** tailsim calibrate: fit this machine's hardware profile to a short series of real-cluster runs. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measure this machine (loopback, disk, memory), run a short series of light",
                "workloads on a real 3-node Kafka cluster here, and fit the hardware profile's CPU",
                "costs to them by non-negative least squares. Writes the profile (--out) and the fit with its",
                "residuals (WORK/calibration.md). Each run is kept in WORK as it completes, so an",
                "interrupted calibration resumes. Run it on a quiet machine: other processes' CPU",
                "use spoils the measurements (such runs are flagged). Each run records one core's",
                "speed right before and after it (calibration.md lists them)."})
public final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "profiles/local.yaml", description = "Profile to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "out/calibration", description = "Runs and report (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--fresh", description = "Measure everything again instead of keeping runs finished earlier.")
    boolean fresh;

    @Option(names = "--broker-warmup", paramLabel = "S", defaultValue = "90",
            description = "Seconds the brokers carry each run's load before its own warm-up starts, so that their JIT compilers have "
                    + "settled when the window opens (default: ${DEFAULT-VALUE}; give validate the same).")
    double brokerWarmup;

    @Option(names = "--pool", paramLabel = "DIR",
            description = "Also fit on the kept runs of an earlier calibration's work folder (repeatable; runs of this plan made "
                    + "after the same broker warm-up): each run counts once per folder and the fits' noise shrinks.")
    java.util.List<Path> pool = new java.util.ArrayList<>();

    @Option(names = "--no-wake-trace", description = "Take cpu.wakeup-latency from the driver's send lag, not from a scheduler trace. By "
            + "default, when neither the work folder nor a pooled one keeps a trace (wakeups.json) and perf can trace every CPU, one more "
            + "run of c02-linger0-300 (about 2.5 min) is traced with perf and its wakes onto an idle CPU give it.")
    boolean noWakeTrace;

    @Override
    public Integer call() throws InterruptedException {
        java.time.Duration warm = Options.seconds("--broker-warmup", brokerWarmup);
        System.out.println(log(String.format(java.util.Locale.ROOT, "calibration: %d runs of about %.0f s each (%.0f s of it warming the brokers), then the fit",
                CalibrationPlan.runs().size(), 50 + brokerWarmup, brokerWarmup)));
        try {
            for (Path p : pool) {
                if (!java.nio.file.Files.isDirectory(p)) throw new UserInputException("--pool " + p + ": no such folder");
                if (p.toAbsolutePath().normalize().equals(work.toAbsolutePath().normalize()))
                    throw new UserInputException("--pool " + p + " is the work folder itself; its runs are in the fit already");
            }
            Calibration.run(new Calibration.Options(work, out, fresh, ClusterOptions.defaults().withBrokerWarmup(warm), msg -> System.out.println(log(msg)),
                    pool).withTraceWakeups(!noWakeTrace));
        } catch (RefusedRunException e) {
            throw new UserInputException(e.getMessage());
        }
        System.out.println("profile: " + out);
        System.out.println("fit and residuals: " + work.resolve(Calibration.REPORT_MD));
        return 0;
    }

    private static String log(String msg) {
        return "[" + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + msg;
    }
}
