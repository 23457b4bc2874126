package org.isoband.device.ble;

import java.util.Comparator;
import java.util.OptionalInt;

/**
 * A supported sensor that advertised during a scan.
 *
 * @param name    the advertised name, or empty
 * @param address AA:BB:CC:DD:EE:FF
 * @param rssi    signal strength in dBm, if BlueZ reported one
 * @param kind    which sensor it is
 * @param path    BlueZ's object path for it
 */
public record FoundDevice(String name, String address, OptionalInt rssi, DeviceKind kind, String path) {

    /** Nearest (strongest signal) first; devices without RSSI last. */
    public static final Comparator<FoundDevice> STRONGEST_FIRST = Comparator
            .comparingInt((FoundDevice d) -> d.rssi().orElse(Integer.MIN_VALUE)).reversed()
            .thenComparing(FoundDevice::address);

    static FoundDevice of(Advertisement ad, DeviceKind kind) {
        return new FoundDevice(ad.name(), ad.address(), ad.rssi(), kind, ad.path());
    }
}
