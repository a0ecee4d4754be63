package io.tailsim.validation.calibrate;

import io.tailsim.validation.cluster.ClusterSpec;

import java.util.List;
import java.util.Locale;

/**
 * The local hardware profile from a calibration: CPU costs from the fits, the network, disk and memory from direct
 * measurements, and for what the runs cannot identify a stated choice marked "fit:". Negative fitted costs (noise around
 * zero) are written as 0, and the source says so.
 */
public final class LocalProfileWriter {
    static final int BROKERS = 3;
    /** send() on the application thread: real-kafka-here.md's marginal cost per record (rows 2 and 15 MB/s). */
    static final double SEND_NANOS = 5_000;

    private LocalProfileWriter() {
    }

    public static ProfileDocument document(CalibrationFit fit, MachineFacts m, String when) {
        return document(fit, m, when, null);
    }

    public static ProfileDocument document(CalibrationFit fit, MachineFacts m, String when, JitBurstFit jit) {
        return document(fit, m, when, jit, null);
    }

    /**
     * @param jit   the JIT compiler threads' busy periods, or null when no run measured them (the JIT joins the background)
     * @param files the first appends' file work timed beside the loaded cluster, or null (the idle machine's probe is used)
     */
    public static ProfileDocument document(CalibrationFit fit, MachineFacts m, String when, JitBurstFit jit, FileWorkFit files) {
        return document(fit, m, when, jit, files, null);
    }

    /** @param gc the brokers' GC pauses from their logs, or null (the pauses' count and total time from JMX are used) */
    public static ProfileDocument document(CalibrationFit fit, MachineFacts m, String when, JitBurstFit jit, FileWorkFit files,
                                           GcPauseFit gc) {
        return document(fit, m, when, jit, files, gc, null);
    }

