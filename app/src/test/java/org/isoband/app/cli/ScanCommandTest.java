package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan command's own checks, before it talks to BlueZ (BleCliIT runs it against a fake BlueZ). */
class ScanCommandTest {

    @Test
    void badOptionsAreOneLineWithExitCode2() {
        assertThat(CliRun.of("scan", "--seconds", "0")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("scan: --seconds must be more than 0 and at most 600, got 0.0"
                    + System.lineSeparator());
        });
        assertThat(CliRun.of("scan", "--profile", "fitbit").err()).startsWith("scan: --profile: unknown BLE profile "
                + "'fitbit' (expected auto, isoband, progressor, force-board, cts500, sig-force or crane-scale)");
        assertThat(CliRun.of("scan", "--adapter", "../hci0").exitCode()).isEqualTo(2);
    }

    @Test
    void helpNamesTheEnvironmentVariable() {
        CliRun r = CliRun.of("scan", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("DBUS_SYSTEM_BUS_ADDRESS", "--seconds", "--adapter", "--profile");
    }

    @Test
    void recordNamesBleAmongItsSources() {
        CliRun r = CliRun.of("record", "--source", "bogus", "--out", "x.csv");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ble[:ADDRESS-or-NAME]");
    }
}
