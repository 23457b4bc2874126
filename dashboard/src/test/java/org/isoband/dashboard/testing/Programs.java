package org.isoband.dashboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real programs that tests start (mosquitto, PostgreSQL, Chromium): found on this machine, or the test is
 * skipped with a message saying what to install, except under CI=true, where a missing program fails the test.
 */
public final class Programs {
    private Programs() {
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The first of {@code candidates} that is an executable file, or a skip (a failure under CI). */
    public static Path require(String debianPackage, String... candidates) {
        // -Disoband.test.missing=chromium,postgresql: as if those were not installed (to see the skips).
        boolean hidden = java.util.List.of(System.getProperty("isoband.test.missing", "").split(",")).contains(debianPackage);
        Optional<Path> found = hidden ? Optional.empty() : find(candidates);
        if (found.isEmpty()) {
            String message = "needs " + String.join(" or ", candidates) + " (Debian package " + debianPackage + ")";
            if (ci()) {
                throw new AssertionError(message + ", which CI must have");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return found.get();
    }

    public static Optional<Path> find(String... candidates) {
        return Arrays.stream(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