    /**
     * @param wakes a scheduler trace of a calibration run ({@link Calibration#WAKEUPS_JSON}) whose wakes onto an idle CPU give
     *              cpu.wakeup-latency, or null (then the driver's send lag in the quietest runs gives it)
     */
    public static ProfileDocument document(CalibrationFit fit, MachineFacts m, String when, JitBurstFit jit, FileWorkFit files,
                                           GcPauseFit gc, Calibration.WakeTrace wakes) {
        int runs = fit.used().size();
        String basis = String.format(Locale.ROOT, "%d calibration runs of tailsim calibrate (%s)", runs, when);
        ProfileDocument d = new ProfileDocument("local",
                "this machine: " + BROKERS + " Kafka 4.4.0 nodes and the driver's clients on " + m.cores() + " shared cores, loopback, PLAINTEXT");
        d.comment("Hardware profile: this machine, fitted by `./tailsim calibrate` (" + when + "). Three Kafka 4.4.0 nodes and the")
                .comment("workload driver's clients share its " + m.cores() + " cores (" + m.cpuModel() + "), over 127.0.0.1, PLAINTEXT; so every")
                .comment("broker is on one host whose cores the clients use too (validation/README.md, docs/validation.md).")
                .comment("")
                .comment("CPU costs are least-squares fits of CPU seconds on counts over the calibration runs' measured windows")
                .comment("(CalibrationFit); the fits, their residuals and the runs are in the calibration report beside the runs.");
        d.comment(String.format(Locale.ROOT, "Fitted on %d of %d runs (a run flagged for other CPU use or behind its offered load is left out).", fit.used().size(),
                fit.samples().size()));
        for (Fit f : fit.fits()) {
            d.comment(String.format(Locale.ROOT, "  %s: R^2 %.3f; idle %.3f cores", f.name(), f.rSquared(), f.coefficient("idle")));
        }

        d.put("testbed", "brokers", Integer.toString(BROKERS), "measured: the validation harness starts three nodes on this machine (validation/README.md)");
        d.put("testbed", "availability-zones", "1", "measured: every node and client listens on 127.0.0.1, one machine");
        d.put("testbed", "security.protocol", "PLAINTEXT", "published: validation/README.md, the harness's listeners are PLAINTEXT");
        d.put("testbed", "security.inter.broker.protocol", "PLAINTEXT", "published: validation/README.md, inter.broker.listener.name=PLAINTEXT");
        d.put("testbed", "default.replication.factor", "3", "published: validation/README.md, run default default.replication.factor = min(3, brokers)");
        d.put("testbed", "min.insync.replicas", "2", "published: validation/README.md, run default min.insync.replicas = min(2, brokers)");
        d.put("testbed", "process.roles", "broker,controller", "published: validation/README.md, every node is formatted with process.roles=broker,controller (KRaft combined mode): the metadata quorum's fetches reach the brokers");

        d.put("host", "vcpus", Integer.toString(m.cores()), "measured: Runtime.availableProcessors() on this machine");
        d.put("host", "brokers-per-host", Integer.toString(BROKERS), "measured: the harness runs all three nodes on this one machine");
        d.put("host", "clients-share-broker-host", "true", "measured: the driver's producers and consumers run in one JVM on the same cores");

        Fit h = fit.handler(), n = fit.network(), r = fit.fetcher(), o = fit.offPath(), c = fit.client();
        String hb = "fit: non-negative least squares of the brokers' request-handler thread CPU (JMX thread CPU times) over " + basis;
        for (String type : new String[]{"Produce", "FetchFollower", "FetchConsumer", "Metadata", "default"})
            d.put("cpu", "per-request." + type, duration(h, "requests"), hb + ": " + estimate(h, "requests")
                    + " per request, every type pooled (the runs' request mixes do not separate the types); R^2 " + r2(h));
        d.put("cpu", "per-kib", "0ns", "fit: the handler fit has no byte term: CPU here follows requests, not bytes (real-kafka-here.md), "
                + "and a large-record run would otherwise carry it alone");
        d.put("cpu", "per-partition", "0ns", "fit: partitions appended or read are priced by fetch-session-per-partition, "
                + "whose regressor (TotalFetchRequestsPerSec, twice) counts every partition a fetch walks");
        d.put("cpu", "fetch-session-per-partition", duration(h, "partitionWalks"), hb + ": " + estimate(h, "partitionWalks")
                + " each time a fetch's session partition is walked: when the fetch arrives (TotalFetchRequestsPerSec) and again when"
                + " a fetch that waited completes (counted as a second walk of every metered partition: the large sessions' fetches wait)");
        d.put("cpu", "tls-per-request", "0us", "published: validation/README.md, PLAINTEXT listeners, no TLS");
        d.put("cpu", "tls-per-kib", "0ns", "published: validation/README.md, PLAINTEXT listeners, no TLS");
        d.put("cpu", "network-thread-per-request", duration(n, "requests"), "fit: non-negative least squares of the brokers' network-thread CPU over "
                + basis + ": " + estimate(n, "requests") + " per request of any type with its response"
                + (n.regressors().contains("wakeups") ? ", beside its cost per wake-up (network-thread-per-wakeup)" : "") + "; R^2 " + r2(n));
        d.put("cpu", "network-thread-per-response", "0us", "fit: whole-thread CPU cannot split reading a request from writing its response; "
                + "both are in network-thread-per-request");
        d.put("cpu", "purgatory-complete", "0us", "fit: completions run on the handler thread of the fetch that advances the high watermark; "
                + "their cost is in the fitted per-request cost");
        d.put("cpu", "replica-fetcher-per-response", duration(r, "FetchFollower"), "fit: non-negative least squares of the brokers' ReplicaFetcherThread CPU over "
                + basis + ": " + estimate(r, "FetchFollower") + " per follower fetch response; R^2 " + r2(r));
        d.put("cpu", "replica-fetcher-per-partition", duration(r, "followerPartitionReads"), "fit: the same fetcher fit: "
                + estimate(r, "followerPartitionReads") + " per partition a follower's fetch walks (TotalFetchRequestsPerSec shared out by "
                + "the follower and consumer fetch counts)");
        d.put("cpu", "per-connection-per-second", "0us", "fit: not separable from the idle term at the calibration runs' few connections; "
                + "the idle cores are in background-per-broker");
        Fit sf = fit.sender();
        if (sf == null) {
            d.put("cpu", "client-per-request", "0us", "fit: the driver's CPU does not separate produce requests from records in the calibration "
                    + "runs; all of it beyond send() is in client-background-per-record");
        } else {
            String sb = "fit: non-negative least squares of the driver's producer Sender threads' CPU (kafka-producer-network-thread, "
                    + "/proc schedstat) over " + basis + " on their produce requests, records, wake-ups (voluntary context switches) and "
                    + "wake-ups times the partitions of each producer's topic: ";
            d.put("cpu", "client-per-request", duration(sf, "produce"), sb + estimate(sf, "produce")
                    + " per produce request (drain, build and write it), beside " + estimate(sf, "recordsSent")
                    + " per record (its callback, left in client-background-per-record) and idle "
                    + String.format(Locale.ROOT, "%.3f", sf.coefficient("idle")) + " cores; R^2 " + r2(sf));
            d.put("cpu", "client-per-wakeup", duration(sf, "wakeups"), "fit: the same Sender fit: " + estimate(sf, "wakeups")
                    + " each time a Sender thread wakes, spent before it drains: the poll's return with its completed sends and "
                    + "receives, and ready()");
            d.put("cpu", "client-per-wakeup-per-partition", duration(sf, "partitionWakeups"), "fit: the same Sender fit: "
                    + nanosEstimate(sf, "partitionWakeups") + " per partition of its producer's topic, each time a Sender thread wakes: "
                    + "RecordAccumulator.ready() walks the deque of every partition written to, and each drain every partition the "
                    + "broker leads in the producer's metadata");
        }
        Fit cf = fit.consumer();
        if (cf != null) {
            d.put("cpu", "consumer-per-fetch", duration(cf, "fetchResponses"), "fit: non-negative least squares of the driver's consumer "
                    + "threads' CPU (/proc schedstat) over " + basis + " on their fetch responses: " + estimate(cf, "fetchResponses")
                    + " per fetch response, beside idle " + String.format(Locale.ROOT, "%.3f", cf.coefficient("idle")) + " cores (heartbeat "
                    + "and background threads, in client-background); R^2 " + r2(cf) + ". The poll thread reads each response on the "
                    + "shared cores before poll() returns its records");
        }
        d.put("cpu", "client-per-record", micros(SEND_NANOS), "published: real-kafka-here.md rows 2 MB/s and 15 MB/s: 7.5 times the records "
                + "at about the same request rate added 0.13 cores, about 5 us per send() on the application thread");
        if (sf != null) {
            d.put("cpu", "client-background", String.format(Locale.ROOT, "%.4f", Math.max(0, c.coefficient("idle"))), String.format(Locale.ROOT,
                    "fit: non-negative least squares of the driver's client threads' CPU (its Sender, send() and consumer threads, "
                            + "/proc schedstat; less client-per-request, client-per-wakeup and consumer-per-fetch) over %s: idle %.3f cores; R^2 %s. Left out: "
                            + "the driver JVM's other threads (the harness's runner, its calibration probes, /proc and JMX sampling; "
                            + "%.3f cores on average over the runs), its GC and its JIT (%.3f cores over the loaded runs: the one "
                            + "JVM warming up over the first runs; its later runs and the validation suite's compile almost nothing)",
                    basis, c.coefficient("idle"), r2(c), fit.driverOtherCores(), fit.driverJitCores()));
        } else if (Double.isNaN(fit.driverJitCores())) {
            d.put("cpu", "client-background", String.format(Locale.ROOT, "%.4f", Math.max(0, c.coefficient("idle"))),
                    "fit: non-negative least squares of the driver JVM's CPU over " + basis + ": idle " + String.format(Locale.ROOT, "%.3f", c.coefficient("idle"))
                            + " cores; R^2 " + r2(c));
        } else {
            d.put("cpu", "client-background", String.format(Locale.ROOT, "%.4f", Math.max(0, c.coefficient("idle")) + fit.driverJitCores()),
                    String.format(Locale.ROOT, "fit: non-negative least squares of the driver JVM's CPU without its JIT compiler threads over %s: "
                            + "idle %.3f cores; R^2 %s; plus its JIT compiler threads' CPU, %.3f cores, their mean over the loaded runs "
                            + "(/proc; steady over the window, not a cost per record)", basis, c.coefficient("idle"), r2(c), fit.driverJitCores()));
        }
        d.put("cpu", "client-background-per-record", Math.round(Math.max(0, c.coefficient("recordsSent") * 1e9 - SEND_NANOS)) + "ns",
                "fit: the same " + (sf == null ? "driver" : "client") + " fit: " + estimate(c, "recordsSent") + " per record sent, less the 5 us of send() in client-per-record: "
                        + (sf == null ? "the driver's consumers, Sender threads, histograms, GC and JIT, off the records' path"
                        : fit.consumer() == null ? "the driver's consumer threads and its send() callbacks (histograms), off the records' path"
                        : "the driver's send() callbacks (histograms) and what its consumer threads spend beyond consumer-per-fetch, off the records' path"));
        double idle = 0;
        for (Fit f : List.of(h, n, r, o)) idle += Math.max(0, f.coefficient("idle"));
        if (!Double.isNaN(fit.jitCores()) && jit != null) {
            d.put("cpu", "background-per-broker", String.format(Locale.ROOT, "%.4f", idle / BROKERS), String.format(Locale.ROOT,
                    "fit: the idle terms of the four broker fits (handlers %.3f, network %.3f, fetchers %.3f, off the request path "
                            + "without the JIT %.3f cores) over %d brokers, over %s: what the brokers burn with no traffic; the JIT "
                            + "compiler threads are apart (jit-per-broker)", h.coefficient("idle"), n.coefficient("idle"),
                    r.coefficient("idle"), o.coefficient("idle"), BROKERS, basis));
            d.put("cpu", "jit-per-broker", String.format(Locale.ROOT, "%.4f", fit.jitCores() / BROKERS), String.format(Locale.ROOT,
                    "measured: the brokers' JIT compiler threads' CPU, %.3f cores, their mean over the %d runs offering %.0f records/s "
                            + "or more (from /proc; a broker JVM in its first minute compiles what its traffic makes hot, about as much "
                            + "at any rate), over %d brokers, over %s", fit.jitCores(), fit.jitRuns().size(),
                    CalibrationFit.JIT_LOADED_RECORDS_PER_SEC, BROKERS, basis));
            d.put("cpu", "jit-burst", jit.empirical(), jit.source());
        } else if (Double.isNaN(fit.jitCores())) {
            d.put("cpu", "background-per-broker", String.format(Locale.ROOT, "%.4f", idle / BROKERS), String.format(Locale.ROOT,
                    "fit: the idle terms of the four broker fits (handlers %.3f, network %.3f, fetchers %.3f, off the request path %.3f cores) "
                            + "over %d brokers, over %s: what the brokers burn with no traffic", h.coefficient("idle"), n.coefficient("idle"),
                    r.coefficient("idle"), o.coefficient("idle"), BROKERS, basis));
        } else {
            d.put("cpu", "background-per-broker", String.format(Locale.ROOT, "%.4f", (idle + fit.jitCores()) / BROKERS), String.format(Locale.ROOT,
                    "fit: the idle terms of the four broker fits (handlers %.3f, network %.3f, fetchers %.3f, off the request path "
                            + "without the JIT %.3f cores) plus the JIT compiler threads' CPU, %.3f cores, their mean over the %d runs "
                            + "offering %.0f records/s or more (measured from /proc; a broker JVM in its first minute compiles what its "
                            + "traffic makes hot, about as much at any rate), over %d brokers, over %s",
                    h.coefficient("idle"), n.coefficient("idle"), r.coefficient("idle"), o.coefficient("idle"), fit.jitCores(),
                    fit.jitRuns().size(), CalibrationFit.JIT_LOADED_RECORDS_PER_SEC, BROKERS, basis));
        }
        d.put("cpu", "background-per-request", duration(o, "requests"), "fit: non-negative least squares of the brokers' CPU outside network, handler and "
                + "fetcher threads (" + (CalibrationFit.gcWorkersMeasured(fit.used()) ? "the GC workers' pauses apart: gc.pause-work; G1's other threads, " : "GC, ")
                + "kernel, KRaft and other threads" + (Double.isNaN(fit.jitCores()) ? ", JIT" : "; the JIT apart") + ") over " + basis + ": " + estimate(o, "requests")
                + " per request; R^2 " + r2(o));
        d.put("cpu", "background-per-partition", duration(o, "partitionReads"), "fit: the same off-path fit: " + estimate(o, "partitionReads")
                + " per partition a fetch reads (TotalFetchRequestsPerSec)");
        d.put("cpu", "background-burst", "2ms", "fit: not identifiable from CPU totals; an assumption: a G1 concurrent phase"
                + (jit != null && !Double.isNaN(fit.jitCores()) ? ", kernel or KRaft work runs for milliseconds at a time (the JIT is apart: jit-burst)"
                : " or a JIT compilation runs for milliseconds at a time"));
        if (wakes != null) {
            d.put("cpu", "wakeup-latency", empiricalUs(wakes.trace().idleCpuWakeUs()), wakes.source());
        } else {
            d.put("cpu", "wakeup-latency", wakeup(fit, m.cores()), wakeupSource(fit, m.cores()));
        }
        d.put("cpu", "timer-slack", TIMER_SLACK_NANOS / 1000 + "us", "published: Linux's default timer slack for a normal thread "
                + "(prctl PR_GET_TIMERSLACK; /proc/<pid>/timerslack_ns, 50000 on the calibration machine): a timed wait may end "
                + "that much late. The driver's send lag is a timed wait's (parkNanos until the send time), so wakeup-latency is "
                + "that lag less this, an event wake's; threads waking from a timed wait pay both");
        d.put("cpu", "scheduler-slice", schedulerSlice(m.cores()), "published: Linux EEVDF (kernel/sched/fair.c) base slice "
                + "sysctl_sched_base_slice 0.75 ms, scaled by 1 + ilog2(min(online CPUs, 8)) under the default SCHED_TUNABLESCALING_LOG, "
                + "here " + m.cores() + " CPUs; /sys/kernel/debug/sched/base_slice_ns is not readable without privileges");
        String kernel = System.getProperty("os.version");
        boolean eevdf = hasEevdf(kernel);
        d.put("cpu", "scheduler", eevdf ? "eevdf" : "round-robin", eevdf
                ? "measured: kernel " + kernel + " (os.version), and Linux schedules by EEVDF since 6.6 (kernel/sched/fair.c): "
                + "the eligible thread with the earliest virtual deadline runs, a woken thread placed by the lag it slept with"
                : "measured: kernel " + kernel + " (os.version) is older than 6.6 and schedules by CFS, which tailsim does not model; "
                + "round robin with the slice stands in for it");
        if (eevdf) {
            d.put("cpu", "load-balance-interval", (16 * m.cores()) + "ms", "published: Linux keeps a run queue per CPU; a woken "
                    + "thread with no idle CPU waits on the one it last ran on, an idle CPU pulls from the busiest (newidle balance), "
                    + "and a busy CPU balances every sched-domain balance_interval (sd_weight ms, here " + m.cores()
                    + ") times busy_factor 16 (kernel/sched/topology.c sd_init, fair.c get_sd_balance_interval)");
        }
        if (n.regressors().contains("wakeups")) {
            d.put("cpu", "network-thread-per-wakeup", duration(n, "wakeups"), "fit: the same network-thread fit: " + estimate(n, "wakeups")
                    + " each time a network thread wakes (its voluntary context switches in /proc, counted per thread over the window): "
                    + "the selector's return and the loop's fixed work, paid once however many requests it then reads and writes");
            d.put("cpu", "request-handler-per-wakeup", duration(h, "wakeups"), "fit: the same handler fit: " + estimate(h, "wakeups")
                    + " each time a request handler wakes on an empty request queue (its voluntary context switches in /proc)");
        }
        if (!Double.isNaN(fit.coldHalfRate())) {
            String law = "; a wake-up pays cold * h / (h + r), r the thread's own recent wake-up rate, h cold-wakeup-half-rate "
                    + "(the fits' regressor: each run's wake-ups of a class times h / (h + their rate per thread), at Kafka's default "
                    + "thread counts)";
            d.put("cpu", "network-thread-per-cold-wakeup", duration(n, "coldWakeups"), "fit: the same network-thread fit: "
                    + estimate(n, "coldWakeups") + " more per wake-up of a thread that wakes rarely" + law);
            d.put("cpu", "request-handler-per-cold-wakeup", duration(h, "coldWakeups"), "fit: the same handler fit: "
                    + estimate(h, "coldWakeups") + " more per wake-up of a handler that wakes rarely" + law);
            d.put("cpu", "replica-fetcher-per-cold-wakeup", duration(r, "coldResponses"), "fit: the same fetcher fit: "
                    + estimate(r, "coldResponses") + " more per fetch response to a fetcher thread that wakes rarely" + law);
            d.put("cpu", "cold-wakeup-half-rate", String.format(Locale.ROOT, "%.0f/s", fit.coldHalfRate()), String.format(Locale.ROOT,
                    "fit: of the half rates tried (%s/s), the one at which the handler, network-thread and fetcher fits together leave "
                    + "the least of their CPU unexplained, over %s: the CPU per wake-up falls as a thread wakes more often "
                    + "(its code and data stay in the caches), whatever the sleep just before", halfRates(), basis));
        }
        d.put("cpu", "service-cv", "0.5", "fit: whole-thread CPU totals say nothing of the spread of single costs; the latency-blog profile's start 0.5");

        String loop = String.format(Locale.ROOT, "lognormal(mean=%s, cv=%.2f)", micros(m.loopbackOneWayMeanNanos()), m.loopbackOneWayCv());
        d.put("network", "same-host-one-way", loop, String.format(Locale.ROOT, "measured: half the round trip of 100-byte TCP messages on 127.0.0.1, "
                + "%,d round trips (MachineProbe, %s)", m.loopbackRoundTrips(), when));
        d.put("network", "same-az-one-way", loop, "fit: not exercised, every node and client is on one host; set to the loopback figure");
        d.put("network", "cross-az-one-way", loop, "fit: not exercised, every node and client is on one host; set to the loopback figure");
        d.put("network", "nic-bandwidth", mbPerSec(m.loopbackBytesPerSecond()), "measured: one TCP stream of 1 GiB through 127.0.0.1 (MachineProbe, " + when + ")");

        long heaps = (long) BROKERS * ClusterSpec.DEFAULT_HEAP_MB << 20;
        long dirtyable = m.memTotalBytes() - heaps;
        String disk = mbPerSec(m.diskWriteBytesPerSecond());
        d.put("disk", "write-bandwidth", disk, String.format(Locale.ROOT, "measured: %d MiB written sequentially in 1 MiB blocks and forced to the device in %s, "
                + "where the brokers' logs live (MachineProbe, %s)", m.diskProbeBytes() >> 20, m.diskDir(), when));
        d.put("disk", "read-bandwidth", disk, "fit: not measured; set to the write figure. Runs keep 60 s of log in far more page cache, so consumers do not read the disk");
        d.put("disk", "read-latency", "lognormal(mean=100us, cv=1)", "fit: not measured; only page-cache misses pay it and runs here have none (60 s retention)");
        d.put("disk", "dirty-background", mib(dirtyable * m.dirtyBackgroundRatio() / 100), String.format(Locale.ROOT,
                "measured: /proc/sys/vm/dirty_background_ratio %d (%%) of MemTotal less three %d MiB broker heaps", m.dirtyBackgroundRatio(), ClusterSpec.DEFAULT_HEAP_MB));
        d.put("disk", "dirty-limit", mib(dirtyable * m.dirtyRatio() / 100), String.format(Locale.ROOT,
                "measured: /proc/sys/vm/dirty_ratio %d (%%) of the same memory", m.dirtyRatio()));
        d.put("disk", "page-cache", mib(dirtyable - (1536L << 20)), "measured: /proc/meminfo MemTotal less three broker heaps and 1.5 GiB for the driver and the OS");
        d.put("disk", "stall-interval", "none", "fit: no flush stalls were seen in the calibration runs' latencies; left out");
        d.put("disk", "stall-duration", "none", "fit: see stall-interval");
        String beside = "with a file forced every 500 ms beside it (as the KRaft metadata logs are)";
        if (files != null) {
            d.put("disk", "checkpoint-write", empiricalMs(files.checkpointWriteMs()), files.source(
                    "a leader-epoch checkpoint written to a temporary file, forced, moved over and its directory forced", files.checkpointWriteMs()));
            d.put("disk", "index-create", empiricalMs(files.indexCreateMs()), files.indexCreateSource(
                    "a segment's offset and time index files created, sized to 10 MiB, memory-mapped and their first entries written"));
            if (files.scaled()) {
                d.put("disk", "index-create-reference-replicas", String.format(Locale.ROOT, "%.1f", files.referenceReplicas()),
                        files.referenceSource(files.replicaExponent()));
                d.put("disk", "index-create-replica-exponent", String.format(Locale.ROOT, "%.3f", files.replicaExponent()),
                        files.exponentSource());
            }
        } else {
            d.put("disk", "checkpoint-write", empiricalNanos(m.checkpointWriteNanos()), m.checkpointWriteNanos() == null
                    ? "fit: not measured (machine facts kept from before the probe existed)"
                    : String.format(Locale.ROOT, "measured: a leader-epoch checkpoint written to a temporary file, forced, moved over and its "
                    + "directory forced in %s %s, %d times (median %s): what a replica's first append waits for (MachineProbe)",
                    m.diskDir(), beside, MachineFacts.FILE_SAMPLES, ms(m.checkpointWriteNanos()[50])));
            d.put("disk", "index-create", empiricalNanos(m.indexCreateNanos()), m.indexCreateNanos() == null
                    ? "fit: not measured (machine facts kept from before the probe existed)"
                    : String.format(Locale.ROOT, "measured: a segment's offset and time index files created, sized to 10 MiB, memory-mapped and "
                    + "their first entries written in %s %s, %d times (median %s): what a segment's first index entry waits for (MachineProbe)",
                    m.diskDir(), beside, MachineFacts.FILE_SAMPLES, ms(m.indexCreateNanos()[50])));
        }

        for (String codec : new String[]{"none", "lz4", "zstd", "gzip", "snappy"})
            d.put("compression-ratio", codec, "1.0", "published: validation/README.md, record values are random (incompressible) bytes");

        long collections = fit.used().stream().mapToLong(CalibrationSample::gcCollections).sum();
        long gcMs = fit.used().stream().mapToLong(CalibrationSample::gcTimeMs).sum();
        double brokerSeconds = fit.used().stream().mapToDouble(s -> s.seconds() * s.brokers()).sum();
        if (gc != null && gc.followsWork()) {
            double idlePerSecond = gc.allocation().coefficient("idle");
            d.put("gc", "pause-interval", idlePerSecond > 0 ? "exponential(" + millis(1000 / idlePerSecond) + ")" : "none",
                    gc.allocationSource("idle", basis) + (idlePerSecond > 0 ? "; exponential gaps are an assumption" : "; none with no traffic"));
            putPauses(d, gc);
            d.put("gc", "pauses-per-request", String.format(Locale.ROOT, "%.6g", gc.allocation().coefficient("requests")),
                    gc.allocationSource("requests", basis));
            d.put("gc", "pauses-per-partition-read", String.format(Locale.ROOT, "%.6g", gc.allocation().coefficient("partitionReads")),
                    gc.allocationSource("partitionReads", basis));
            d.put("gc", "pauses-per-mib-produced", String.format(Locale.ROOT, "%.6g", gc.allocation().coefficient("mibProduced")),
                    gc.allocationSource("mibProduced", basis));
        } else if (gc != null) {
            d.put("gc", "pause-interval", "exponential(" + millis(gc.meanIntervalMs()) + ")", gc.intervalSource(basis));
            putPauses(d, gc);
        } else if (collections > 0) {
            d.put("gc", "pause-interval", "exponential(" + millis(brokerSeconds * 1000 / collections) + ")", String.format(Locale.ROOT,
                    "fit: %d collections in %.0f broker-seconds over %s (JMX GarbageCollector counts); exponential gaps are an assumption",
                    collections, brokerSeconds, basis));
            d.put("gc", "pause-duration", "deterministic(" + millis((double) gcMs / collections) + ")", String.format(Locale.ROOT,
                    "fit: %d ms of collection time over those %d collections (JMX CollectionTime); a fixed length is an assumption", gcMs, collections));
        } else {
            d.put("gc", "pause-interval", "none", "fit: no collection in the calibration runs' windows; left out");
            d.put("gc", "pause-duration", "none", "fit: see pause-interval");
        }
        return d;
    }

