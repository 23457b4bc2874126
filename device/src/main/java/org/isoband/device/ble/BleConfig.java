package org.isoband.device.ble;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which BLE sensor to read and how.
 *
 * @param device   the address (AA:BB:CC:DD:EE:FF, any case) or exact advertised name; empty: the remembered one
 *                 if it advertises, else the first supported device of the profile found
 * @param profile  which kind of sensor to accept
 * @param adapter  the BlueZ adapter, such as hci0
 * @param memory   a file that remembers the address of the last sensor connected, used when {@code device} is
 *                 empty; none: nothing is remembered
 * @param timings  how long each step may take
 */
public record BleConfig(String device, BleProfile profile, String adapter, Optional<Path> memory, BleTimings timings) {

    public BleConfig {
        if (device == null) {
            device = "";
        }
        device = device.trim();
        if (adapter == null || !adapter.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("adapter must be a name such as hci0, got '" + adapter + "'");
        }
    }

    /** Default timings, nothing remembered. */
    public static BleConfig of(String device, BleProfile profile, String adapter) {
        return new BleConfig(device, profile, adapter, Optional.empty(), BleTimings.DEFAULTS);
    }

    public BleConfig withTimings(BleTimings newTimings) {
        return new BleConfig(device, profile, adapter, memory, newTimings);
    }

    public BleConfig withMemory(Path file) {
        return new BleConfig(device, profile, adapter, Optional.of(file), timings);
    }

    /** What the user asked for, in words: "isoband-1A2B", "any isoband band", "any supported sensor". */
    public String wanted() {
        if (!device.isEmpty()) {
            return device;
        }
        return switch (profile) {
            case AUTO -> "any supported sensor";
            case ISOBAND -> "any isoband band";
            case PROGRESSOR -> "any Progressor";
            case FORCE_BOARD -> "any Force Board";
            case CTS500 -> "any CTS500";
            case SIG_FORCE -> "any SIG Force sensor";
            case CRANE_SCALE -> "any WH-C06 crane scale";
        };
    }
}
