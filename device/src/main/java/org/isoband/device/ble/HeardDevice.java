package org.isoband.device.ble;

import java.util.Comparator;
import java.util.OptionalInt;

/**
 * A gauge that advertised during {@code isoband scan}, supported or merely recognised, for the scan's listing.
 *
 * @param name        the advertised name, or empty
 * @param address     AA:BB:CC:DD:EE:FF
 * @param rssi        signal strength in dBm, if BlueZ reported one
 * @param recognition what it is, and whether the gateway reads it
 * @param battery     the battery percentage when the advertisement carries it (Battery Service data)
 */
public record HeardDevice(String name, String address, OptionalInt rssi, Recognition recognition,
        OptionalInt battery) {

    /** What a heard device is. */
    public sealed interface Recognition {
        /** The kind's name, as the configuration's profile or the scan's KIND column says it. */
        String cliName();
    }

    /** A kind the gateway reads. */
    public record Supported(DeviceKind kind) implements Recognition {
        @Override
        public String cliName() {
            return kind.cliName();
        }
    }

    /** A gauge the gateway knows but cannot read as force, and why. */
    public record Unsupported(UnsupportedGauge gauge) implements Recognition {
        @Override
        public String cliName() {
            return gauge.cliName();
        }
    }

    /** Nearest first; devices without RSSI last. */
    public static final Comparator<HeardDevice> STRONGEST_FIRST = Comparator
            .comparingInt((HeardDevice d) -> d.rssi().orElse(Integer.MIN_VALUE)).reversed()
            .thenComparing(HeardDevice::address);

    public boolean supported() {
        return recognition instanceof Supported;
    }
}
