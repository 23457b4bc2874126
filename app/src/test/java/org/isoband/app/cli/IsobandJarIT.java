package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged fat jar, run as a separate process the way users and scripts run it. */
class IsobandJarIT {
    private static final Path JAR = Path.of("target", "isoband.jar");

    private record Result(int code, String out, String err) {
    }

    private static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return runAnswering(dir, "", args);
    }

    /** Runs the jar with {@code answers} on its standard input. */
    private static Result runAnswering(Path dir, String answers, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(answers.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void analyzesATraceFromTheCommandLine(@TempDir Path dir) throws Exception {
        Result r = run(dir, "analyze", Path.of("..", "core", "src", "test", "resources", "traces", "hx711-01.csv").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(8).allSatisfy(line -> assertThat(line).startsWith("{\"rep\":"));
        assertThat(r.out()).contains("\"verdict\":\"MOVED\"", "\"verdict\":\"UNSTEADY\"");
    }

    @Test
    void badInputExitsWith2AndOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "t_s,force_n\n0,1\n0.1\n");

        Result r = run(dir, "analyze", csv.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "analyze: " + csv + ", line 3, field force_n: missing: the line has fewer fields than the header's 2");
    }

    @Test
    void versionAndHelpWork(@TempDir Path dir) throws Exception {
        Result help = run(dir, "--help");
        Result version = run(dir, "--version");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("analyze", "demo");
        assertThat(version.out()).startsWith("isoband ");
    }

    @Test
    void calibratesTheSimulatedLoadCellFromAnswersOnStandardInput(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("isoband.yaml");

        Result r = runAnswering(dir, "\n5 kg\n", "calibrate", "--source", "sim", "--seconds", "0.25",
                "--config", config.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Step 1 of 2", "Step 2 of 2", "Saved to " + config, "Noise: ");
        assertThat(Files.readString(config)).contains("calibration:", "  offset_raw: ", "  scale_n_per_raw: 2.29",
                "  band_stiffness_n_per_m: 150.0");
    }
}
