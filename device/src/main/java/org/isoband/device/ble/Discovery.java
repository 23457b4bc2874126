package org.isoband.device.ble;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.types.Variant;
import org.isoband.device.ble.decode.IsobandFrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LE discovery on an adapter, from {@link #start} to {@link #close}, with the discovery filter the sensors
 * need. Closing always stops it, so that an interrupted gateway does not leave the radio scanning.
 */
final class Discovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    /** How often StartDiscovery is retried while BlueZ answers InProgress, and how long between tries. */
    static final int IN_PROGRESS_TRIES = 10;
    static final Duration IN_PROGRESS_PAUSE = Duration.ofMillis(300);

    private final BlueZ bluez;
    private final String adapterPath;
    private final Devices devices;
    private boolean ours;
    private boolean closed;

    private Discovery(BlueZ bluez, String adapterPath, Devices devices) {
        this.bluez = bluez;
        this.adapterPath = adapterPath;
        this.devices = devices;
    }

    /**
     * The filter: LE only; {@code DuplicateData} so that BlueZ reports every advertisement (the crane scale's
     * weight is only in advertisements, and RSSI updates show which devices are on the air); and the isoband
     * service UUID only when looking for the band alone, because a Progressor and the crane scale do not
     * advertise a service UUID, and BlueZ would then hide them.
     */
    static Map<String, Variant<?>> filter(BleProfile profile) {
        Map<String, Variant<?>> filter = new LinkedHashMap<>();
        filter.put("Transport", new Variant<>("le"));
        filter.put("DuplicateData", new Variant<>(Boolean.TRUE));
        String[] uuids = profile == BleProfile.ISOBAND ? new String[] {IsobandFrameDecoder.SERVICE.toString()}
                : new String[0];
        filter.put("UUIDs", new Variant<>(uuids, "as"));
        return filter;
    }

    static Discovery start(BlueZ bluez, String adapterPath, BleProfile profile, Devices devices)
            throws BleException, InterruptedException {
        Discovery d = new Discovery(bluez, adapterPath, devices);
        bluez.call(adapterPath, BlueZ.ADAPTER, "SetDiscoveryFilter", BlueZ.CALL_TIMEOUT, "a{sv}", filter(profile));
        devices.discovering(true);
        try {
            d.startDiscovery();
        } catch (BleException | InterruptedException | RuntimeException e) {
            devices.discovering(false);
            throw e;
        }
        return d;
    }

    private void startDiscovery() throws BleException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                bluez.call(adapterPath, BlueZ.ADAPTER, "StartDiscovery", BlueZ.CALL_TIMEOUT, null);
                ours = true;
                return;
            } catch (BlueZCallException e) {
                if (!e.isInProgress()) {
                    throw e;
                }
                // InProgress: a start or stop of discovery is under way (ours from a previous link, or another
                // client's). Wait briefly and retry; never wait forever.
                if (attempt >= IN_PROGRESS_TRIES) {
                    if (Boolean.TRUE.equals(bluez.property(adapterPath, BlueZ.ADAPTER, "Discovering"))) {
                        LOG.info("discovery on " + adapterPath + " still in progress after "
                                + attempt + " tries; using the discovery that is running");
                        return;
                    }
                    throw e;
                }
                Thread.sleep(IN_PROGRESS_PAUSE.toMillis());
            }
        }
    }

    /** The devices that advertised since the start, supported, and of the profile. */
    List<FoundDevice> found(BleProfile profile) {
        return devices.all().stream()
                .filter(Advertisement::fresh)
                .flatMap(ad -> ad.kind().filter(profile::accepts).map(k -> FoundDevice.of(ad, k)).stream())
                .sorted(FoundDevice.STRONGEST_FIRST)
                .toList();
    }

    /**
     * The devices that advertised since the start and are either supported and of the profile, or (with the auto
     * profile) gauges recognised as unsupported.
     */
    List<HeardDevice> heard(BleProfile profile) {
        List<HeardDevice> out = new java.util.ArrayList<>();
        for (Advertisement ad : devices.all()) {
            if (!ad.fresh()) {
                continue;
            }
            Optional<HeardDevice.Recognition> what = ad.kind().filter(profile::accepts)
                    .<HeardDevice.Recognition>map(HeardDevice.Supported::new)
                    .or(() -> profile == BleProfile.AUTO
                            ? UnsupportedGauge.recognise(ad).map(HeardDevice.Unsupported::new) : Optional.empty());
            what.ifPresent(r -> out.add(new HeardDevice(ad.name(), ad.address(), ad.rssi(), r,
                    ad.advertisedBatteryPercent())));
        }
        out.sort(HeardDevice.STRONGEST_FIRST);
        return out;
    }

    Optional<Advertisement> device(String path) {
        return devices.get(path);
    }

    /** Stops the discovery; a second close (a GATT link stops it before connecting) does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        devices.discovering(false);
        if (!ours) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            bluez.call(adapterPath, BlueZ.ADAPTER, "StopDiscovery", Duration.ofSeconds(2), null);
        } catch (BleException e) {
            // Not discovering any more (the adapter went away, or BlueZ stopped it): nothing to stop.
            LOG.debug("StopDiscovery: " + e.getMessage());
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
