package org.isoband.gateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.device.replay.ReplaySource;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.SampleSource;

/**
 * A sample source named on the command line: {@code sim[:SCENARIO[:SEED]]} for the simulated athlete in
 * real time, or {@code replay:FILE.csv} for a recording played at real speed.
 */
record SourceSpec(String text) {
    static final String HELP = "sim[:SCENARIO[:SEED]] or replay:FILE.csv";

    SampleSource open() {
        String[] parts = text.split(":", 3);
        return switch (parts[0]) {
            case "sim" -> simulated(parts);
            case "replay" -> replay(text.substring("replay:".length()));
            default -> throw new UserError("--source '" + text + "': unknown kind '" + parts[0] + "' (expected " + HELP + ")");
        };
    }

    private SampleSource simulated(String[] parts) {
        try {
            Scenario scenario = parts.length > 1 ? Scenario.fromCliName(parts[1]) : Scenario.SESSION;
            long seed = parts.length > 2 ? Long.parseLong(parts[2]) : 1;
            return new SimulatedSource(new SimulatedSession(scenario, seed, SensorModel.loadCell(80)), 1.0);
        } catch (NumberFormatException e) {
            throw new UserError("--source '" + text + "': the seed must be a whole number");
        } catch (IllegalArgumentException e) {
            throw new UserError("--source '" + text + "': " + e.getMessage());
        }
    }

    private SampleSource replay(String file) {
        Path path = Path.of(file);
        if (file.isEmpty() || !Files.isReadable(path)) {
            throw new UserError("--source '" + text + "': no readable file '" + file + "'");
        }
        return new ReplaySource(path, 1.0, 80);
    }
}
