package org.isoband.device.ble;

import java.util.Locale;

/** Which kind of sensor the gateway looks for: one kind, or {@link #AUTO} for any supported one. */
public enum BleProfile {
    AUTO,
    ISOBAND,
    PROGRESSOR,
    FORCE_BOARD,
    CTS500,
    SIG_FORCE,
    CRANE_SCALE;

    /** The name in the configuration and on the command line: {@code auto}, {@code crane-scale}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean accepts(DeviceKind kind) {
        return this == AUTO || name().equals(kind.name());
    }

    public static BleProfile fromCliName(String name) {
        for (BleProfile p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown BLE profile '" + name + "' (expected auto, isoband, progressor, "
                + "force-board, cts500, sig-force or crane-scale)");
    }
}
