package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.core.sample.Calibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationYamlTest {
    private static final Calibration CAL = new Calibration(84213.4123, 2.290950e-4, 180);
    private static final String BLOCK = """
            calibration:
              offset_raw: 84213.412
              scale_n_per_raw: 2.290950e-04
              band_stiffness_n_per_m: 180.0
            """;

    @Test
    void replacesOnlyTheCalibrationBlockAndKeepsEveryOtherLineAndComment() {
        String before = """
                # isoband gateway config
                gateway: living-room   # the MQTT name

                calibration:   # from last week
                  offset_raw: 1.0
                  # an old note
                  scale_n_per_raw: 1.0

                  band_stiffness_n_per_m: 99
                  future_key: [1, 2]

                # MQTT
                mqtt:
                  url: tcp://localhost:1883
                """;

        String after = CalibrationYaml.withCalibration(before, CAL, null);

        assertThat(after).isEqualTo("""
                # isoband gateway config
                gateway: living-room   # the MQTT name

                """ + BLOCK + """

                # MQTT
                mqtt:
                  url: tcp://localhost:1883
                """);
    }

    @Test
    void appendsTheBlockWhenThereIsNoneAndCreatesItForNoFile() {
        assertThat(CalibrationYaml.withCalibration("mqtt:\n  url: x", CAL, null)).isEqualTo("mqtt:\n  url: x\n\n" + BLOCK);
        assertThat(CalibrationYaml.withCalibration("mqtt: {}\n\n", CAL, null)).isEqualTo("mqtt: {}\n\n" + BLOCK);
        assertThat(CalibrationYaml.withCalibration(null, CAL, null)).isEqualTo(BLOCK);
    }

    @Test
    void aBlockAtTheEndOfAFileWithoutANewlineAndFlowStyleAreReplaced() {
        assertThat(CalibrationYaml.withCalibration("a: 1\ncalibration:\n  offset_raw: 3", CAL, null))
                .isEqualTo("a: 1\n" + BLOCK);
        assertThat(CalibrationYaml.withCalibration("calibration: {offset_raw: 3}\nb: 2\n", CAL, null))
                .isEqualTo(BLOCK + "b: 2\n");
    }

    @Test
    void keepsWindowsLineEndings() {
        assertThat(CalibrationYaml.withCalibration("a: 1\r\ncalibration:\r\n  offset_raw: 3\r\nb: 2\r\n", CAL, null))
                .isEqualTo("a: 1\r\n" + BLOCK.replace("\n", "\r\n") + "b: 2\r\n");
    }

    @Test
    void indentedKeysOfTheSameNameAreNotTheBlock() {
        String text = "sensor:\n  calibration:\n    table: [1, 2]\n";

        assertThat(CalibrationYaml.withCalibration(text, CAL, null)).isEqualTo(text + "\n" + BLOCK);
    }

    @Test
    void twoBlocksAreAnErrorNamingTheLines() {
        assertThatThrownBy(() -> CalibrationYaml.withCalibration("calibration:\n  a: 1\ncalibration:\n", CAL, null))
                .isInstanceOf(UserError.class)
                .hasMessage("the config file has two 'calibration:' blocks (lines 1 and 3): remove one and run calibrate again");
    }

    @Test
    void aCommentGoesInsideTheBlock() {
        assertThat(CalibrationYaml.block(CAL, "by isoband")).containsSubsequence("calibration:", "  # by isoband",
                "  offset_raw: 84213.412");
    }

    @Test
    void readsTheBandStiffnessOfTheBlock() {
        assertThat(CalibrationYaml.bandStiffness("calibration:\n  band_stiffness_n_per_m: 212.5  # red band\n"))
                .hasValue(212.5);
        assertThat(CalibrationYaml.bandStiffness("other:\n  band_stiffness_n_per_m: 1\n")).isEmpty();
        assertThat(CalibrationYaml.bandStiffness(null)).isEmpty();
    }

    @Test
    void writeCreatesTheFolderAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("etc").resolve("isoband.yaml");

        CalibrationYaml.write(file, CAL, null);
        CalibrationYaml.write(file, CAL, null);

        assertThat(Files.readString(file)).isEqualTo(BLOCK);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
