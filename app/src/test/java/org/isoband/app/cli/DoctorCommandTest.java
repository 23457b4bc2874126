package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor on this machine, which has no Bluetooth adapter and no GPIO. */
class DoctorCommandTest {
    @TempDir
    Path dir;

    @Test
    void onlyWarningsAreExitCode0WithTheWarningsCounted() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("WARN +Bluetooth adapter +no Bluetooth adapter")
                .containsPattern("WARN +GPIO +no GPIO")
                .contains("fix: no /dev/gpiochip0: this is not a Raspberry Pi")
                .containsPattern("doctor: nothing the configuration needs is missing; \\d+ warning\\(s\\) above")
                .doesNotContain("problems found");
    }

    @Test
    void whatTheConfigurationNeedsAndIsMissingIsExitCode1() throws Exception {
        Path config = dir.resolve("isoband.yaml");
        Files.writeString(config, "sensor: {kind: hx711}\n");

        CliRun run = CliRun.of("doctor", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +GPIO +no GPIO").contains("doctor: problems found");
    }
}
