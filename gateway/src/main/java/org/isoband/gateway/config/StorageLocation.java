package org.isoband.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway's SQLite file ({@code storage.file}): refused when it can never be a file (a folder, or under a
 * file), warned about when this user cannot create it (the service's user may well be able to).
 */
final class StorageLocation {
    private StorageLocation() {
    }

    static void check(YamlSection section, String key, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            section.invalid(key, absolute + " is a folder: name a file in it, e.g. " + absolute.resolve("gateway.db"));
            return;
        }
        Path folder = absolute.getParent();
        if (folder == null) {
            section.invalid(key, "'" + file + "' is not a file path: e.g. ~/.local/share/isoband/gateway.db");
            return;
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            section.invalid(key, "the folder " + folder + " cannot be created: " + existing + " is a file");
        } else if (!Files.isWritable(existing) || (existing.equals(folder) && Files.exists(absolute) && !Files.isWritable(absolute))) {
            section.warn(key, "user " + System.getProperty("user.name") + " cannot write " + (existing.equals(folder)
                    ? absolute : "in " + existing) + ": run will fail unless the user it runs as can (the service's user "
                    + "is isoband: sudo install -d -o isoband " + folder + ")");
        }
    }
}
