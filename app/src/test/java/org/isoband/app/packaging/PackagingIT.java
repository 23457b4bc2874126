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

    private static Path tarball() throws IOException {
        List<Path> tarballs = new ArrayList<>();
        try (var files = Files.list(Path.of("target"))) {
            files.filter(p -> p.getFileName().toString().matches("isoband-.*\\.tar\\.gz")).forEach(tarballs::add);
        }
        assertThat(tarballs).hasSize(1);
        return tarballs.get(0).toAbsolutePath();
    }

    /** The tarball unpacked into {@code dir}: its one top folder. */
    private static Path unpack(Path dir) throws Exception {
        run(dir, "tar", "xzf", tarball().toString());
        try (var entries = Files.list(dir)) {
            return entries.findFirst().orElseThrow();
        }
    }

    @Test
    void theTarballComesWithItsSha256InTheFormatSha256sumChecks() throws Exception {
        Path tarball = tarball();
        Path sum = tarball.resolveSibling(tarball.getFileName() + ".sha256");

        assertThat(Files.readString(sum)).matches("[0-9a-f]{64} \\*" + java.util.regex.Pattern.quote(
                tarball.getFileName().toString()) + "\\s*");
        assertThat(run(tarball.getParent(), "sha256sum", "-c", sum.getFileName().toString())).contains(": OK");
    }

    @Test
    void installShLaysEverythingOutInAThrowawayRoot(@TempDir Path dir) throws Exception {
        Path pkg = unpack(Files.createDirectory(dir.resolve("pkg")));
        Path root = Files.createDirectory(dir.resolve("root"));

        String out = run(pkg, "bash", "install.sh", "--root", root.toString());

        assertThat(out).contains("wrote /etc/isoband/isoband.yaml (dashboard on the LAN with a new token)");
        assertThat(root.resolve("opt/isoband/lib/isoband.jar")).isRegularFile();
        assertThat(Files.isExecutable(root.resolve("opt/isoband/bin/isoband"))).isTrue();
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/isoband"))).isEqualTo(Path.of("/opt/isoband/bin/isoband"));
        assertThat(Files.readString(root.resolve("etc/group"))).contains("isoband:x:");
        // The service's group may write the configuration and its folder (calibrate saves there); others see nothing.
        Path config = root.resolve("etc/isoband/isoband.yaml");
        assertThat(mode(config)).isEqualTo("rw-rw----");
        assertThat(mode(root.resolve("etc/isoband"))).isEqualTo("rwxrwxr-x");
        String yaml = Files.readString(config);
        assertThat(yaml).containsPattern("(?m)^  bind: 0\\.0\\.0\\.0 ").containsPattern("(?m)^  token: [0-9a-f]{32} ");
        assertThat(root.resolve("etc/systemd/system/isoband.service")).isRegularFile();
        assertThat(root.resolve("etc/systemd/system/isoband-dashboard.service")).isRegularFile();
        if (Files.isExecutable(Path.of("/usr/bin/systemctl"))) {
            assertThat(root.resolve("etc/systemd/system/multi-user.target.wants/isoband.service")).isSymbolicLink();
            assertThat(root.resolve("etc/systemd/system/multi-user.target.wants/isoband-dashboard.service")).isSymbolicLink();
        }

        // What it wrote is a configuration the gateway accepts, and a second run keeps it (the token too).
        String check = run(pkg, "java", "-jar", "lib/isoband.jar", "config", "check", config.toString());
        assertThat(check).contains(config + ": OK");
        run(pkg, "bash", "install.sh", "--root", root.toString());
        assertThat(Files.readString(config)).isEqualTo(yaml);
    }

    @Test
    void installShForTheDesktopStartsTheTrainerWithTheSessionFullScreen(@TempDir Path dir) throws Exception {
        Path pkg = unpack(Files.createDirectory(dir.resolve("pkg")));
        Path root = Files.createDirectory(dir.resolve("root"));

        run(pkg, "bash", "install.sh", "--desktop", "--root", root.toString());

        assertThat(Files.readString(root.resolve("etc/xdg/autostart/isoband.desktop")))
                .contains("Exec=/opt/isoband/bin/isoband run --config /etc/isoband/isoband.yaml");
        assertThat(Files.readString(root.resolve("etc/isoband/isoband.yaml"))).containsPattern("(?m)^  output: fullscreen ");
        assertThat(root.resolve("etc/systemd/system/multi-user.target.wants/isoband.service")).doesNotExist();
    }

    private static String mode(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theTarballHoldsWhatInstallShNeeds(@TempDir Path dir) throws Exception {
        Path root = unpack(dir);
        for (String file : List.of("lib/isoband.jar", "bin/isoband", "install.sh", "systemd/isoband.service",
                "systemd/isoband-dashboard.service", "desktop/isoband.desktop",
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
    void theSystemdUnitsVerify(@TempDir Path dir) throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/systemd-analyze"));
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("systemd-analyze is not installed (Debian package systemd), which CI must have");
        }
        assumeTrue(available, "systemd-analyze is not installed (Debian package systemd)");
        for (String name : List.of("isoband.service", "isoband-dashboard.service")) {
            // The units name /opt/isoband/bin/isoband, which exists only once installed: verify everything else.
            String unit = Files.readString(PACKAGING.resolve("systemd").resolve(name))
                    .replace("ExecStart=/opt/isoband/bin/isoband", "ExecStart=/bin/true");
            Path copy = dir.resolve(name);
            Files.writeString(copy, unit);

            String out = run(dir, "systemd-analyze", "verify", copy.toString());

            assertThat(out).as(name + ": systemd-analyze warnings").isBlank();
            assertThat(unit).contains("Restart=on-failure", "User=isoband", "NoNewPrivileges=yes", "ProtectSystem=strict",
                    "RestartPreventExitStatus=2");
        }
        assertThat(Files.readString(PACKAGING.resolve("systemd/isoband.service")))
                .contains("SupplementaryGroups=bluetooth gpio i2c video input", "-Xmx64m");
        assertThat(Files.readString(PACKAGING.resolve("systemd/isoband-dashboard.service")))
                .contains("ExecStart=/opt/isoband/bin/isoband dashboard --config /etc/isoband/isoband.yaml", "PrivateDevices=yes");
    }
}
