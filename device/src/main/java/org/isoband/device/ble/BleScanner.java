package org.isoband.device.ble;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Lists the supported sensors that are advertising near an adapter: what {@code isoband scan} shows. */
public final class BleScanner {
    private final Map<String, String> environment;

    /** @param environment where {@code DBUS_SYSTEM_BUS_ADDRESS} is read (the process's own, outside tests) */
    public BleScanner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Scans for {@code duration} on {@code adapter} (such as hci0).
     *
     * @return the devices that advertised meanwhile, supported and of the profile, strongest signal first
     */
    public List<FoundDevice> scan(String adapter, BleProfile profile, Duration duration)
            throws BleException, InterruptedException {
        try (BlueZ bluez = BlueZ.connect(environment)) {
            String adapterPath = adapterPath(bluez, adapter);
            try (Devices devices = new Devices(bluez, adapterPath);
                 Discovery discovery = Discovery.start(bluez, adapterPath, profile, devices)) {
                Thread.sleep(duration.toMillis());
                return discovery.found(profile);
            }
        }
    }

    /**
     * Like {@link #scan}, but also lists the gauges it recognises and cannot read (with the auto profile), and
     * the battery where an advertisement carries it: what {@code isoband scan} shows.
     */
    public List<HeardDevice> survey(String adapter, BleProfile profile, Duration duration)
            throws BleException, InterruptedException {
        try (BlueZ bluez = BlueZ.connect(environment)) {
            String adapterPath = adapterPath(bluez, adapter);
            try (Devices devices = new Devices(bluez, adapterPath);
                 Discovery discovery = Discovery.start(bluez, adapterPath, profile, devices)) {
                Thread.sleep(duration.toMillis());
                return discovery.heard(profile);
            }
        }
    }

    /** The adapter's object path, after checking that BlueZ has it and that it is powered. */
    static String adapterPath(BlueZ bluez, String adapter) throws BleException {
        String path = "/org/bluez/" + adapter;
        Map<String, Map<String, Map<String, Object>>> objects = bluez.managedObjects();
        Map<String, Map<String, Object>> found = objects.get(path);
        if (found == null || !found.containsKey(BlueZ.ADAPTER)) {
            TreeSet<String> names = new TreeSet<>();
            objects.forEach((p, ifaces) -> {
                if (ifaces.containsKey(BlueZ.ADAPTER)) {
                    names.add(p.substring(p.lastIndexOf('/') + 1));
                }
            });
            throw new BleLinkException(BleLinkException.Problem.ADAPTER, adapter, "no Bluetooth adapter " + adapter
                    + (names.isEmpty() ? " (BlueZ has none: is the Bluetooth controller enabled? see 'rfkill list')"
                            : " (BlueZ has " + String.join(", ", names) + ")"));
        }
        if (!Boolean.TRUE.equals(found.get(BlueZ.ADAPTER).get("Powered"))) {
            throw new BleLinkException(BleLinkException.Problem.ADAPTER, adapter, "Bluetooth adapter " + adapter
                    + " is powered off: bluetoothctl power on (and check 'rfkill list')");
        }
        return path;
    }
}
