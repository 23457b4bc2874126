package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isoband analyze} as a user runs it: the analyze contract of README.md (its JSON fields, exit code 2 for bad input), options and bad input. */
class AnalyzeCommandTest {
    private static final Path TRACES = Path.of("..", "core", "src", "test", "resources", "traces");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void everyLabelledTraceGivesItsRepsAsJsonLines() throws IOException {
        int labelled = 0;
        int right = 0;
        List<Double> steadyErrors = new ArrayList<>();
        try (var files = Files.list(TRACES)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                CliRun run = CliRun.of("analyze", csv.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
                List<JsonNode> reps = jsonLines(run.out());
                JsonNode truth = JSON.readTree(TRACES.resolve(csv.getFileName().toString().replace(".csv", ".json")).toFile()).get("reps");

                assertThat(reps).as(csv + ": one line per labelled rep").hasSize(truth.size());
                for (int i = 0; i < truth.size(); i++) {
                    JsonNode got = reps.get(i);
                    JsonNode want = truth.get(i);
                    assertThat(got.fieldNames()).toIterable().contains(
                            "rep", "start_s", "end_s", "steady_s", "verdict", "mean_n", "peak_n", "cv_pct");
                    assertThat(got.get("rep").asInt()).isEqualTo(i + 1);
                    assertThat(got.get("start_s").asDouble()).as(csv + " rep " + (i + 1) + " start")
                            .isBetween(want.get("start_s").asDouble() - 0.5, want.get("start_s").asDouble() + 0.5);
                    assertThat(got.get("end_s").asDouble()).as(csv + " rep " + (i + 1) + " end")
                            .isBetween(want.get("end_s").asDouble() - 0.5, want.get("end_s").asDouble() + 0.5);
                    labelled++;
                    right += got.get("verdict").asText().equals(want.get("verdict").asText()) ? 1 : 0;
                    steadyErrors.add(Math.abs(got.get("steady_s").asDouble() - want.get("steady_s").asDouble()));
                }
            }
        }
        steadyErrors.sort(null);
        assertThat(labelled).isEqualTo(39);
        assertThat(100.0 * right / labelled).as("verdict accuracy %").isGreaterThanOrEqualTo(95);
        assertThat(steadyErrors.get(steadyErrors.size() / 2)).as("median |steady_s error|").isLessThanOrEqualTo(0.2);
    }

    @Test
    void holdOptionMovesTheTarget() throws IOException {
        Path csv = TRACES.resolve("hx711-00.csv");
        long heldAt6 = jsonLines(CliRun.of("analyze", csv.toString()).out()).stream()
                .filter(r -> r.get("verdict").asText().equals("HELD")).count();
        long heldAt9 = jsonLines(CliRun.of("analyze", csv.toString(), "--hold", "9").out()).stream()
                .filter(r -> r.get("verdict").asText().equals("HELD")).count();

        assertThat(heldAt6).isEqualTo(5);
        assertThat(heldAt9).isEqualTo(2);
    }

    @Test
    void summaryIsATableForPeople() {
        CliRun run = CliRun.of("analyze", TRACES.resolve("progressor-00.csv").toString(), "--summary");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("rep", "steady", "verdict")
                .contains("5 reps: 2 held, 1 short, 1 moved, 1 unsteady")
                .doesNotContain("{");
    }

    @Test
    void aUnitAddsItsForceColumnsBesideTheNewtonsAndTurnsTheTable() throws Exception {
        CliRun newtons = CliRun.of("analyze", TRACES.resolve("progressor-00.csv").toString());
        CliRun kg = CliRun.of("analyze", TRACES.resolve("progressor-00.csv").toString(), "--unit", "kg");

        assertThat(kg.exitCode()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var n = json.readTree(newtons.out().lines().findFirst().orElseThrow());
        var k = json.readTree(kg.out().lines().findFirst().orElseThrow());
        assertThat(k.get("mean_n")).as("the newtons stay").isEqualTo(n.get("mean_n"));
        assertThat(k.get("mean_kg").asDouble()).isCloseTo(n.get("mean_n").asDouble() / 9.80665, org.assertj.core.data.Offset.offset(0.01));
        assertThat(k.has("peak_kg") && k.has("rest_kg") && k.has("amplitude_kg")).isTrue();
        assertThat(n.has("mean_kg")).isFalse();
        assertThat(CliRun.of("analyze", TRACES.resolve("progressor-00.csv").toString(), "--summary", "--unit", "lb").out())
                .contains("mean lb", "peak lb", "rest lb");
        CliRun bad = CliRun.of("analyze", TRACES.resolve("progressor-00.csv").toString(), "--unit", "stone");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--unit must be N, kg or lb, got \"stone\"");
    }

