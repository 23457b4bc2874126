package org.isoband.device.ble;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The devices BlueZ lists under one adapter, kept current from its signals, with a way to wait for one. Starts
 * from BlueZ's object tree, which holds devices cached from earlier scans and pairings: such a device is
 * {@linkplain Advertisement#fresh() stale} until it advertises during a discovery, because a cached entry says
 * nothing about whether the device is switched on and in range (connecting to one that is not only times out).
 */
final class Devices implements BlueZ.Listener, AutoCloseable {
    private final String adapterPath;
    private final Map<String, Advertisement> byPath = new LinkedHashMap<>();
    private final AutoCloseable registration;
    private boolean discovering;

    Devices(BlueZ bluez, String adapterPath) throws BleException {
        this.adapterPath = adapterPath;
        // Listen first, then list: a device added in between is then seen twice rather than not at all.
        this.registration = bluez.listen(this);
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : bluez.managedObjects().entrySet()) {
            Map<String, Object> device = e.getValue().get(BlueZ.DEVICE);
            if (device != null && isOurs(e.getKey())) {
                synchronized (this) {
                    // A signal between listen and list made an entry from its changes alone (no address, no
                    // name): keep those newer values and fill in the rest from the listing.
                    Advertisement listed = Advertisement.of(e.getKey(), device, false);
                    byPath.merge(e.getKey(), listed, (early, l) -> early.filledFrom(l));
                }
            }
        }
    }

    private boolean isOurs(String path) {
        return path.startsWith(adapterPath + "/") && path.indexOf('/', adapterPath.length() + 1) < 0;
    }

    /** A discovery starts (all devices become stale until they advertise) or ends. */
    synchronized void discovering(boolean on) {
        discovering = on;
        if (on) {
            byPath.replaceAll((p, ad) -> ad.stale());
        }
        notifyAll();
    }

    synchronized List<Advertisement> all() {
        return new ArrayList<>(byPath.values());
    }

    synchronized Optional<Advertisement> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * Waits until a device satisfies {@code test}, or {@code timeout} passes.
     *
     * @return the first such device, in BlueZ's order
     */
    synchronized Optional<Advertisement> await(Predicate<Advertisement> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Advertisement ad : byPath.values()) {
                if (test.test(ad)) {
                    return Optional.of(ad);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void propertiesChanged(String path, String iface, Map<String, Object> changed, List<String> invalidated,
            long arrivalNanos) {
        if (!BlueZ.DEVICE.equals(iface) || !isOurs(path)) {
            return;
        }
        synchronized (this) {
            Advertisement before = byPath.get(path);
            Advertisement base = before != null ? before : Advertisement.of(path, Map.of(), false);
            byPath.put(path, base.with(changed, invalidated, discovering));
            notifyAll();
        }
    }

    @Override
    public void interfacesAdded(String path, Map<String, Map<String, Object>> interfaces) {
        Map<String, Object> device = interfaces.get(BlueZ.DEVICE);
        if (device == null || !isOurs(path)) {
            return;
        }
        synchronized (this) {
            // BlueZ adds a device object when it first receives its advertisement.
            byPath.put(path, Advertisement.of(path, device, discovering));
            notifyAll();
        }
    }

    @Override
    public void interfacesRemoved(String path, List<String> interfaces) {
        if (interfaces.contains(BlueZ.DEVICE)) {
            synchronized (this) {
                byPath.remove(path);
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        try {
            registration.close();
        } catch (Exception e) {
            // Only removes a listener from a list.
        }
    }
}
