package org.isoband.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./isoband} launcher in a copy of the tree, with {@code mvn} and {@code java} on its
 * PATH replaced by scripts that log how they were called: it builds when the jar is missing or older than a
 * source, and otherwise runs the jar straight away.
 */
class LauncherTest {
    @TempDir
    Path tree;
    Path log;
    Path jar;
    Path source;

    @BeforeEach
    void copyTheLauncherIntoATree() throws IOException {
        Files.copy(Path.of("..", "isoband"), tree.resolve("isoband"));
        log = tree.resolve("calls.log");
        Path bin = Files.createDirectories(tree.resolve("fake-bin"));
        script(bin.resolve("mvn"), "echo \"mvn $*\" >> " + log + "\nmkdir -p app/target && echo jar > app/target/isoband.jar\n");
        script(bin.resolve("java"), "echo \"java $*\" >> " + log + "\n");
        jar = tree.resolve("app/target/isoband.jar");
        source = tree.resolve("app/src/main/java/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Main {}");
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String launch() throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("isoband").toString(), "--version")
                .directory(tree.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", tree.resolve("fake-bin") + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Files.readString(log) + out;
    }

    private static void age(Path file, int secondsAgo) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @Test
    void buildsAMissingJarWithMavensProgressThenRunsIt() throws Exception {
        String calls = launch();

        assertThat(calls).contains("mvn -B -ntp -DskipTests -pl app -am package", "java -jar " + jar + " --version",
                "isoband: building " + jar).doesNotContain(" -q ");
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJar() throws Exception {
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "old jar");
        age(jar, 60);
        age(tree.resolve("pom.xml"), 120);

        assertThat(launch()).contains("sources changed since", "mvn -B -ntp -DskipTests", "java -jar");
    }

    @Test
    void runsAnUpToDateJarWithoutMaven() throws Exception {
        age(source, 120);
        age(tree.resolve("pom.xml"), 120);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "fresh jar");

        assertThat(launch()).doesNotContain("mvn").contains("java -jar " + jar + " --version");
    }
}
