package org.isoband.gateway.config;

/**
 * One thing wrong with a configuration file, with where it is.
 *
 * @param file    the file's name as the user gave it
 * @param line    1-based line (0 when the problem is with the file as a whole)
 * @param key     dotted path of the key, e.g. {@code mqtt.ca_file} (empty for the file)
 * @param message what is wrong and, where it helps, what would be right
 */
public record ConfigProblem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (key.isEmpty() ? "" : ": " + key) + ": " + message;
    }
}
