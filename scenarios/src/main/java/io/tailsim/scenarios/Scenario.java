package io.tailsim.scenarios;

import io.tailsim.models.config.ClusterSpec;
import io.tailsim.models.config.PhaseChange;
import io.tailsim.scenarios.omb.OmbLoader;
import io.tailsim.scenarios.profile.ProfileLoader;
import io.tailsim.scenarios.profile.Testbed;
import io.tailsim.scenarios.schema.KeyPaths;
import io.tailsim.scenarios.schema.ScenarioMapper;
import io.tailsim.scenarios.schema.ScenarioSchema;
import io.tailsim.scenarios.schema.Section;
import io.tailsim.scenarios.yaml.ListNode;
import io.tailsim.scenarios.yaml.Location;
import io.tailsim.scenarios.yaml.MapNode;
import io.tailsim.scenarios.yaml.Node;
import io.tailsim.scenarios.yaml.ScalarNode;
import io.tailsim.scenarios.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded, validated scenario: the {@link ClusterSpec} the model runs, how many replications, the
 * phases inside the run, and the sweep axes around it. Loading checks everything, every sweep point
 * included, so a mistake surfaces as a {@link ScenarioException} before anything runs.
 *
 * <pre>{@code
 * Scenario s = Scenario.load(Path.of("scenarios/catalog/quickstart.yaml"));
 * ClusterSpec spec = s.spec();
 * for (SweepPoint p : s.sweepPoints()) { ClusterSpec at = s.at(p).spec(); ... }
 * }</pre>
 *
 * A sweep point or an override is applied to the YAML tree and the result mapped again, so one
 * validation path serves the base scenario, every sweep point and every command-line override.
 */
public final class Scenario {
    private static final String WHAT = "a scenario: a mapping with profile, topics, producers, duration, ...";

    private final Path file;
    private final MapNode tree;
    private final List<SweepAxis> axes;
    private final ScenarioMapper.Mapped mapped;
    private final List<String> notes;
    private final Map<Path, Testbed> profiles;

    private Scenario(Path file, MapNode tree, List<SweepAxis> axes, List<String> notes, Map<Path, Testbed> profiles) {
        this.file = file;
        this.tree = tree;
        this.axes = List.copyOf(axes);
        this.notes = List.copyOf(notes);
        this.profiles = profiles;
        this.mapped = new ScenarioMapper(p -> profiles.computeIfAbsent(p, ProfileLoader::load)).map(tree);
    }

    /** Loads and validates a scenario file (which may reference OMB files with {@code omb: {workload, driver}}). */
    public static Scenario load(Path file) {
        MapNode root = Section.requireMap(YamlReader.read(file, WHAT), "");
        Section top = Section.of(root, "", ScenarioSchema.ROOT);
        List<String> notes = new ArrayList<>();
        MapNode effective = root.copy();
        Optional<Section> omb = top.section("omb", ScenarioSchema.OMB);
        if (omb.isPresent()) {
            OmbLoader.Expanded expanded = OmbLoader.expand(relativeFile(omb.get(), "workload"), relativeFile(omb.get(), "driver"));
            notes.addAll(expanded.notes());
            effective = KeyPaths.overlay(expanded.tree(), without(root, "omb"));
        }
        List<SweepAxis> axes = axes(top);
        Scenario base = new Scenario(file, without(effective, "sweep"), axes, notes, new ConcurrentHashMap<>());
        for (SweepPoint p : base.sweepPoints()) {
            base.at(p);
        }
        return base;
    }

    /** An OMB workload and Kafka driver file run on the testbed of {@code profile}. */
    public static Scenario fromOmb(Path workload, Path driver, Path profile) {
        OmbLoader.Expanded expanded = OmbLoader.expand(workload, driver);
        MapNode tree = expanded.tree();
        Location at = new Location(workload, 1, 1);
        tree.put(new MapNode.Entry("profile", at, new ScalarNode(profile.toAbsolutePath().toString(), ScalarNode.Type.STRING, at)));
        return new Scenario(workload, tree, List.of(), expanded.notes(), new ConcurrentHashMap<>());
    }

    private static Path relativeFile(Section omb, String key) {
        String path = omb.requiredText(key, "the OMB " + key + " file, relative to this scenario");
        Path base = omb.locate(key).file().toAbsolutePath().getParent();
        Path f = ShortPaths.shorten(base.resolve(path).normalize());
        if (!Files.isRegularFile(f)) {
            throw omb.error(key, "OMB " + key + " file not found: " + f);
        }
        return f;
    }