    /**
     * The OS wake-up latency the model adds before a sleeping thread competes for the cores. The driver's send lag is its
     * measure, but on a busy machine it also holds the wait for a core, which the model's CPU already makes (HostCpu):
     * counting both would charge that wait twice. So it comes from the quietest runs, those whose brokers and driver left
     * at least {@value #QUIET_SHARE_PERCENT}% of the cores idle (the idle run by design), or the least busy run if none did.
     */
    static String wakeup(CalibrationFit fit, int cores) {
        double[] q = quietQuantiles(fit, cores);
        if (q != null) return withTail(lessTimerSlack(q), quietP999(fit, cores) - TIMER_SLACK_NANOS / 1e6);
        double[] mm = quietLag(fit, cores);
        if (!(mm[0] > 0) || !(mm[1] > 0)) return "none";
        mm = lessTimerSlack(mm);
        if (!(mm[0] > 0) || !(mm[1] > 0)) return "none";
        double ratio = Math.max(1, mm[1] / mm[0]);
        double cv = Math.sqrt(Math.max(0, ratio * ratio - 1));
        return String.format(Locale.ROOT, "lognormal(mean=%.0fus, cv=%.2f)", mm[1] * 1000, cv);
    }

    static final int QUIET_SHARE_PERCENT = 40;

