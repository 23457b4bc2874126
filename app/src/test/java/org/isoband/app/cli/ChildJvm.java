package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The isoband command line in a JVM of its own: what a user's terminal shows (logging set up from scratch, the
 * real standard streams), and, with {@link #asUnprivileged}, file permissions as a service user meets them.
 * Tests run as root here, and root reads and writes anything: the child then runs without the capabilities that
 * override file permissions (setpriv, util-linux), so a chmod 000 file is unreadable to it.
 */
final class ChildJvm {
    private static final List<String> NO_OVERRIDE = List.of("/usr/bin/setpriv",
            "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "--");

    private ChildJvm() {
    }

    static CliRun run(String input, String... args) throws IOException, InterruptedException {
        return start(List.of(), input, args);
    }

    /** As {@link #run}, where file permissions apply (as they do to any user but root). */
    static CliRun asUnprivileged(String input, String... args) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !Files.isExecutable(Path.of(NO_OVERRIDE.get(0)))) {
            String message = "needs setpriv (Debian package util-linux) to drop root's file permission override";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ", which CI must have");
            }
            Assumptions.abort(message);
        }
        return start(root ? NO_OVERRIDE : List.of(), input, args);
    }

    private static CliRun start(List<String> prefix, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IsobandCommand.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("isoband-child", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("isoband " + String.join(" ", args) + " ended").isTrue();
            return new CliRun(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