    private static MapNode without(MapNode m, String key) {
        MapNode out = new MapNode(m.location());
        for (MapNode.Entry e : m.entries()) {
            if (!e.key().equals(key)) {
                out.put(new MapNode.Entry(e.key(), e.keyLocation(), e.value().copy()));
            }
        }
        return out;
    }

    private static List<SweepAxis> axes(Section top) {
        Optional<ListNode> list = top.list("sweep");
        List<SweepAxis> axes = new ArrayList<>();
        if (list.isEmpty()) {
            return axes;
        }
        int i = 0;
        for (Node item : list.get().items()) {
            Section a = Section.of(item, "sweep[" + i++ + "]", ScenarioSchema.SWEEP_AXIS);
            String key = a.requiredText("key", "the key path to vary, e.g. producers.main.count");
            ListNode values = a.list("values").orElseThrow(() -> new ScenarioException(a.location(), a.path("values"),
                    "missing: the values the key takes, e.g. values: [90, 900]"));
            if (values.items().isEmpty()) {
                throw a.error("values", "needs at least one value");
            }
            if (key.equals("sweep") || key.startsWith("sweep.") || key.equals("phases") || key.startsWith("phases.")) {
                throw a.error("key", "cannot sweep '" + key + "'");
            }
            axes.add(new SweepAxis(key, values.items(), a.locate("key")));
        }
        return axes;
    }

    /** The file this scenario was loaded from (the workload file for {@link #fromOmb}). */
    public Path file() {
        return file;
    }

    /** The file name without .yaml: "producers-90". */
    public String name() {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    public String description() {
        return mapped.description();
    }

    /** The cluster, workload, duration, warm-up, phases and seed of one run. */
    public ClusterSpec spec() {
        return mapped.spec();
    }

    public List<PhaseChange> phases() {
        return mapped.spec().phases();
    }

    public int replications() {
        return mapped.replications();
    }

    public long seed() {
        return mapped.spec().seed();
    }

    /** The hardware profile and where each of its numbers came from. */
    public Testbed testbed() {
        return mapped.testbed();
    }

    /** Settings read from OMB files that the model does not use, with their file and line. */
    public List<String> notes() {
        return notes;
    }

    public List<SweepAxis> sweepAxes() {
        return axes;
    }

    /** Every combination of the axes' values, the first axis varying slowest; empty without a sweep. */
    public List<SweepPoint> sweepPoints() {
        List<SweepPoint> points = new ArrayList<>();
        if (axes.isEmpty()) {
            return points;
        }
        int total = 1;
        for (SweepAxis a : axes) {
            total = Math.multiplyExact(total, a.values().size());
        }
        for (int i = 0; i < total; i++) {
            List<SweepPoint.Assignment> as = new ArrayList<>();
            int rest = i;
            int stride = total;
            for (SweepAxis a : axes) {
                stride /= a.values().size();
                as.add(new SweepPoint.Assignment(a.key(), a.values().get(rest / stride), a));
                rest %= stride;
            }
            points.add(new SweepPoint(i, as));
        }
        return points;
    }

    /** The scenario at one sweep point (itself without sweep axes), validated. */
    public Scenario at(SweepPoint point) {
        MapNode copy = tree.copy();
        for (SweepPoint.Assignment a : point.assignments()) {
            KeyPaths.set(copy, a.key(), a.value().copy(), a.axis().location());
        }
        return new Scenario(file, copy, List.of(), notes, profiles);
    }

    /**
     * This scenario with {@code keyPath} set to {@code yamlValue} (parsed as YAML: "900", "5ms",
     * "{key-bytes: 4, value-bytes: 512}"), as a command-line override would set it. Errors name
     * "command line" as their file.
     */
    public Scenario with(String keyPath, String yamlValue) {
        Path origin = Path.of("command line");
        Node value = YamlReader.parse(yamlValue, origin, "a value for " + keyPath);
        MapNode copy = tree.copy();
        KeyPaths.set(copy, keyPath, value, new Location(origin, 1, 1));
        return new Scenario(file, copy, axes, notes, profiles);
    }

    @Override
    public String toString() {
        return "Scenario[" + file + "]";
    }
}