    /**
     * Linux's default timer slack (50 us): a thread parked until a deadline is woken up to this much after it, so the
     * driver's send lag holds it, and a thread woken by another thread or a packet does not.
     */
    static final long TIMER_SLACK_NANOS = 50_000;

    /** Send-lag values (ms) less the timer slack, none below 0: an event wake's latency. */
    static double[] lessTimerSlack(double[] ms) {
        double[] out = new double[ms.length];
        for (int i = 0; i < ms.length; i++) out[i] = Math.max(0, ms[i] - TIMER_SLACK_NANOS / 1e6);
        return out;
    }

    /** Measured values at 0..100%, in nanoseconds, as an empirical distribution, or none. */
    static String empiricalNanos(double[] q) {
        if (q == null) return "none";
        double[] ms = new double[q.length];
        for (int i = 0; i < q.length; i++) ms[i] = q[i] / 1e6;
        return empiricalMs(ms);
    }

    /** The pauses' logged lengths, and where every run read its GC workers, their work (which the model then uses instead). */
    private static void putPauses(ProfileDocument d, GcPauseFit gc) {
        d.put("gc", "pause-duration", gc.empirical(), gc.durationSource() + (gc.hasWork() ? "; not used: gc.pause-work is given" : ""));
        if (gc.hasWork()) {
            d.put("gc", "pause-work", gc.workEmpirical(), gc.workSource());
            d.put("gc", "workers", Integer.toString(gc.workers()), gc.workersSource());
        }
    }

