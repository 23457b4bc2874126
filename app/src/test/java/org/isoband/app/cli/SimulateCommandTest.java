package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Simulated recordings through {@code isoband analyze}: the detector recovers the faults the simulator injected. */
class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at {1} Hz, loss {2}")
    @CsvSource({"set,80,0", "set,10,0.05", "moved,25,0", "short,80,0.02", "unsteady,10,0", "held,200,0", "dropout,80,0"})
    void analyzeFindsWhatTheSimulatorInjected(String scenario, String rate, String loss) throws IOException {
        Path csv = dir.resolve(scenario + ".csv");
        Path labels = dir.resolve(scenario + ".json");

        CliRun sim = CliRun.of("simulate", "--scenario", scenario, "--seed", "11", "--rate", rate, "--loss", loss,
                "--out", csv.toString(), "--labels", labels.toString());
        CliRun analyze = CliRun.of("analyze", csv.toString());

        assertThat(sim.exitCode()).as(sim.err()).isZero();
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        List<String> expected = new ArrayList<>();
        JSON.readTree(labels.toFile()).get("reps").forEach(r -> expected.add(r.get("verdict").asText()));
        List<String> got = new ArrayList<>();
        for (String line : analyze.out().split("\n")) {
            got.add(JSON.readTree(line).get("verdict").asText());
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");

        CliRun.of("simulate", "--seed", "5", "--out", a.toString());
        CliRun.of("simulate", "--seed", "5", "--out", b.toString());

        assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).startsWith("# isoband simulate --scenario set --seed 5");
    }

    @Test
    void anUnknownScenarioListsTheChoices() {
        CliRun run = CliRun.of("simulate", "--scenario", "marathon", "--out", dir.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "simulate: --scenario: unknown scenario 'marathon' (one of: session, strength, set, held, short, moved, unsteady, dropout, setup, fidgets, plateaus, angles, relaxation, truncated, clock-restart, endurance)");
    }

    @Test
    void anUnwritableOutputIsNamed() {
        Path nowhere = dir.resolve("no-such-dir").resolve("x.csv");

        CliRun run = CliRun.of("simulate", "--out", nowhere.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("simulate: " + nowhere + ": no such file or directory");
    }

}
