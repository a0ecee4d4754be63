package io.tailsim.validation.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClasspathTest {
    @TempDir
    Path dir;

    private Path jar(Path path, String classPath, String... entries) throws IOException {
        Files.createDirectories(path.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String e : entries) {
                j.putNextEntry(new JarEntry(e));
                j.closeEntry();
            }
        }
        return path;
    }

    @Test
    void expandsAManifestClassPathRelativeToTheJarRecursivelyAndOnce() throws IOException {
        Path kafka = jar(dir.resolve("app/lib/kafka_2.13-4.4.0.jar"), null, KafkaClasspath.KAFKA_MAIN);
        Path nested = jar(dir.resolve("app/lib/nested.jar"), "deep.jar kafka_2.13-4.4.0.jar");
        Path deep = jar(dir.resolve("app/lib/deep.jar"), null);
        Path elsewhere = jar(dir.resolve("other place/abs.jar"), null);
        Path app = jar(dir.resolve("app/tailsim.jar"),
                "lib/kafka_2.13-4.4.0.jar lib/nested.jar lib/missing.jar " + elsewhere.toUri() + " lib/kafka_2.13-4.4.0.jar");

        List<Path> cp = KafkaClasspath.expand(app.toString());

        assertThat(cp).containsExactly(app, kafka, nested, deep, elsewhere);
        assertThat(KafkaClasspath.holds(kafka, KafkaClasspath.KAFKA_MAIN)).isTrue();
        assertThat(KafkaClasspath.holds(app, KafkaClasspath.KAFKA_MAIN)).isFalse();
    }

    @Test
    void keepsPlainEntriesInOrderAndDropsMissingOnes() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/kafka"));
        Files.createFile(classes.resolve("Kafka.class"));
        Path a = jar(dir.resolve("a.jar"), null);
        String cp = dir.resolve("classes") + ":" + dir.resolve("nope.jar") + "::" + a;
        assertThat(KafkaClasspath.expand(cp)).containsExactly(dir.resolve("classes"), a);
        assertThat(KafkaClasspath.holds(dir.resolve("classes"), KafkaClasspath.KAFKA_MAIN)).isTrue();
    }

    @Test
    void thisJvmsClasspathCarriesTheBrokerAndItsLauncher() {
        List<Path> cp = KafkaClasspath.forBrokers();
        assertThat(cp).anyMatch(p -> KafkaClasspath.holds(p, KafkaClasspath.KAFKA_MAIN));
        assertThat(cp).anyMatch(p -> KafkaClasspath.holds(p, KafkaClasspath.LAUNCHER));
        assertThat(KafkaClasspath.join(cp)).contains("kafka_2.13-4.4.0.jar").contains("log4j-core-2.25.5.jar");
    }
}
