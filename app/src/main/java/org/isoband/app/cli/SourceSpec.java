package org.isoband.app.cli;

import org.isoband.gateway.runtime.SourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.device.sim.Scenario;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.config.ConfigLoader;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.SensorConfig;
import org.isoband.device.ble.BleProfile;

/**
 * A sample source named on the command line: {@code sim[:SCENARIO[:SEED]]} for the simulated athlete in
 * real time, {@code replay:FILE.csv} for a recording played at real speed, or {@code ble[:DEVICE]} for a BLE
 * sensor through BlueZ (an address such as AA:BB:CC:DD:EE:FF, or an advertised name; without one, the last
 * sensor used if it is near, else the first supported one found). Read into the configuration's sensor
 * section and opened like the configured sensor of {@code run}.
 */
record SourceSpec(String text) {
    static final String HELP = "sim[:SCENARIO[:SEED]], replay:FILE.csv or ble[:ADDRESS-or-NAME]";

    SampleSource open() {
        GatewayConfig defaults = ConfigLoader.defaults();
        return SourceFactory.open(sensor(), defaults);
    }

    /** The sensor section this names, at real-time speed; a text that names none is the user's mistake. */
    private SensorConfig sensor() {
        if (text.equals("ble") || text.startsWith("ble:")) {
            // Not split on ':' like the others: a BLE address is full of colons.
            String device = text.length() > 4 ? text.substring(4) : "";
            return new SensorConfig.Ble(device, BleProfile.AUTO, "hci0");
        }
        String[] parts = text.split(":", 3);
        return switch (parts[0]) {
            case "sim" -> new SensorConfig.Sim(scenario(parts), seed(parts), 1.0);
            case "replay" -> new SensorConfig.Replay(replayFile(), 1.0);
            default -> throw new UserError("--source '" + text + "': unknown kind '" + parts[0] + "' (expected " + HELP + ")");
        };
    }

    private Scenario scenario(String[] parts) {
        String name = parts.length > 1 ? parts[1] : Scenario.SESSION.cliName();
        try {
            return Scenario.fromCliName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--source '" + text + "': " + e.getMessage());
        }
    }

    private long seed(String[] parts) {
        try {
            return parts.length > 2 ? Long.parseLong(parts[2]) : 1;
        } catch (NumberFormatException e) {
            throw new UserError("--source '" + text + "': the seed must be a whole number");
        }
    }

    private Path replayFile() {
        String file = text.substring("replay:".length());
        Path path = Path.of(file);
        if (file.isEmpty() || !Files.isReadable(path)) {
            throw new UserError("--source '" + text + "': no readable file '" + file + "'");
        }
        return path;
    }
}
