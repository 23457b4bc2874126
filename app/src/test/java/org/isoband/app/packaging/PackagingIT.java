package org.isoband.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install tarball (built in the package phase), its systemd unit and its install script. */
class PackagingIT {
    private static final Path PACKAGING = Path.of("..", "packaging");

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    @Test
    void theTarballHoldsWhatInstallShNeeds(@TempDir Path dir) throws Exception {
        List<Path> tarballs = new ArrayList<>();
        try (var files = Files.list(Path.of("target"))) {
            files.filter(p -> p.getFileName().toString().matches("isoband-.*\\.tar\\.gz")).forEach(tarballs::add);
        }
        assertThat(tarballs).hasSize(1);

        run(dir, "tar", "xzf", tarballs.get(0).toAbsolutePath().toString());

        Path root;
        try (var entries = Files.list(dir)) {
            root = entries.findFirst().orElseThrow();
        }
        for (String file : List.of("lib/isoband.jar", "bin/isoband", "install.sh", "systemd/isoband.service",
                "isoband.example.yaml", "docs/install.md", "docs/troubleshooting.md")) {
            assertThat(root.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.isExecutable(root.resolve("install.sh"))).isTrue();
        assertThat(Files.isExecutable(root.resolve("bin/isoband"))).isTrue();
        run(root, "bash", "-n", "install.sh");
        String version = run(root, "java", "-jar", "lib/isoband.jar", "--version");
        assertThat(version).startsWith("isoband ");
    }

    @Test
    void theSystemdUnitVerifies(@TempDir Path dir) throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/systemd-analyze"));
        if (!available) {
            System.out.println("PackagingIT: systemd-analyze is not installed: the unit is not verified");
            assertThat(System.getenv("CI")).as("CI must verify the unit (.ci/run installs systemd)").isNotEqualTo("true");
        }
        assumeTrue(available, "systemd-analyze is not installed");
        // The unit names /opt/isoband/bin/isoband, which exists only once installed: verify everything else.
        String unit = Files.readString(PACKAGING.resolve("systemd/isoband.service"))
                .replace("ExecStart=/opt/isoband/bin/isoband", "ExecStart=/bin/true");
        Path copy = dir.resolve("isoband.service");
        Files.writeString(copy, unit);

        String out = run(dir, "systemd-analyze", "verify", copy.toString());

        assertThat(out).as("systemd-analyze warnings").isBlank();
        assertThat(unit).contains("Restart=on-failure", "User=isoband", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "SupplementaryGroups=bluetooth gpio i2c video", "-Xmx64m");
    }
}
