package org.isoband.device.ble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor used last, in a one-line file holding its address ({@code ~/.local/share/isoband/last-ble-device}
 * for {@code record}), so that with no device configured the source prefers it over the first one heard. A
 * missing, unreadable or garbled file is no memory; a file that cannot be written is logged, never fatal.
 */
final class RememberedDevice {
    private static final Logger LOG = LoggerFactory.getLogger(RememberedDevice.class);

    private final Optional<Path> file;

    RememberedDevice(Optional<Path> file) {
        this.file = file;
    }

    Optional<String> address() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String address = Files.readString(file.get(), StandardCharsets.UTF_8).trim();
            return address.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}") ? Optional.of(address) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void remember(String address) {
        if (file.isEmpty() || address.isEmpty()) {
            return;
        }
        Path f = file.get();
        try {
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            Files.writeString(f, address + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot remember the sensor in {}: {}", f, e.getMessage());
        }
    }
}