    /**
     * Values at 0..100% (ms) as a distribution whose top percent passes through the measured 99.9th percentile: the values
     * alone would span it by a straight line from p99 to the largest single lag, which puts a hundredth of all draws on
     * the way to one extreme sample. The piecewise-linear inverse CDF through 0%, 1%, ..., 99%, 99.9% and 100%, written as
     * a mixture of its pieces; without a p99.9 inside (p99, max) the values alone.
     */
    static String withTail(double[] q, double p999) {
        if (!bendsTopPercent(q, p999)) return empiricalMs(q);
        double[] body = java.util.Arrays.copyOf(q, 100);
        return "mixture(0.99: " + empiricalMs(body) + ", 0.009: " + empiricalMs(new double[] {q[99], p999})
                + ", 0.001: " + empiricalMs(new double[] {p999, q[100]}) + ")";
    }

    /** The quiet runs' send-lag 99.9th percentile, record-weighted as {@link #quietQuantiles}; NaN unless every one has it. */
    static double quietP999(CalibrationFit fit, int cores) {
        List<CalibrationSample> quiet = quietRuns(fit, cores);
        double sum = 0, n = 0;
        for (CalibrationSample s : quiet) {
            if (Double.isNaN(s.sendLagP999Ms())) return Double.NaN;
            sum += s.sendLagCount() * s.sendLagP999Ms();
            n += s.sendLagCount();
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** Measured values at 0..100%, in milliseconds, as an empirical distribution in whole microseconds. */
    /** Values at 0..100% in microseconds, as an empirical distribution. */
    static String empiricalUs(double[] q) {
        return empiricalMs(java.util.Arrays.stream(q).map(us -> us / 1000).toArray());
    }

    static String empiricalMs(double[] q) {
        StringBuilder sb = new StringBuilder("empirical(");
        for (int i = 0; i < q.length; i++) sb.append(i == 0 ? "" : ", ").append(Math.round(q[i] * 1000)).append("us");
        return sb.append(')').toString();
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /**
     * The quiet runs' send lag at 0%, 1%, ..., 100%, each the record-weighted mean of the runs' values at that probability;
     * null unless every quiet run recorded them. Its whole shape matters, not two moments: a lognormal through the median and
     * mean puts a fifth of the wake-ups under 45 us, where a woken Sender drains a Trogdor burst before it is all appended.
     */
    static double[] quietQuantiles(CalibrationFit fit, int cores) {
        List<CalibrationSample> quiet = quietRuns(fit, cores);
        if (quiet.isEmpty() || quiet.stream().anyMatch(s -> s.sendLagQuantilesMs() == null || s.sendLagQuantilesMs().size() != 101))
            return null;
        double[] q = new double[101];
        double n = 0;
        for (CalibrationSample s : quiet) {
            n += s.sendLagCount();
            for (int i = 0; i < 101; i++) q[i] += s.sendLagCount() * s.sendLagQuantilesMs().get(i);
        }
        if (!(n > 0)) return null;
        for (int i = 0; i < 101; i++) q[i] /= n;
        return q;
    }

    /** Whether a Linux kernel release (uname -r, such as 6.18.44-fc) schedules by EEVDF: 6.6 and later. */
    static boolean hasEevdf(String release) {
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(release == null ? "" : release);
        if (!v.find()) {
            return false;
        }
        int major = Integer.parseInt(v.group(1));
        int minor = Integer.parseInt(v.group(2));
        return major > 6 || (major == 6 && minor >= 6);
    }

    /** Linux's default scheduler slice on {@code cores} CPUs: 0.75 ms x (1 + ilog2(min(cores, 8))). */
    static String schedulerSlice(int cores) {
        int n = Math.max(1, Math.min(cores, 8));
        int factor = 1 + (31 - Integer.numberOfLeadingZeros(n));
        return String.format(Locale.ROOT, "%dus", 750 * factor);
    }

    private static String wakeupSource(CalibrationFit fit, int cores) {
        double[] q = quietQuantiles(fit, cores);
        if (q != null) {
            List<String> names = quietRuns(fit, cores).stream().map(CalibrationSample::name).toList();
            return String.format(Locale.ROOT, "measured: the driver's send lag (intended send time to send()) in the quietest calibration "
                    + "run(s) of tailsim calibrate, %s (brokers and driver left %d%% or more of the cores idle; on busier runs the lag also "
                    + "holds the wait for a core, which the model's CPU makes itself): its values at 0%%, 1%%, ..., 100%%, weighted by "
                    + "records (median %.3f ms, p90 %.3f ms)%s; written less timer-slack (none below 0): an event wake's latency",
                    String.join(", ", names), QUIET_SHARE_PERCENT, q[50], q[90], tailNote(q, quietP999(fit, cores)));
        }
        double[] mm = quietLag(fit, cores);
        if (!(mm[0] > 0) || !(mm[1] > 0)) return "fit: the calibration runs recorded no send lag; left out";
        List<String> names = quietRuns(fit, cores).stream().map(CalibrationSample::name).toList();
        return String.format(Locale.ROOT, "measured: the driver's send lag (intended send time to send()) in the quietest calibration "
                + "run(s) of tailsim calibrate, %s (brokers and driver left %d%% or more of the cores idle; on busier runs the lag also holds "
                + "the wait for a core, which the model's CPU makes itself): median %.3f ms, mean %.3f ms, weighted by records; a lognormal "
                + "with that mean and median less timer-slack: an event wake's latency", String.join(", ", names), QUIET_SHARE_PERCENT,
                mm[0], mm[1]);
    }

    /** Whether a p99.9 lies strictly between the values at 99% and 100%, where it can bend the top percent. */
    private static boolean bendsTopPercent(double[] q, double p999) {
        return p999 > q[99] && p999 < q[100];
    }

    private static String tailNote(double[] q, double p999) {
        if (!bendsTopPercent(q, p999)) return "";
        return String.format(Locale.ROOT, ", and its 99.9th percentile, %.3f ms, likewise weighted: the top percent runs from p99 "
                + "(%.3f ms) through it to the largest lag (%.3f ms, the runs' maxima weighted) instead of straight to the largest, so "
                + "that a hundredth of the draws does not spread evenly towards one extreme sample (mean of the top percent %.2f ms, "
                + "%.2f ms without)", p999, q[99], q[100], 0.9 * (q[99] + p999) / 2 + 0.1 * (p999 + q[100]) / 2, (q[99] + q[100]) / 2);
    }

    static List<CalibrationSample> quietRuns(CalibrationFit fit, int cores) {
        List<CalibrationSample> withLag = fit.used().stream()
                .filter(s -> s.sendLagCount() > 0 && !Double.isNaN(s.sendLagMedianMs()) && !Double.isNaN(s.sendLagMeanMs())).toList();
        List<CalibrationSample> quiet = withLag.stream()
                .filter(s -> busyCores(s) <= cores * (1 - QUIET_SHARE_PERCENT / 100.0)).toList();
        if (!quiet.isEmpty() || withLag.isEmpty()) return quiet;
        return List.of(withLag.stream().min(java.util.Comparator.comparingDouble(LocalProfileWriter::busyCores)).orElseThrow());
    }

    private static double busyCores(CalibrationSample s) {
        return (s.brokerCpu() + s.driverCpu()) / s.seconds();
    }

    /** Record-weighted median and mean send lag (ms) over the quiet runs. */
    private static double[] quietLag(CalibrationFit fit, int cores) {
        double n = 0, med = 0, mean = 0;
        for (CalibrationSample s : quietRuns(fit, cores)) {
            n += s.sendLagCount();
            med += s.sendLagCount() * s.sendLagMedianMs();
            mean += s.sendLagCount() * s.sendLagMeanMs();
        }
        return n == 0 ? new double[]{Double.NaN, Double.NaN} : new double[]{med / n, mean / n};
    }

    /** The half rates the cold wake-up fit tried, for the profile's source text. */
    private static String halfRates() {
        StringBuilder b = new StringBuilder();
        for (double h : CalibrationFit.COLD_HALF_RATES) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", h));
        return b.toString();
    }

    /** A fitted cost per unit as a duration, 0 when the fit is negative. */
    static String duration(Fit f, String regressor) {
        double seconds = Math.max(0, f.coefficient(regressor));
        return Math.round(seconds * 1e9) + "ns";
    }

    static String estimate(Fit f, String regressor) {
        return estimate(f, regressor, LocalProfileWriter::micros);
    }

    /** As {@link #estimate}, in ns: for terms of well under a microsecond. */
    static String nanosEstimate(Fit f, String regressor) {
        return estimate(f, regressor, nanos -> String.format(Locale.ROOT, "%.0fns", nanos));
    }

    private static String estimate(Fit f, String regressor, java.util.function.DoubleFunction<String> unit) {
        double b = f.coefficient(regressor), se = f.standardError(regressor);
        if (Double.isNaN(se)) return "0 (left out: any positive value fitted worse)";
        return unit.apply(b * 1e9) + " +/- " + unit.apply(se * 1e9);
    }

    private static String r2(Fit f) {
        return String.format(Locale.ROOT, "%.3f", f.rSquared());
    }

    static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1fus", nanos / 1e3);
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1fms", ms);
    }

    private static String mbPerSec(double bytesPerSecond) {
        return Math.round(bytesPerSecond / 1e6) + "MB/s";
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + "MiB";
    }
}
