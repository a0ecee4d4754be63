package io.tailsim.scenarios.profile;

import static io.tailsim.scenarios.schema.KafkaConfigNames.Family.NONE;

import io.tailsim.core.dist.Distribution;
import io.tailsim.models.broker.ApiKey;
import io.tailsim.models.config.CompressionType;
import io.tailsim.models.config.ConfigException;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.cpu.SchedulerPolicy;
import io.tailsim.scenarios.ScenarioException;
import io.tailsim.scenarios.schema.KeyPaths;
import io.tailsim.scenarios.schema.Schema;
import io.tailsim.scenarios.schema.ScenarioSchema;
import io.tailsim.scenarios.schema.Section;
import io.tailsim.scenarios.schema.Suggest;
import io.tailsim.scenarios.units.Rate;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;
import io.tailsim.scenarios.yaml.YamlReader;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a hardware profile (profiles/*.yaml) into a {@link Testbed}. Layout:
 *
 * <pre>
 * name: latency-blog-r5xlarge
 * testbed:   {brokers, availability-zones, security.protocol, ...}    defaults for cluster:
 * host:      {vcpus, brokers-per-host, clients-share-broker-host, client-vcpus}   client-vcpus: cores of a
 *            client machine shared by a producer group's producers (client-hosts > 0); default vcpus
 * cpu:       {per-request: {Produce, FetchFollower, FetchConsumer, Metadata, default}, per-kib,
 *             per-partition, fetch-session-per-partition, tls-per-request, tls-per-kib,
 *             network-thread-per-request, network-thread-per-response, purgatory-complete,
 *             replica-fetcher-per-response, per-connection-per-second, client-per-request,
 *             client-per-record, service-cv, client-per-response, replica-fetcher-per-partition,
 *             client-per-wakeup and client-per-wakeup-per-partition (optional, default 0);
 *             host effects, all optional: background-per-broker, background-per-request,
 *             background-per-partition, background-burst, wakeup-latency, scheduler-slice,
 *             scheduler (round-robin, the default, or eevdf; needs scheduler-slice), load-balance-interval (eevdf
 *             with a run queue per core, balanced when a core idles and at this interval), client-background,
 *             client-background-per-record, network-thread-per-wakeup, request-handler-per-wakeup, consumer-per-fetch,
 *             network-thread-per-cold-wakeup, request-handler-per-cold-wakeup, replica-fetcher-per-cold-wakeup with
 *             cold-wakeup-half-rate: a broker thread's wake-up costs more the more rarely it wakes; timer-slack
 *             (needs wakeup-latency): paid beside it by a thread waking from a timed wait}
 * network:   {same-host-one-way, same-az-one-way, cross-az-one-way, nic-bandwidth}
 * disk:      {write-bandwidth, read-bandwidth, read-latency, dirty-background, dirty-limit,
 *             page-cache, stall-interval, stall-duration, checkpoint-write, index-create, and optional
 *             index-create-reference-replicas with index-create-replica-exponent: index creation slower on brokers
 *             holding more replicas}
 * compression-ratio: {lz4: ..., ...}       compressed / uncompressed size of the workload's data
 * gc:        {pause-interval, pause-duration, and optional pauses-per-request, pauses-per-partition-read,
 *             pauses-per-mib-produced: young collections as the broker's work fills eden; pause-work with workers:
 *             a pause lasts until its parallel GC workers have done that CPU on the host's cores, instead of
 *             pause-duration}
 * </pre>
 *
 * Every value is {@code {value: ..., source: "published: | measured: | fit: ..."}} (see {@link Sourced}).
 * CPU costs are durations of one core's time; optional distributions may be {@code none}.
 */
public final class ProfileLoader {
    static final Schema HOST = Schema.fields(NONE, "vcpus", "brokers-per-host", "clients-share-broker-host", "client-vcpus");
    static final Schema CPU = Schema.fields(NONE, "per-request", "per-kib", "per-partition",
                    "fetch-session-per-partition", "tls-per-request", "tls-per-kib", "network-thread-per-request",
                    "per-connection-per-second", "client-per-request", "client-per-record",
                    "network-thread-per-response", "purgatory-complete", "replica-fetcher-per-response", "service-cv",
                    "client-per-response", "background-per-broker", "background-per-request",
                    "background-per-partition", "background-burst", "wakeup-latency", "scheduler-slice", "client-background",
                    "client-background-per-record", "replica-fetcher-per-partition", "network-thread-per-wakeup",
                    "request-handler-per-wakeup", "jit-per-broker", "jit-burst", "client-per-wakeup", "client-per-wakeup-per-partition", "scheduler", "load-balance-interval",
                    "consumer-per-fetch", "network-thread-per-cold-wakeup", "request-handler-per-cold-wakeup",
                    "replica-fetcher-per-cold-wakeup", "cold-wakeup-half-rate", "timer-slack")
            .with("per-request", Schema.named(Schema.VALUE));
    static final Schema NETWORK = Schema.fields(NONE, "same-host-one-way", "same-az-one-way", "cross-az-one-way",
            "nic-bandwidth");
    static final Schema DISK = Schema.fields(NONE, "write-bandwidth", "read-bandwidth", "read-latency",
            "dirty-background", "dirty-limit", "page-cache", "stall-interval", "stall-duration",
            "checkpoint-write", "index-create", "index-create-reference-replicas", "index-create-replica-exponent");
    static final Schema GC = Schema.fields(NONE, "pause-interval", "pause-duration", "pauses-per-request",
            "pauses-per-partition-read", "pauses-per-mib-produced", "pause-work", "workers");
    static final Schema ROOT = Schema.fields(NONE, "name", "description", "testbed", "host", "cpu", "network", "disk",
                    "compression-ratio", "gc")
            .with("testbed", ScenarioSchema.CLUSTER)
            .with("host", HOST)
            .with("cpu", CPU)
            .with("network", NETWORK)
            .with("disk", DISK)
            .with("compression-ratio", Schema.named(Schema.VALUE))
            .with("gc", GC);

    private ProfileLoader() {
    }

    public static Testbed load(Path file) {
        Node tree = YamlReader.read(file, "a hardware profile: a mapping with name, host, cpu, network and disk");
        Map<String, String> sources = new LinkedHashMap<>();
        MapNode values = Sourced.unwrap(Section.requireMap(tree, ""), "", sources);
        Section root = Section.of(values, "", ROOT);
        String name = root.text("name").orElseGet(() -> file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        Section host = required(root, "host", HOST);
        Section cpu = required(root, "cpu", CPU);
        Section net = required(root, "network", NETWORK);
        Section disk = required(root, "disk", DISK);
        Section gc = root.section("gc", GC).orElse(null);
        MapNode testbed = root.section("testbed", ScenarioSchema.CLUSTER).map(Section::node).orElse(new MapNode(root.location()));
        double[] indexScaling = indexCreateScaling(disk);
        try {
            // the pause's own keys first: their message is the more precise one
            HardwareProfile.GcWork gcWork = gc == null ? null : gcWork(gc);
            HardwareProfile hw = new HardwareProfile(
                    name,
                    host.positive("vcpus", 0),
                    host.positive("brokers-per-host", 1),
                    host.bool("clients-share-broker-host", false),
                    cpuCosts(cpu),
                    new HardwareProfile.Network(
                            requiredDistribution(net, "same-host-one-way"),
                            requiredDistribution(net, "same-az-one-way"),
                            requiredDistribution(net, "cross-az-one-way"),
                            bytesPerSecond(net, "nic-bandwidth")),
                    new HardwareProfile.Disk(
                            bytesPerSecond(disk, "write-bandwidth"),
                            bytesPerSecond(disk, "read-bandwidth"),
                            requiredDistribution(disk, "read-latency"),
                            requiredSize(disk, "dirty-background"),
                            requiredSize(disk, "dirty-limit"),
                            requiredSize(disk, "page-cache"),
                            optionalDistribution(disk, "stall-interval"),
                            optionalDistribution(disk, "stall-duration"),
                            optionalDistribution(disk, "checkpoint-write"),
                            optionalDistribution(disk, "index-create"),
                            indexScaling[0], indexScaling[1]),
                    compressionRatios(root),
                    gc == null ? null : optionalDistribution(gc, "pause-interval"),
                    gc == null ? null : optionalDistribution(gc, "pause-duration"),
                    host.positive("client-vcpus", host.positive("vcpus", 0)),
                    hostEffects(cpu).withGcAllocation(gc == null ? null : gcAllocation(gc)).withGcWork(gcWork));
            checkDirtyLimits(disk);
            return new Testbed(file, hw, testbed, sources);
        } catch (ConfigException e) {
            // The records name keys like "cpu.per-kib"; point at that value when the profile has it.
            Location at = KeyPaths.get(values, e.key()).map(Node::location).orElse(root.location());
            throw new ScenarioException(at, e.key(), e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(e.key()) + ": ", ""));
        }
    }

    private static Section required(Section root, String key, Schema schema) {
        return root.section(key, schema).orElseThrow(() -> new ScenarioException(root.location(), key,
                "missing: a profile needs " + key + ": " + String.join(", ", schema.keys())));
    }

    /** The request types the model prices (its ApiKey, named as Kafka's RequestMetrics tag them), and a default. */
    private static Set<String> requestTypes() {
        Set<String> names = new TreeSet<>();
        for (ApiKey k : ApiKey.values()) {
            names.add(k.metricName());
        }
        names.add("default");
        return names;
    }

    private static HardwareProfile.CpuCosts cpuCosts(Section cpu) {
        Map<String, Long> perRequest = new HashMap<>();
        Set<String> types = requestTypes();
        Section requests = required(cpu, "per-request", Schema.named(Schema.VALUE));
        for (MapNode.Entry e : requests.node().entries()) {
            if (!types.contains(e.key())) {
                throw new ScenarioException(e.keyLocation(), requests.path(e.key()), "unknown request type '" + e.key() + "'"
                        + Suggest.nearest(e.key(), types).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; the model prices " + String.join(", ", types)));
            }
            perRequest.put(e.key(), requiredNanos(requests, e.key()));
        }
        return new HardwareProfile.CpuCosts(perRequest,
                requiredNanos(cpu, "per-kib"),
                requiredNanos(cpu, "per-partition"),
                requiredNanos(cpu, "fetch-session-per-partition"),
                requiredNanos(cpu, "tls-per-request"),
                requiredNanos(cpu, "tls-per-kib"),
                requiredNanos(cpu, "network-thread-per-request"),
                requiredNanos(cpu, "per-connection-per-second"),
                requiredNanos(cpu, "client-per-request"),
                requiredNanos(cpu, "client-per-record"),
                requiredNanos(cpu, "network-thread-per-response"),
                requiredNanos(cpu, "purgatory-complete"),
                requiredNanos(cpu, "replica-fetcher-per-response"),
                serviceCv(cpu),
                cpu.has("client-per-response") ? requiredNanos(cpu, "client-per-response") : 0,
                cpu.has("replica-fetcher-per-partition") ? requiredNanos(cpu, "replica-fetcher-per-partition") : 0,
                cpu.has("client-per-wakeup") ? requiredNanos(cpu, "client-per-wakeup") : 0,
                cpu.has("client-per-wakeup-per-partition") ? requiredNanos(cpu, "client-per-wakeup-per-partition") : 0);
    }

    /**
     * Background CPU, the OS wake-up latency and its time slice; every key optional (absent: the effect is left out; no
     * scheduler-slice: processor sharing).
     */
    private static HardwareProfile.HostEffects hostEffects(Section cpu) {
        double cores = cores(cpu, "background-per-broker");
        double clientCores = cores(cpu, "client-background");
        double clientPerRecord = cpu.has("client-background-per-record") ? requiredNanos(cpu, "client-background-per-record") : 0;
        double perRequest = cpu.has("background-per-request") ? requiredNanos(cpu, "background-per-request") : 0;
        double perPartition = cpu.has("background-per-partition") ? requiredNanos(cpu, "background-per-partition") : 0;
        double burst = cpu.has("background-burst") ? requiredNanos(cpu, "background-burst") : 1_000_000;
        if (!(burst > 0)) {
            throw cpu.error("background-burst", "expected a positive duration such as 2ms");
        }
        Distribution wakeup = cpu.has("wakeup-latency") ? optionalDistribution(cpu, "wakeup-latency") : null;
        long slice = 0;
        if (cpu.has("scheduler-slice")) {
            cpu.requiredText("scheduler-slice", "a duration such as 1.5ms");
            slice = cpu.duration("scheduler-slice").getAsLong();
            if (slice < 0) {
                throw cpu.error("scheduler-slice", "expected a non-negative duration such as 1.5ms (0: processor sharing), got '"
                        + cpu.text("scheduler-slice").orElseThrow() + "'");
            }
        }
        SchedulerPolicy scheduler = SchedulerPolicy.ROUND_ROBIN;
        if (cpu.has("scheduler")) {
            String name = cpu.requiredText("scheduler", "round-robin or eevdf");
            scheduler = switch (name) {
                case "round-robin" -> SchedulerPolicy.ROUND_ROBIN;
                case "eevdf" -> SchedulerPolicy.EEVDF;
                default -> throw cpu.error("scheduler", "expected round-robin or eevdf, got '" + name + "'");
            };
            if (slice == 0) {
                throw cpu.error("scheduler", "picks threads for time slices: set scheduler-slice too (such as 1.5ms); "
                        + "without it the cores are shared by processor sharing");
            }
        }
        long balance = 0;
        if (cpu.has("load-balance-interval")) {
            cpu.requiredText("load-balance-interval", "a duration such as 32ms");
            balance = cpu.duration("load-balance-interval").getAsLong();
            if (balance <= 0) {
                throw cpu.error("load-balance-interval", "expected a positive duration such as 32ms, got '"
                        + cpu.text("load-balance-interval").orElseThrow() + "'");
            }
            if (scheduler != SchedulerPolicy.EEVDF) {
                throw cpu.error("load-balance-interval", "balances a run queue per core, which the eevdf scheduler keeps: set "
                        + "scheduler: eevdf and scheduler-slice too");
            }
        }
        long timerSlack = optionalNanos(cpu, "timer-slack");
        if (timerSlack > 0 && wakeup == null) {
            throw cpu.error("timer-slack", "is paid beside the wake-up latency by threads waking from a timed wait: set "
                    + "wakeup-latency too");
        }
        return new HardwareProfile.HostEffects(cores, perRequest, perPartition, burst, wakeup, clientCores, clientPerRecord,
                slice, optionalNanos(cpu, "network-thread-per-wakeup"), optionalNanos(cpu, "request-handler-per-wakeup"),
                cores(cpu, "jit-per-broker"), cpu.has("jit-burst") ? optionalDistribution(cpu, "jit-burst") : null,
                scheduler, null, optionalNanos(cpu, "consumer-per-fetch"), balance, coldWakeups(cpu), null, timerSlack);
    }

    /** The extra CPU of broker threads' wake-ups after long sleeps (all optional; any of them needs the time constant). */
    private static HardwareProfile.ColdWakeups coldWakeups(Section cpu) {
        String[] keys = {"network-thread-per-cold-wakeup", "request-handler-per-cold-wakeup", "replica-fetcher-per-cold-wakeup"};
        long[] v = new long[keys.length];
        String set = null;
        for (int i = 0; i < keys.length; i++) {
            v[i] = optionalNanos(cpu, keys[i]);
            if (v[i] > 0 && set == null) {
                set = keys[i];
            }
        }
        double half = 0;
        if (cpu.has("cold-wakeup-half-rate")) {
            cpu.requiredText("cold-wakeup-half-rate", "a rate of wake-ups such as 100/s");
            half = cpu.parsed("cold-wakeup-half-rate", ProfileLoader::perSecond).orElseThrow();
        } else if (set != null) {
            throw cpu.error(set, "needs cold-wakeup-half-rate too: a thread's wake-ups per second at which it pays half of "
                    + "its cold cost (such as 100/s)");
        }
        return set == null ? HardwareProfile.ColdWakeups.NONE : new HardwareProfile.ColdWakeups(v[0], v[1], v[2], half);
    }

    /** A positive rate written as a number per second, such as {@code 100/s}. */
    private static double perSecond(String text) {
        String s = text.trim();
        if (s.endsWith("/s")) {
            try {
                double v = Double.parseDouble(s.substring(0, s.length() - 2).trim());
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("expected a positive rate per second such as 100/s, got '" + text + "'");
    }

    /** Young collections per unit of the broker's work, or null when the profile gives none (gc section). */
    private static HardwareProfile.GcAllocation gcAllocation(Section gc) {
        String[] keys = {"pauses-per-request", "pauses-per-partition-read", "pauses-per-mib-produced"};
        double[] v = new double[keys.length];
        boolean any = false;
        for (int i = 0; i < keys.length; i++) {
            if (gc.has(keys[i])) {
                any = true;
                String text = gc.requiredText(keys[i], "a number of collections such as 0.0004");
                try {
                    v[i] = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw gc.error(keys[i], "expected a number of collections such as 0.0004, got '" + text + "'");
                }
            }
        }
        if (!any) {
            return null;
        }
        if (!gc.has("pause-duration") && !gc.has("pause-work")) {
            throw gc.error(keys[0], "collections driven by the broker's work need gc.pause-duration, how long each one stops it "
                    + "(or gc.pause-work, the CPU its GC workers spend)");
        }
        return new HardwareProfile.GcAllocation(v[0], v[1], v[2]);
    }

    /** A pause as its GC workers' CPU (gc.pause-work with gc.workers), or null when the profile gives none. */
    private static HardwareProfile.GcWork gcWork(Section gc) {
        if (!gc.has("pause-work")) {
            if (gc.has("workers")) {
                throw gc.error("workers", "GC workers need gc.pause-work, the CPU they spend on one pause");
            }
            return null;
        }
        if (!gc.has("workers")) {
            throw gc.error("pause-work", "a pause's CPU needs gc.workers, how many parallel GC workers share it (the JVM's "
                    + "ParallelGCThreads)");
        }
        return new HardwareProfile.GcWork(requiredDistribution(gc, "pause-work"), gc.positive("workers", 1));
    }

    /** disk.index-create-reference-replicas and -replica-exponent, both or neither ({0, 0}: no scaling). */
    private static double[] indexCreateScaling(Section disk) {
        boolean ref = disk.has("index-create-reference-replicas");
        boolean exp = disk.has("index-create-replica-exponent");
        if (!ref && !exp) {
            return new double[] {0, 0};
        }
        if (!ref) {
            throw disk.error("index-create-replica-exponent", "scaling index creation by the replicas a broker holds needs "
                    + "disk.index-create-reference-replicas too, the replica count its draws are for");
        }
        if (!exp) {
            throw disk.error("index-create-reference-replicas", "scaling index creation by the replicas a broker holds needs "
                    + "disk.index-create-replica-exponent too, such as 0.4");
        }
        if (!disk.has("index-create")) {
            throw disk.error("index-create-reference-replicas", "scales disk.index-create, which this profile does not give");
        }
        disk.requiredText("index-create-reference-replicas", "a number of replicas such as 60");
        disk.requiredText("index-create-replica-exponent", "an exponent such as 0.4");
        double r = disk.number("index-create-reference-replicas", 0);
        double e = disk.number("index-create-replica-exponent", 0);
        if (!(r > 0)) {
            throw disk.error("index-create-reference-replicas", "expected a positive number of replicas, got " + r);
        }
        if (!(e >= 0 && e <= 2)) {
            throw disk.error("index-create-replica-exponent", "expected an exponent from 0 to 2, got " + e);
        }
        return new double[] {r, e};
    }

    /** A number of cores, 0 when the key is absent. */
    private static double cores(Section cpu, String key) {
        if (!cpu.has(key)) {
            return 0;
        }
        cpu.requiredText(key, "a number of cores such as 0.07");
        double cores = cpu.number(key, 0);
        if (!(cores >= 0) || cores > 1024) {
            throw cpu.error(key, "expected a number of cores from 0 up, got " + cores);
        }
        return cores;
    }

    /** The coefficient of variation of every CPU cost: a plain number, 0 for deterministic costs. */
    private static double serviceCv(Section cpu) {
        cpu.requiredText("service-cv", "a coefficient of variation such as 0.5 (0: deterministic costs)");
        double cv = cpu.number("service-cv", 0);
        if (!(cv >= 0) || cv > 10) {
            throw cpu.error("service-cv", "expected a coefficient of variation from 0 to 10, got " + cv);
        }
        return cv;
    }

    private static Map<CompressionType, Double> compressionRatios(Section root) {
        Map<CompressionType, Double> ratios = new EnumMap<>(CompressionType.class);
        Section s = root.section("compression-ratio", Schema.named(Schema.VALUE)).orElse(null);
        if (s == null) {
            return ratios;
        }
        for (MapNode.Entry e : s.node().entries()) {
            CompressionType codec;
            try {
                codec = CompressionType.parse(e.key());
            } catch (ConfigException ex) {
                throw new ScenarioException(e.keyLocation(), s.path(e.key()), ex.getMessage());
            }
            double r = s.number(e.key(), Double.NaN);
            if (!(r > 0) || r > 1.1) {
                throw s.error(e.key(), "a compression ratio is compressed/uncompressed size, in (0, 1.1], got " + r);
            }
            ratios.put(codec, r);
        }
        return ratios;
    }

    private static void checkDirtyLimits(Section disk) {
        long background = disk.size("dirty-background", 0);
        long limit = disk.size("dirty-limit", 0);
        long cache = disk.size("page-cache", 0);
        if (background > limit) {
            throw disk.error("dirty-background", "is larger than dirty-limit (" + limit + " bytes)");
        }
        if (limit > cache) {
            throw disk.error("dirty-limit", "is larger than page-cache (" + cache + " bytes)");
        }
    }

    private static long optionalNanos(Section s, String key) {
        return s.has(key) ? requiredNanos(s, key) : 0;
    }

    private static long requiredNanos(Section s, String key) {
        s.requiredText(key, "a duration such as 50us");
        return s.duration(key).getAsLong();
    }

    private static long requiredSize(Section s, String key) {
        s.requiredText(key, "a size such as 2GiB");
        return s.size(key, 0);
    }

    private static double bytesPerSecond(Section s, String key) {
        s.requiredText(key, "a bandwidth such as 80MB/s or 10Gbit/s");
        Rate r = s.rate(key).orElseThrow();
        if (r.kind() != Rate.Kind.BYTES || !(r.perSecond() > 0)) {
            throw s.error(key, "expected a positive bandwidth in bytes or bits per second, got '" + s.text(key).orElseThrow() + "'");
        }
        return r.perSecond();
    }

    private static Distribution requiredDistribution(Section s, String key) {
        s.requiredText(key, "a distribution such as lognormal(mean=150us, cv=0.5)");
        Distribution d = optionalDistribution(s, key);
        if (d == null) {
            throw s.error(key, "is required; 'none' is allowed only for stall and gc pauses");
        }
        return d;
    }

    /** A distribution, or null for "none" (the phenomenon is left out). */
    private static Distribution optionalDistribution(Section s, String key) {
        if (s.text(key).map(t -> t.trim().toLowerCase(Locale.ROOT).equals("none")).orElse(true)) {
            return null;
        }
        return s.distribution(key).orElseThrow();
    }
}