    @Test
    void plotDrawsTheTraceWithRepsShadedByVerdict() throws IOException {
        Path png = dir.resolve("plot.png");

        CliRun run = CliRun.of("analyze", TRACES.resolve("progressor-00.csv").toString(), "--plot", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void aMissingFileIsOneClearLineAndExitCode2() {
        CliRun run = CliRun.of("analyze", dir.resolve("nope.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("analyze: " + dir.resolve("nope.csv") + ": no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadValueNamesFileLineAndFieldWithoutAStackTrace() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "# recorded\nt_s,force_n\n0.0,10\n0.1,ten\n");

        CliRun run = CliRun.of("analyze", csv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("analyze: " + csv + ", line 4, field force_n: not a number: 'ten'");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anEmptyFileAndAMissingColumnAreNamed() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        Path noForce = dir.resolve("noforce.csv");
        Files.writeString(noForce, "t_s,kg\n0,1\n");

        CliRun emptyRun = CliRun.of("analyze", empty.toString());
        CliRun noForceRun = CliRun.of("analyze", noForce.toString());

        assertThat(emptyRun.exitCode()).isEqualTo(2);
        assertThat(emptyRun.err()).contains(empty + ": the file is empty");
        assertThat(noForceRun.exitCode()).isEqualTo(2);
        assertThat(noForceRun.err()).contains(noForce + ", line 1, field force_n: the header has no column 'force_n'");
    }

    @Test
    void droppedSamplesAreReportedNotHidden() throws IOException {
        Path csv = dir.resolve("nan.csv");
        Files.writeString(csv, "t_s,force_n\n0,10\n0.1,NaN\n0.2,10\n0.2,11\n");

        CliRun run = CliRun.of("analyze", csv.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("dropped 2 of 4 samples (1 not finite, 1 out of order or repeated time, 0 saturated)");
    }

    @Test
    void aHugeSingleLineIsOneShortLineNotAnOutOfMemoryError() throws IOException {
        Path csv = dir.resolve("one-line.csv");
        byte[] line = new byte[20_000_000];
        java.util.Arrays.fill(line, (byte) '7');
        Files.write(csv, line);

        CliRun run = CliRun.of("analyze", csv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("analyze: " + csv + ", line 1: the line is longer than 65536 characters");
        assertThat(run.err().length()).as("the echoed text is cut short").isLessThan(400);
        assertThat(run.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aPictureGivenToAnalyzeIsNotATextCsv() throws IOException {
        Path png = dir.resolve("trace.png");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", png.toFile());

        CliRun run = CliRun.of("analyze", png.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("analyze: " + png + ": not a text CSV");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aPlotIntoAMissingFolderIsOneLineBeforeAnyWork() {
        CliRun run = CliRun.of("analyze", TRACES.resolve("hx711-00.csv").toString(), "--plot", "/nonexistent/dir/x.png");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "analyze: --plot /nonexistent/dir/x.png: cannot write there: the folder /nonexistent/dir does not exist");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDuplicatedTimeColumnIsAnErrorNamingTheLineAndColumns() throws IOException {
        Path csv = dir.resolve("twice.csv");
        Files.writeString(csv, "# c\nt_s,force_n,t_s\n0,1,5\n");

        CliRun run = CliRun.of("analyze", csv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("analyze: " + csv
                + ", line 2, field t_s: the header names column 't_s' twice (columns 1 and 3): which one is meant?");
    }

    @Test
    void javaNumberSuffixesAreNotNumbers() throws IOException {
        Path csv = dir.resolve("suffix.csv");
        Files.writeString(csv, "t_s,force_n\n0,1\n0.1,1d\n");
        Path f = dir.resolve("suffix-f.csv");
        Files.writeString(f, "t_s,force_n\n0,1\n1f,2\n");

        CliRun run = CliRun.of("analyze", csv.toString());
        CliRun runF = CliRun.of("analyze", f.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("analyze: " + csv + ", line 3, field force_n: not a number: '1d'");
        assertThat(runF.exitCode()).isEqualTo(2);
        assertThat(runF.err().strip()).isEqualTo("analyze: " + f + ", line 3, field t_s: not a number: '1f'");
    }

    @Test
    void aClockThatRestartsIsSaidOnceWithItsLineAndNoSampleIsDropped() throws IOException {
        StringBuilder csv = new StringBuilder("t_s,force_n\n");
        for (int i = 0; i < 19; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,160%n", 5.76 + i * 0.0114));
        }
        for (int i = 0; i < 900; i++) {
            double t = i * 0.0114;
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.1f%n", t, t > 2 && t < 9 ? 180.0 : 3.0));
        }
        Path file = dir.resolve("restart.csv");
        Files.writeString(file, csv);

        CliRun run = CliRun.of("analyze", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("goes back")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains(file + ", line 21: the time goes back from 5.965 s to 0.000 s"));
        assertThat(run.err()).doesNotContain("out of order");
        assertThat(jsonLines(run.out())).singleElement()
                .satisfies(r -> assertThat(r.get("start_s").asDouble()).isBetween(1.9, 2.1));
    }

    @Test
    void aRecordingThatEndsMidRepMarksItTruncatedInJsonAndSummary() throws IOException {
        StringBuilder csv = new StringBuilder("t_s,force_n\n");
        for (int i = 0; i < 700; i++) {
            double t = i * 0.0114;
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.1f%n", t, t > 3 ? 150.0 : 4.0));
        }
        Path file = dir.resolve("cut.csv");
        Files.writeString(file, csv);

        CliRun json = CliRun.of("analyze", file.toString());
        CliRun table = CliRun.of("analyze", file.toString(), "--summary");

        assertThat(jsonLines(json.out())).singleElement().satisfies(r -> {
            assertThat(r.get("truncated").asBoolean()).isTrue();
            assertThat(r.get("verdict").asText()).isEqualTo("INTERRUPTED");
        });
        assertThat(table.out()).contains("truncated: the recording cuts it");
    }

    @Test
    void aNonsenseHoldTargetIsAUsageError() {
        CliRun run = CliRun.of("analyze", TRACES.resolve("hx711-00.csv").toString(), "--hold", "-3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--hold must be a positive number of seconds, got -3.0");
    }

    @Test
    void helpExplainsTheVerdicts() {
        CliRun run = CliRun.of("analyze", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("HELD", "SHORT", "MOVED", "UNSTEADY", "--hold", "--plot", "--summary");
    }
}
