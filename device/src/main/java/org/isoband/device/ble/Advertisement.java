package org.isoband.device.ble;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * What BlueZ knows of one device (its {@code org.bluez.Device1} properties), in plain Java values. BlueZ keeps
 * devices it has seen before, so an instance is no proof that the device is near: {@link #fresh} says whether
 * it advertised during the current discovery.
 *
 * @param path             the D-Bus object path, such as /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF
 * @param address          AA:BB:CC:DD:EE:FF
 * @param name             the advertised name (BlueZ's Name, not the Alias it makes up), else empty
 * @param rssi             signal strength of the last advertisement, dBm, when BlueZ has one
 * @param uuids            advertised (or, once connected, resolved) service UUIDs
 * @param manufacturerData payloads by company identifier, identifier stripped (as BlueZ gives them)
 * @param serviceData      advertised service data by service UUID (a Battery Service level, for one)
 * @param connected        whether BlueZ has a connection to it (by this gateway or any other local client)
 * @param servicesResolved whether BlueZ has discovered its GATT services since connecting
 * @param fresh            it advertised since the current discovery started
 */
public record Advertisement(String path, String address, String name, OptionalInt rssi, Set<UUID> uuids,
        Map<Integer, byte[]> manufacturerData, Map<UUID, byte[]> serviceData, boolean connected,
        boolean servicesResolved, boolean fresh) {

    /** Properties whose change means that an advertisement was just received. */
    private static final Set<String> ADVERTISED = Set.of("RSSI", "ManufacturerData", "ServiceData", "TxPower",
            "UUIDs", "Name", "AdvertisingData", "AdvertisingFlags");

    public Advertisement {
        uuids = Set.copyOf(uuids);
        manufacturerData = Map.copyOf(manufacturerData);
        serviceData = Map.copyOf(serviceData);
    }

    /** From the properties BlueZ lists for a device, values already plain (see {@link Plain}). */
    static Advertisement of(String path, Map<String, Object> properties, boolean fresh) {
        return new Advertisement(path, "", "", OptionalInt.empty(), Set.of(), Map.of(), Map.of(), false, false, false)
                .with(properties, List.of(), fresh);
    }

    /**
     * This device after a PropertiesChanged.
     *
     * @param changed     new values, plain
     * @param invalidated properties that no longer have a value (BlueZ drops RSSI when it stops seeing a device)
     * @param duringScan  whether the change arrived while discovering: then an advertised property means the device
     *                    is on the air
     */
    Advertisement with(Map<String, Object> changed, List<String> invalidated, boolean duringScan) {
        String newAddress = address;
        String newName = name;
        OptionalInt newRssi = rssi;
        Set<UUID> newUuids = uuids;
        Map<Integer, byte[]> newData = manufacturerData;
        Map<UUID, byte[]> newServiceData = serviceData;
        boolean newConnected = connected;
        boolean newResolved = servicesResolved;
        boolean advertised = false;
        for (Map.Entry<String, Object> e : changed.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "Address" -> newAddress = String.valueOf(v);
                case "Name" -> newName = String.valueOf(v);
                case "RSSI" -> newRssi = v instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
                case "UUIDs" -> newUuids = uuids(v);
                case "ManufacturerData" -> newData = manufacturerData(v);
                case "ServiceData" -> newServiceData = serviceData(v);
                case "Connected" -> newConnected = Boolean.TRUE.equals(v);
                case "ServicesResolved" -> newResolved = Boolean.TRUE.equals(v);
                default -> {
                    // Other properties (Paired, Trusted, Icon...) do not matter here.
                }
            }
            advertised |= ADVERTISED.contains(e.getKey());
        }
        if (invalidated.contains("RSSI")) {
            newRssi = OptionalInt.empty();
        }
        return new Advertisement(path, newAddress, newName, newRssi, newUuids, newData, newServiceData, newConnected,
                newResolved, fresh || duringScan && advertised);
    }

    /** The same device, not yet seen in a new discovery. */
    Advertisement stale() {
        return new Advertisement(path, address, name, rssi, uuids, manufacturerData, serviceData, connected,
                servicesResolved, false);
    }

    /** This device (the newer view) with what it lacks taken from {@code listed}: its address, name and data. */
    Advertisement filledFrom(Advertisement listed) {
        return new Advertisement(path, address.isEmpty() ? listed.address : address, name.isEmpty() ? listed.name : name,
                rssi.isPresent() ? rssi : listed.rssi, uuids.isEmpty() ? listed.uuids : uuids,
                manufacturerData.isEmpty() ? listed.manufacturerData : manufacturerData,
                serviceData.isEmpty() ? listed.serviceData : serviceData, connected || listed.connected,
                servicesResolved || listed.servicesResolved, fresh || listed.fresh);
    }

    public Optional<DeviceKind> kind() {
        return DeviceKind.recognise(this);
    }

    /** The Battery Service's level (0x180F, one byte, percent) if the device advertises it as service data. */
    public OptionalInt advertisedBatteryPercent() {
        byte[] level = serviceData.get(GattLink.BATTERY_SERVICE);
        return level != null && level.length >= 1 && Byte.toUnsignedInt(level[0]) <= 100
                ? OptionalInt.of(Byte.toUnsignedInt(level[0])) : OptionalInt.empty();
    }

    /** Whether {@code wanted} (an address in any case, or an exact name) names this device. */
    public boolean isNamed(String wanted) {
        return address.equalsIgnoreCase(wanted) || !name.isEmpty() && name.equals(wanted);
    }

    /** "isoband-1A2B (AA:BB:CC:DD:EE:FF)", or only the address for a device without a name. */
    public String label() {
        return name.isEmpty() ? address : name + " (" + address + ")";
    }

    private static Set<UUID> uuids(Object v) {
        Set<UUID> out = new LinkedHashSet<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                try {
                    out.add(UUID.fromString(String.valueOf(o)));
                } catch (IllegalArgumentException e) {
                    // BlueZ only lists full UUIDs; anything else is ignored rather than trusted.
                }
            }
        }
        return out;
    }

    private static Map<UUID, byte[]> serviceData(Object v) {
        Map<UUID, byte[]> out = new HashMap<>();
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                try {
                    if (e.getValue() instanceof byte[] bytes) {
                        out.put(UUID.fromString(String.valueOf(e.getKey())), bytes);
                    }
                } catch (IllegalArgumentException ignored) {
                    // Not a full UUID: BlueZ gives full ones, anything else is not trusted.
                }
            }
        }
        return out;
    }

    private static Map<Integer, byte[]> manufacturerData(Object v) {
        Map<Integer, byte[]> out = new HashMap<>();
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() instanceof Number company && e.getValue() instanceof byte[] bytes) {
                    out.put(company.intValue(), bytes);
                }
            }
        }
        return out;
    }
}
