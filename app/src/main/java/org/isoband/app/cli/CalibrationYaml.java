package org.isoband.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isoband.core.sample.Calibration;

/**
 * Writes the calibration into the YAML config file by text, not by a YAML library: only the top-level
 * {@code calibration:} block is replaced (or appended, or the file created), so every other line, comment
 * and formatting choice of the file stays exactly as the user left it.
 *
 * <p>The block is the {@code calibration:} line at column 0 and the indented lines after it (blank lines
 * inside it included); it ends at the next line that starts at column 0, a comment too, and blank lines
 * before that line stay outside it. Comments indented inside the block are part of it and are replaced.
 */
final class CalibrationYaml {
    private static final Pattern HEADER = Pattern.compile("calibration\\s*:(\\s.*)?");
    private static final Pattern STIFFNESS = Pattern.compile("\\s+band_stiffness_n_per_m\\s*:\\s*([-+0-9.eE]+)\\s*(#.*)?");

    private CalibrationYaml() {
    }

    /** The block as written: three keys, floats in a form YAML 1.1 and 1.2 both read as floats. */
    static List<String> block(Calibration c, String comment) {
        List<String> lines = new ArrayList<>();
        lines.add("calibration:");
        if (comment != null && !comment.isBlank()) {
            lines.add("  # " + comment.strip());
        }
        lines.add(String.format(Locale.ROOT, "  offset_raw: %.3f", c.offsetRaw()));
        lines.add(String.format(Locale.ROOT, "  scale_n_per_raw: %.6e", c.scaleNewtonsPerRaw()));
        lines.add(String.format(Locale.ROOT, "  band_stiffness_n_per_m: %.1f", c.bandStiffnessNPerM()));
        return lines;
    }

    /**
     * {@code text} with its calibration block replaced by {@code c}'s, or the block appended; {@code text} may
     * be null (no file yet).
     *
     * @throws UserError if the file has two top-level calibration blocks (invalid YAML: a duplicate key)
     */
    static String withCalibration(String text, Calibration c, String comment) {
        List<String> newBlock = block(c, comment);
        if (text == null || text.isEmpty()) {
            return String.join("\n", newBlock) + "\n";
        }
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(text.lines().toList());
        int[] span = find(lines);
        if (span == null) {
            StringBuilder out = new StringBuilder(text);
            if (!text.endsWith("\n")) {
                out.append(nl);
            }
            if (!lines.get(lines.size() - 1).isBlank()) {
                out.append(nl);
            }
            return out.append(String.join(nl, newBlock)).append(nl).toString();
        }
        List<String> result = new ArrayList<>(lines.subList(0, span[0]));
        result.addAll(newBlock);
        result.addAll(lines.subList(span[1], lines.size()));
        String joined = String.join(nl, result);
        return text.endsWith("\n") || span[1] == lines.size() ? joined + nl : joined;
    }

    /** The band stiffness already in the file's calibration block, if any. */
    static OptionalDouble bandStiffness(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        List<String> lines = text.lines().toList();
        int[] span = find(lines);
        if (span == null) {
            return OptionalDouble.empty();
        }
        for (String line : lines.subList(span[0] + 1, span[1])) {
            Matcher m = STIFFNESS.matcher(line);
            if (m.matches()) {
                try {
                    return OptionalDouble.of(Double.parseDouble(m.group(1)));
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Replaces the block in {@code file} (created with its folders if missing), atomically where the folder can
     * take a temporary file, in place where only the file itself is writable (a service user's group-writable
     * /etc/isoband/isoband.yaml in a root-owned folder).
     *
     * @throws UserError naming the path when neither can be written
     */
    static void write(Path file, Calibration c, String comment) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        String updated = withCalibration(old, c, comment);
        Path dir = file.toAbsolutePath().getParent();
        createFolder(file, dir);
        // Write beside the file and move it over: a crash mid-write never leaves half a config.
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        } catch (AccessDeniedException e) {
            if (Files.isRegularFile(file) && Files.isWritable(file)) {
                Files.writeString(file, updated, StandardCharsets.UTF_8);
                return;
            }
            throw notWritable(file, dir);
        }
        try {
            Files.writeString(tmp, updated, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Fails before anything is measured when {@link #write} could not save to {@code file}. */
    static void checkWritable(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createFolder(file, dir);
        if (Files.isRegularFile(file) && Files.isWritable(file)) {
            return;
        }
        try {
            Files.delete(Files.createTempFile(dir, "." + file.getFileName(), ".tmp"));
        } catch (AccessDeniedException e) {
            throw notWritable(file, dir);
        }
    }

    private static void createFolder(Path file, Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw notWritable(file, Path.of(e.getFile()));
        }
    }

    private static UserError notWritable(Path file, Path where) {
        return new UserError("cannot save the calibration to " + file + ": permission denied on " + where + " for user "
                + System.getProperty("user.name") + " (make the file writable for its group: sudo chgrp isoband " + file
                + " && sudo chmod g+w " + file + "; or give --config a file you can write)");
    }

    /** [first line, end) of the calibration block, or null. */
    private static int[] find(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                if (start >= 0) {
                    throw new UserError("the config file has two 'calibration:' blocks (lines " + (start + 1)
                            + " and " + (i + 1) + "): remove one and run calibrate again");
                }
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        int last = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                break;
            }
            last = i;
        }
        return new int[] {start, last + 1};
    }
}
