package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoband.device.gpio.SimulatedLoadCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isoband calibrate} with the simulated load cell, answers fed as lines of input. Each step measures
 * a quarter of a second of the simulated 80 Hz cell on a clock that moves only when slept on: exactly 20
 * readings however loaded the machine is (on real time, a loaded machine once gave too few).
 */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    private CliRun calibrate(String answers, Path config, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "calibrate", "--source", "sim", "--seconds", "0.25", "--config", config.toString()));
        args.addAll(List.of(more));
        return CliRun.withInput(answers, new SleptClock(), args.toArray(String[]::new));
    }

    private static double value(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^  " + key + ": (\\S+)$").matcher(yaml);
        assertThat(m.find()).as(key + " in\n" + yaml).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void tareThenAKnownMassGiveOffsetAndScaleInTheConfigFile() throws IOException {
        Path config = dir.resolve("isoband.yaml");

        CliRun run = calibrate("\n5 kg\n", config, "--band-stiffness", "180");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Calibrating the simulated load cell (80 Hz); the result goes to " + config,
                "Step 1 of 2: let the band hang slack", "Step 2 of 2: hang a known weight from the sensor",
                "enter its mass in kg or its force in N", "Measuring for 0.25 s:", "Saved to " + config + ":",
                "Noise: 0.0", " - 20 readings.");
        String yaml = Files.readString(config);
        assertThat(yaml).startsWith("calibration:\n  # isoband calibrate, ");
        assertThat(value(yaml, "offset_raw")).isCloseTo(SimulatedLoadCell.OFFSET_RAW, within(100.0));
        assertThat(value(yaml, "scale_n_per_raw")).isCloseTo(1 / SimulatedLoadCell.RAW_PER_NEWTON, within(1e-6));
        assertThat(value(yaml, "band_stiffness_n_per_m")).isEqualTo(180.0);
        Matcher noise = Pattern.compile("Noise: (\\S+) N rms with the band slack, (\\S+) N rms under 49.03 N.")
                .matcher(run.out());
        assertThat(noise.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(noise.group(1))).isCloseTo(SimulatedLoadCell.NOISE_N, within(0.03));
    }

    @Test
    void keepsTheRestOfAnExistingConfigAndItsBandStiffness() throws IOException {
        Path config = dir.resolve("isoband.yaml");
        Files.writeString(config, """
                # my gateway
                gateway: garage
                calibration:
                  offset_raw: 1
                  scale_n_per_raw: 1
                  band_stiffness_n_per_m: 212.5   # the red band
                mqtt:
                  url: tcp://pi:1883   # broker
                """);

        CliRun run = calibrate("\n49 N\n", config);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String yaml = Files.readString(config);
        assertThat(yaml).startsWith("# my gateway\ngateway: garage\ncalibration:\n")
                .endsWith("  band_stiffness_n_per_m: 212.5\nmqtt:\n  url: tcp://pi:1883   # broker\n");
        assertThat(value(yaml, "scale_n_per_raw")).isCloseTo(1 / SimulatedLoadCell.RAW_PER_NEWTON, within(1e-6));
    }

    @Test
    void unreadableAnswersAndRejectedStepsAreAskedAgain() throws IOException {
        Path config = dir.resolve("isoband.yaml");

        // "5": no unit; 1 g barely moves the reading; 150 g is noisier than 2 % of its 1.5 N
        CliRun run = calibrate("\n5\n1 g\n150 g\n5 kg\n", config);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "cannot read '5': enter a mass like '5 kg' or '500 g', or a force like '49 N'.",
                "Not accepted: the reading barely changed under the load",
                "Not accepted: the readings under the load were too noisy:",
                "Saved to ");
        assertThat(run.out().split("Step 2 of 2", -1)).as("asked four times").hasSize(5);
        assertThat(value(Files.readString(config), "scale_n_per_raw"))
                .isCloseTo(1 / SimulatedLoadCell.RAW_PER_NEWTON, within(1e-6));
    }

    @Test
    void runningOutOfAnswersCancelsAndSavesNothing() {
        Path config = dir.resolve("isoband.yaml");

        CliRun run = calibrate("\n", config);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("calibrate: calibration cancelled (no more input): nothing was saved\n");
        assertThat(config).doesNotExist();
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Path config = dir.resolve("isoband.yaml");

        CliRun rate = calibrate("", config, "--rate", "40");
        CliRun source = CliRun.withInput("", "calibrate", "--source", "ble", "--config", config.toString());
        CliRun pins = CliRun.withInput("", "calibrate", "--dout", "6", "--config", config.toString());

        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).isEqualTo("calibrate: HX711 rate is 10 or 80 Hz (its RATE pin), got 40\n");
        assertThat(source.err()).isEqualTo("calibrate: --source 'ble': expected hx711 or sim\n");
        assertThat(pins.err()).isEqualTo("calibrate: HX711 DOUT and SCK need two different GPIO pins, got DOUT 6 and SCK 6\n");
    }

    @Test
    void theHx711WithoutAPiIsAClearErrorPointingAtTheSimulator() {
        CliRun run = CliRun.withInput("\n5 kg\n", "calibrate", "--config", dir.resolve("x.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        // Here (no /dev/gpiochip0) the pins cannot be opened; on a Pi with nothing wired the chip never answers.
        assertThat(run.err()).startsWith("calibrate: ").containsAnyOf("to try calibrate without a Pi: --source sim",
                "HX711 on GPIO DOUT 5 / SCK 6: no conversion within 1000 ms");
    }

    @Test
    void theHelpExplainsTheStepsAndTheFile() {
        CliRun run = CliRun.of("calibrate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: isoband calibrate", "1. let the band hang slack and press Enter;",
                "'5 kg' or '49 N'", "over 2 % of the", "Only the top-level 'calibration:' block", "--dout=BCM", "--sck=BCM",
                "--source=hx711|sim", "docs/wiring.md");
        assertThat(CliRun.of("--help").out()).contains("calibrate");
    }

    @Test
    void aServiceUserWhoMayWriteTheFileButNotItsFolderStillSaves() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc-isoband"));
        Path config = etc.resolve("isoband.yaml");
        Files.writeString(config, "band: red\n");
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(etc, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));

        CliRun run = ChildJvm.asUnprivileged("\n5 kg\n", "calibrate", "--source", "sim", "--seconds", "0.25",
                "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(config)).startsWith("band: red\n\ncalibration:\n").contains("scale_n_per_raw: ");
    }

    @Test
    void aFileItCannotSaveIsNamedBeforeAnythingIsMeasured() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc-isoband"));
        Files.setPosixFilePermissions(etc, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        Path config = etc.resolve("isoband.yaml");

        CliRun run = ChildJvm.asUnprivileged("\n5 kg\n", "calibrate", "--source", "sim", "--seconds", "0.25",
                "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("Measuring");
        assertThat(run.err().strip()).startsWith("calibrate: cannot save the calibration to " + config
                + ": permission denied on " + etc + " for user ").doesNotContain("\n");
        assertThat(config).doesNotExist();
    }

    @Test
    void offAPiTheOneLineSaysWhatToDoWithoutPi4jNarratingFirst() throws Exception {
        CliRun run = ChildJvm.run("", "calibrate", "--config", dir.resolve("isoband.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.err()).singleElement().asString()
                .startsWith("calibrate: ").endsWith("to try calibrate without a Pi: --source sim");
    }
}
