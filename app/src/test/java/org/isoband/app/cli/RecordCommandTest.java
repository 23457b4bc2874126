package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {

    @TempDir
    Path dir;

    @Test
    void recordsAReplayedRecordingSampleForSample() throws IOException {
        Path original = dir.resolve("original.csv");
        StringBuilder csv = new StringBuilder("t_s,force_n\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.2f%n", 10 + i * 0.0125, 30.0 + i));
        }
        Files.writeString(original, csv);
        Path copy = dir.resolve("copy.csv");

        CliRun run = CliRun.of("record", "--source", "replay:" + original, "--out", copy.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("record: 40 samples");
        var lines = Files.readAllLines(copy);
        assertThat(lines.get(0)).startsWith("# isoband record --source replay:");
        assertThat(lines.get(1)).isEqualTo("t_s,force_n");
        assertThat(lines).hasSize(42);
        assertThat(lines.get(2)).isEqualTo("0.000000,30.00");
        assertThat(lines.get(41)).isEqualTo("0.487500,69.00");
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        CliRun run = CliRun.of("record", "--source", "bluetooth", "--out", dir.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source 'bluetooth': unknown kind 'bluetooth' (expected sim[:SCENARIO[:SEED]], replay:FILE.csv or ble[:ADDRESS-or-NAME])");
    }

    @Test
    void aMissingReplayFileIsNamed() {
        CliRun run = CliRun.of("record", "--source", "replay:" + dir.resolve("gone.csv"), "--out", dir.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no readable file '" + dir.resolve("gone.csv") + "'");
    }
}
