package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkReportsEveryProblemAndExits2() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "mqtt:\n  urll: tcp://x\nplan:\n  reps_per_angle: 50\n");

        CliRun run = CliRun.of("config", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                file + ":2: mqtt.urll: unknown key (did you mean 'url'?)",
                file + ":4: plan.reps_per_angle: must be between 1 and 20, found 50",
                "2 problems");
    }

    @Test
    void theExampleReachesARedirectedStandardOutputThroughMain() throws IOException {
        // main() exits right after: what is still buffered then never reaches 'isoband config example > file'.
        java.io.PrintStream real = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, false, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = IsobandCommand.run("config", "example");
        } finally {
            System.setOut(real);
        }

        assertThat(code).isZero();
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(ConfigCommand.exampleText());
    }

    @Test
    void checkRefusesAnEmptyFileAndSaysHowToFillIt() throws IOException {
        Path file = dir.resolve("isoband.yaml");
        Files.writeString(file, "");

        CliRun run = CliRun.of("config", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ": the file is empty (or only comments): write the example into it "
                + "with 'isoband config example > " + file + "'");
    }

    @Test
    void checkOfAFileItMayNotReadSaysPermissionDenied() throws Exception {
        Path file = dir.resolve("secret.yaml");
        Files.writeString(file, "band: red\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));

        CliRun run = ChildJvm.asUnprivileged("", "config", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(file + ": permission denied: the file must be readable by the user who runs isoband");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void checkPrintsWarningsWithTheirLineButSaysOk() throws IOException {
        Path file = dir.resolve("open.yaml");
        Files.writeString(file, "dashboard:\n  bind: 0.0.0.0\n");

        CliRun run = CliRun.of("config", "check", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith(file + ":2: dashboard.bind: warning: 0.0.0.0 opens the dashboard to the network without a token");
        assertThat(run.out().strip()).isEqualTo(file + ": OK");
    }

    @Test
    void theExamplePrintedIsAFileThatChecksOk() throws IOException {
        Files.createDirectories(dir.resolve("recordings"));
        Path file = dir.resolve("isoband.yaml");
        Files.writeString(file, CliRun.of("config", "example").out());

        CliRun run = CliRun.of("config", "check", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(file + ": OK");
    }
}
