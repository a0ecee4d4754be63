package io.tailsim.validation.calibrate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The least-squares fits of the local profile's CPU costs, each of CPU seconds in the measured window on counts in it, with
 * every coefficient kept non-negative ({@link Fit#nnls}); the window length's coefficient is the cores used when idle.
 * Only usable runs take part: a run spoiled by other processes, or one that fell behind its offered load (its CPU is capped
 * at the cores, not what its load costs), would bend the fit. A run that kept the cores busy and still carried its load is
 * used: its CPU is what that load cost on this machine. Few regressors per fit, each varied by the plan:
 * <ul>
 * <li>handler threads: their CPU on requests (all types), partitions read by fetches (fetch sessions) and their wake-ups;</li>
 * <li>network threads: their CPU on requests (a request and its response together) and their wake-ups: a thread pays a
 *     fixed cost each time it wakes (the context switch, the selector's return, the loop's fixed work), however many
 *     requests it then finds, so bursts cost less per request than requests that arrive one by one;</li>
 * <li>replica fetchers: their CPU on follower fetch responses and the partitions those fetches walk;</li>
 * <li>off the request path: the rest of the broker process (GC, JIT, kernel, KRaft) on requests and partitions read;</li>
 * <li>JIT compiler threads (where the harness measured them apart): not a fit but their mean over the loaded runs;</li>
 * <li>producer Sender threads (where the harness read the driver's threads apart): their CPU on produce requests,
 *     records, their own wake-ups, and those wake-ups times the partitions of each producer's topic; the per-request
 *     term is the Sender's cost to drain and build a request, the per-wake-up term its loop's fixed work each time it
 *     wakes, the per-partition one ready() and drain walking the topic's partitions on each wake-up;</li>
 * <li>client: the driver's CPU on records sent (its consumers' fetches follow the records in these runs and do not
 *     separate from them); where its threads were read apart, only its client threads' (Sender, send() and consumer
 *     threads) less the Sender's per-request and per-wake-up terms: the harness's own threads and its JVM's warm-up are
 *     not the clients'.</li>
 * </ul>
 *
 * @param samples every run; {@link #used()} those the fits rest on
 */
public record CalibrationFit(Fit handler, Fit network, Fit fetcher, Fit offPath, Fit client, List<CalibrationSample> samples,
                             double jitCores, List<String> jitRuns, double driverJitCores, Fit sender, Fit consumer,
                             double coldHalfRate) {
    /**
     * Runs offering at least this many records/s count as loaded for the JIT's level: a broker JVM in its first minute
     * compiles whatever its traffic makes hot, about as much whatever the rate, and little when idle.
     */
    public static final double JIT_LOADED_RECORDS_PER_SEC = 100;

    /** Without the JIT compiler threads measured apart. */
    public CalibrationFit(Fit handler, Fit network, Fit fetcher, Fit offPath, Fit client, List<CalibrationSample> samples) {
        this(handler, network, fetcher, offPath, client, samples, Double.NaN, List.of(), Double.NaN, null, null, Double.NaN);
    }

    /** Without the Sender threads measured apart. */
    public CalibrationFit(Fit handler, Fit network, Fit fetcher, Fit offPath, Fit client, List<CalibrationSample> samples,
                          double jitCores, List<String> jitRuns, double driverJitCores) {
        this(handler, network, fetcher, offPath, client, samples, jitCores, jitRuns, driverJitCores, null, null, Double.NaN);
    }

    /**
     * Kafka's defaults for the thread pools, which the calibration runs leave alone: num.network.threads network threads on
     * a broker's listener, num.io.threads request handlers, num.replica.fetchers fetcher threads per leader it follows.
     * They turn a class's wake-ups into one thread's wake-up rate, as the model counts its threads.
     */
    static final int NUM_NETWORK_THREADS = 3, NUM_IO_THREADS = 8, NUM_REPLICA_FETCHERS = 1;

    /**
     * The half rates tried for the cold wake-up cost (wake-ups per second of one thread at which a wake-up pays half of
     * it): the one whose fits leave the least unexplained is kept; the fits may still give the cold term nothing.
     */
    static final double[] COLD_HALF_RATES = {5, 7, 10, 14, 20, 30, 50, 70, 100, 140, 200, 300, 500, 700, 1000, 1400, 2000};

    public static final List<String> HANDLER = List.of("idle", "requests", "partitionWalks", "wakeups", "coldWakeups");
    public static final List<String> NETWORK = List.of("idle", "requests", "wakeups", "coldWakeups");
    /** Without wake-up counts (runs measured before the harness counted them). */
    public static final List<String> HANDLER_NO_WAKEUPS = List.of("idle", "requests", "partitionWalks");
    public static final List<String> NETWORK_NO_WAKEUPS = List.of("idle", "requests");
    public static final List<String> FETCHER = List.of("idle", "FetchFollower", "followerPartitionReads", "coldResponses");
    public static final List<String> OFF_PATH = List.of("idle", "requests", "partitionReads");
    public static final List<String> CLIENT = List.of("idle", "recordsSent");
    public static final List<String> SENDER = List.of("idle", "produce", "recordsSent", "wakeups", "partitionWakeups");
    public static final List<String> CONSUMER = List.of("idle", "fetchResponses");

    /**
     * Whether some run the fits use measured its brokers' GC workers: then the pauses are fitted as work (GcPauseFit) from
     * those runs, and every run's off-path CPU goes without them ({@link #gcWorkerCpuPerCollection}).
     */
    public static boolean gcWorkersMeasured(List<CalibrationSample> used) {
        return used.stream().anyMatch(CalibrationSample::hasGcWorkers);
    }

    /**
     * The GC workers' CPU per collection (JMX) over the runs that read their workers: what a run made before the harness read
     * them is charged for each of its collections ({@code gcWorkerCpu}). A pause's work barely moves with the run (the first
     * two passes that read it: 19 to 26 ms of CPU per pause in every loaded run, with the pauses 14 to 72 ms long), so a
     * pooled older pass keeps its runs.
     */
    static double gcWorkerCpuPerCollection(List<CalibrationSample> used) {
        double cpu = 0, collections = 0;
        for (CalibrationSample s : used) {
            if (!s.hasGcWorkers()) continue;
            cpu += s.gcWorkerCpu();
            collections += s.gcCollections();
        }
        return collections > 0 ? cpu / collections : 0;
    }

    public static CalibrationFit of(List<CalibrationSample> all) {
        List<CalibrationSample> s = all.stream().filter(CalibrationSample::usable).toList();
        if (s.size() < 4)
            throw new IllegalArgumentException("only " + s.size() + " of " + all.size() + " calibration runs are usable (neither flagged for other "
                    + "CPU use nor behind their offered load); at least 4 are needed: run `tailsim calibrate --fresh` on a quiet machine");
        List<String> names = s.stream().map(CalibrationSample::name).toList();
        boolean wakeups = s.stream().allMatch(CalibrationSample::hasWakeups);
        // The request-path threads' fits, at the cold half rate that leaves the least of their CPU unexplained
        Fit[] best = null;
        double bestScore = Double.POSITIVE_INFINITY, bestHalf = Double.NaN;
        for (double half : COLD_HALF_RATES) {
            Fit[] f = requestPathFits(s, names, wakeups, half);
            double score = unexplained(f[0]) + unexplained(f[1]) + unexplained(f[2]);
            if (score < bestScore - 1e-12) {
                bestScore = score;
                best = f;
                bestHalf = half;
            }
        }
        Fit handler = best[0], network = best[1], fetcher = best[2];
        boolean cold = handler.regressors().contains("coldWakeups") && handler.coefficient("coldWakeups") > 0
                || network.regressors().contains("coldWakeups") && network.coefficient("coldWakeups") > 0
                || fetcher.coefficient("coldResponses") > 0;
        // Where runs read their GC workers apart, their CPU is the pauses' work (gc.pause-work), not background load.
        boolean gcWork = gcWorkersMeasured(s);
        double gcPerCollection = gcWorkerCpuPerCollection(s);
        Fit offPath = Fit.nnls(gcWork ? "broker CPU off the request path (GC's pauses apart; JIT, kernel, other threads)"
                        : "broker CPU off the request path (GC, JIT, kernel, other threads)", OFF_PATH, names,
                rows(s, CalibrationSample::seconds, CalibrationSample::requests, CalibrationSample::partitionReads),
                column(s, x -> !gcWork ? x.offPathCpu()
                        : Math.max(0, x.offPathCpu() - (x.hasGcWorkers() ? x.gcWorkerCpu() : x.gcCollections() * gcPerCollection))));
        // The Sender threads' CPU, where measured in every run: its per-request and per-wake-up terms are the model's
        // client-per-request and client-per-wakeup, and come out of the clients' CPU before the per-record fit so that they
        // are not counted twice.
        Fit sender = s.stream().allMatch(CalibrationSample::hasDriverThreads)
                ? Fit.nnls("producer Sender threads (driver JVM)", SENDER, names,
                        rows(s, CalibrationSample::seconds, CalibrationSample::produce, CalibrationSample::recordsSent,
                                CalibrationSample::senderWakeups, CalibrationSample::partitionWakeups), column(s, CalibrationSample::senderCpu))
                : null;
        double perRequest = sender == null ? 0 : sender.coefficient("produce");
        double perWakeup = sender == null ? 0 : sender.coefficient("wakeups");
        double perPartitionWakeup = sender == null ? 0 : sender.coefficient("partitionWakeups");
        // The consumers' threads, where measured in every run and some run consumed: their CPU per fetch response is the
        // model's consumer-per-fetch (the poll thread reading each response on the shared cores); it comes out of the
        // clients' CPU too. A per-record term fitted negative on 2026-12-06's runs and is left to the idle and the fetches.
        Fit consumer = sender != null && s.stream().allMatch(x -> !Double.isNaN(x.consumerCpu()))
                && s.stream().anyMatch(x -> x.fetchConsumer() > 0)
                ? Fit.nnls("consumers' threads (driver JVM)", CONSUMER, names,
                        rows(s, CalibrationSample::seconds, CalibrationSample::fetchConsumer), column(s, CalibrationSample::consumerCpu))
                : null;
        double perFetch = consumer == null ? 0 : consumer.coefficient("fetchResponses");
        // With the driver's threads read apart, the clients are its Sender, send() and consumer threads: the harness's own
        // threads (the calibration probes, /proc and JMX sampling) and its one JVM's warm-up (JIT) over the runs are not.
        Fit client = sender == null
                ? Fit.nnls("clients (driver JVM)", CLIENT, names, rows(s, CalibrationSample::seconds, CalibrationSample::recordsSent),
                        column(s, CalibrationSample::driverCpu))
                : Fit.nnls("clients (the driver's Sender, send() and consumer threads, less the Sender's per-request and per-wake-up CPU and the consumers' per-fetch CPU)",
                        CLIENT, names, rows(s, CalibrationSample::seconds, CalibrationSample::recordsSent),
                        column(s, x -> x.clientThreadsCpu() - perRequest * x.produce() - perWakeup * x.senderWakeups()
                                - perPartitionWakeup * x.partitionWakeups() - perFetch * x.fetchConsumer()));
        // The JIT compiler threads' CPU, where measured: its mean over the loaded runs. It does not follow requests (0.45-0.99
        // cores over 370-1,540 requests/s on 2026-11-23, lowest where the cores were saturated), so no per-request fit; the
        // driver JVM compiles too, and gets the same treatment.
        List<CalibrationSample> jitRuns = s.stream().filter(x -> x.recordsSent() / x.seconds() >= JIT_LOADED_RECORDS_PER_SEC).toList();
        double jit = loadedMean(s, jitRuns, CalibrationSample::jitCpu);
        double driverJit = loadedMean(s, jitRuns, CalibrationSample::driverJitCpu);
        return new CalibrationFit(handler, network, fetcher, offPath, client, List.copyOf(all), jit,
                Double.isNaN(jit) ? List.of() : jitRuns.stream().map(CalibrationSample::name).toList(), driverJit, sender, consumer,
                cold ? bestHalf : Double.NaN);
    }

    /**
     * The handler, network-thread and fetcher fits with the cold wake-up regressor at {@code half}: a class's W wake-ups
     * in a window of T seconds on k threads, each thread waking at w = W / (k T), add W h / (h + w) cold wake-ups, what the
     * model charges a thread at a steady rate w (CpuJob#setWakeupCost). A fetcher wakes for each follower fetch response.
     */
    private static Fit[] requestPathFits(List<CalibrationSample> s, List<String> names, boolean wakeups, double half) {
        Fit handler = wakeups
                ? Fit.nnls("broker request handlers", HANDLER, names, rows(s, CalibrationSample::seconds, CalibrationSample::requests,
                        CalibrationSample::partitionWalks, CalibrationSample::handlerWakeups,
                        x -> cold(x.handlerWakeups(), x.seconds(), x.brokers() * NUM_IO_THREADS, half)), column(s, CalibrationSample::handlerCpu))
                : Fit.nnls("broker request handlers", HANDLER_NO_WAKEUPS, names,
                        rows(s, CalibrationSample::seconds, CalibrationSample::requests, CalibrationSample::partitionWalks),
                        column(s, CalibrationSample::handlerCpu));
        Fit network = wakeups
                ? Fit.nnls("broker network threads", NETWORK, names,
                        rows(s, CalibrationSample::seconds, CalibrationSample::requests, CalibrationSample::networkWakeups,
                                x -> cold(x.networkWakeups(), x.seconds(), x.brokers() * NUM_NETWORK_THREADS, half)),
                        column(s, CalibrationSample::networkCpu))
                : Fit.nnls("broker network threads", NETWORK_NO_WAKEUPS, names,
                        rows(s, CalibrationSample::seconds, CalibrationSample::requests), column(s, CalibrationSample::networkCpu));
        Fit fetcher = Fit.nnls("broker replica fetchers", FETCHER, names,
                rows(s, CalibrationSample::seconds, CalibrationSample::fetchFollower, CalibrationSample::followerPartitionReads,
                        x -> cold(x.fetchFollower(), x.seconds(), x.brokers() * (x.brokers() - 1) * NUM_REPLICA_FETCHERS, half)),
                column(s, CalibrationSample::fetcherCpu));
        return new Fit[]{handler, network, fetcher};
    }

    /** Cold wake-ups among {@code wakeups} over {@code seconds} on {@code threads} threads at half rate {@code half}. */
    static double cold(double wakeups, double seconds, int threads, double half) {
        if (!(wakeups > 0) || threads <= 0) return 0;
        double perThread = wakeups / (threads * seconds);
        return wakeups * half / (half + perThread);
    }

    /** The share of a fit's observations' sum of squares left in its residuals (unit-free, so classes weigh alike). */
    private static double unexplained(Fit f) {
        double sse = 0, ss = 0;
        for (int i = 0; i < f.observed().length; i++) {
            sse += f.residual(i) * f.residual(i);
            ss += f.observed()[i] * f.observed()[i];
        }
        return ss > 0 ? sse / ss : 0;
    }

    /** Mean cores of {@code cpu} over the loaded runs; NaN unless every used run measured it. */
    private static double loadedMean(List<CalibrationSample> used, List<CalibrationSample> loaded,
                                     ToDoubleFunction<CalibrationSample> cpu) {
        if (loaded.isEmpty() || used.stream().anyMatch(x -> Double.isNaN(cpu.applyAsDouble(x)))) return Double.NaN;
        return loaded.stream().mapToDouble(x -> cpu.applyAsDouble(x) / x.seconds()).average().orElse(Double.NaN);
    }

    /**
     * Mean cores of the driver JVM beyond its client threads and its JIT over the used runs (the harness's own threads and
     * GC); NaN where its threads were not read apart.
     */
    public double driverOtherCores() {
        List<CalibrationSample> u = used();
        if (u.isEmpty() || !u.stream().allMatch(CalibrationSample::hasDriverThreads)) return Double.NaN;
        // driverCpu is already without the JIT where the JIT was measured
        return u.stream().mapToDouble(x -> Math.max(0, x.driverCpu() - x.clientThreadsCpu()) / x.seconds()).average().orElse(Double.NaN);
    }

    /** The runs the fits rest on. */
    public List<CalibrationSample> used() {
        return samples.stream().filter(CalibrationSample::usable).toList();
    }

    @SafeVarargs
    private static double[][] rows(List<CalibrationSample> s, ToDoubleFunction<CalibrationSample>... columns) {
        double[][] x = new double[s.size()][columns.length];
        for (int i = 0; i < s.size(); i++)
            for (int j = 0; j < columns.length; j++) x[i][j] = columns[j].applyAsDouble(s.get(i));
        return x;
    }

    private static double[] column(List<CalibrationSample> s, ToDoubleFunction<CalibrationSample> f) {
        return s.stream().mapToDouble(f).toArray();
    }

    public List<Fit> fits() {
        List<Fit> all = new java.util.ArrayList<>(List.of(handler, network, fetcher, offPath, client));
        if (sender != null) all.add(sender);
        if (consumer != null) all.add(consumer);
        return List.copyOf(all);
    }
}
