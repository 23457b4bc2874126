package org.isoband.gateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.device.ble.BleConfig;
import org.isoband.device.ble.BleProfile;
import org.isoband.device.ble.BleSource;
import org.isoband.device.replay.ReplaySource;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.SampleSource;

/**
 * A sample source named on the command line: {@code sim[:SCENARIO[:SEED]]} for the simulated athlete in
 * real time, {@code replay:FILE.csv} for a recording played at real speed, or {@code ble[:DEVICE]} for a BLE
 * sensor through BlueZ (an address such as AA:BB:CC:DD:EE:FF, or an advertised name; without one, the last
 * sensor used if it is near, else the first supported one found).
 */
record SourceSpec(String text) {
    static final String HELP = "sim[:SCENARIO[:SEED]], replay:FILE.csv or ble[:ADDRESS-or-NAME]";
    /** Where `ble` without a device remembers the last sensor, beside the gateway's default database. */
    static final Path BLE_MEMORY = Path.of(System.getProperty("user.home"), ".local", "share", "isoband",
            "last-ble-device");

    SampleSource open() {
        if (text.equals("ble") || text.startsWith("ble:")) {
            // Not split on ':' like the others: a BLE address is full of colons.
            return ble(text.length() > 4 ? text.substring(4) : "");
        }
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

    private SampleSource ble(String device) {
        BleConfig config = BleConfig.of(device, BleProfile.AUTO, "hci0");
        return new BleSource(device.isEmpty() ? config.withMemory(BLE_MEMORY) : config);
    }

    private SampleSource replay(String file) {
        Path path = Path.of(file);
        if (file.isEmpty() || !Files.isReadable(path)) {
            throw new UserError("--source '" + text + "': no readable file '" + file + "'");
        }
        return new ReplaySource(path, 1.0, 80);
    }
}
