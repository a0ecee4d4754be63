package io.tailsim.validation.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The classpath for a broker JVM, taken from this JVM's own. Under Maven it is the module's runtime classpath; the CLI runs
 * from one jar whose manifest Class-Path lists lib/*.jar, and Surefire may run tests from a manifest-only booter jar: so
 * jars' manifest Class-Path entries are expanded (relative to the jar, recursively, as the JVM does).
 */
public final class KafkaClasspath {
    /** kafka.Kafka, the broker's main class, is in org.apache.kafka:kafka_2.13. */
    static final String KAFKA_MAIN = "kafka/Kafka.class";
    /** Without log4j-core the broker logs nothing and "Kafka Server started" never appears. */
    static final String LOG4J_CORE = "org/apache/logging/log4j/core/LoggerContext.class";

    /** The broker launcher, from this module. */
    static final String LAUNCHER = LoopbackJmx.class.getName().replace('.', '/') + ".class";

    private KafkaClasspath() {
    }

    /** This JVM's classpath, expanded and checked to hold Kafka's broker and log4j-core. */
    public static List<Path> forBrokers() {
        String javaClassPath = System.getProperty("java.class.path", "");
        List<Path> cp = expand(javaClassPath);
        for (String resource : List.of(KAFKA_MAIN, LOG4J_CORE, LAUNCHER)) {
            if (cp.stream().noneMatch(p -> holds(p, resource)))
                throw new IllegalStateException("the classpath lacks " + resource + " (brokers need kafka_2.13, kafka-server, log4j-core and this module's classes on it): "
                        + cp.size() + " entries expanded from java.class.path=" + javaClassPath);
        }
        return cp;
    }

    public static String join(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Entries in order, absolute, de-duplicated, with every jar's manifest Class-Path inserted after it; missing files dropped. */
    public static List<Path> expand(String classPath) {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) add(Path.of(e).toAbsolutePath().normalize(), out);
        }
        return List.copyOf(out);
    }

    private static void add(Path p, Set<Path> out) {
        if (!Files.exists(p) || !out.add(p)) return;
        if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
            for (Path dep : manifestClassPath(p)) add(dep, out);
        }
    }

    /** A jar's manifest Class-Path: space-separated URLs relative to the jar's own URL. */
    static List<Path> manifestClassPath(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp == null || cp.isBlank()) return List.of();
            URI base = jar.toUri();
            List<Path> r = new ArrayList<>();
            for (String entry : cp.trim().split("\\s+")) {
                URI u;
                try {
                    u = base.resolve(entry);
                } catch (IllegalArgumentException notAUri) {
                    // Hand-written manifests sometimes hold plain paths with characters a URI must escape.
                    r.add(jar.resolveSibling(entry).normalize());
                    continue;
                }
                if ("file".equals(u.getScheme())) r.add(Path.of(u).normalize());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }

    static boolean holds(Path entry, String resource) {
        if (Files.isDirectory(entry)) return Files.isRegularFile(entry.resolve(resource));
        if (!Files.isRegularFile(entry)) return false;
        try (JarFile jf = new JarFile(entry.toFile())) {
            return jf.getJarEntry(resource) != null;
        } catch (IOException notAJar) {
            return false;
        }
    }
}
