package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The doctor on this machine, which has no Bluetooth adapter and no GPIO. */
class DoctorCommandTest {

    @Test
    void saysClearlyThatThereIsNoAdapterAndNoGpioWithExitCode1() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("WARN +Bluetooth adapter +no Bluetooth adapter")
                .containsPattern("WARN +GPIO +no GPIO")
                .contains("fix: no /dev/gpiochip0: this is not a Raspberry Pi")
                .contains("doctor: problems found");
    }
}
