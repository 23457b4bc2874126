package org.isoband.core.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads force recordings in the analyze format: a header row naming {@code t_s} (seconds) and
 * {@code force_n} (newtons) among any other columns, then one sample a line. Lines starting with
 * {@code #} and blank lines are skipped. {@code NaN} and {@code Infinity} are passed on as readings (the
 * detector drops and counts them); anything else that is not a number is an error naming the line and
 * the field.
 */
public final class TraceCsv {
    public static final String TIME_COLUMN = "t_s";
    public static final String FORCE_COLUMN = "force_n";

    /** Receives each sample as it is read. */
    @FunctionalInterface
    public interface SampleSink {
        void accept(long tNanos, double newtons);
    }

    private TraceCsv() {
    }

    /**
     * Streams every sample of {@code reader} to {@code sink}; returns the number of samples.
     *
     * @param source name of the recording for error messages (usually the file name)
     */
    public static long read(Reader reader, String source, SampleSink sink) throws TraceFormatException {
        try (BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16)) {
            return read(in, source, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + ": " + e.getMessage(), e);
        }
    }

    private static long read(BufferedReader in, String source, SampleSink sink)
            throws IOException, TraceFormatException {
        int lineNo = 0;
        int timeIdx = -1;
        int forceIdx = -1;
        int columns = 0;
        long samples = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (isSkipped(line)) {
                continue;
            }
            if (timeIdx < 0) {
                String[] header = line.split(",", -1);
                columns = header.length;
                for (int i = 0; i < header.length; i++) {
                    String name = header[i].trim();
                    if (i == 0 && name.startsWith("\uFEFF")) {
                        name = name.substring(1);
                    }
                    if (name.equals(TIME_COLUMN)) {
                        timeIdx = i;
                    } else if (name.equals(FORCE_COLUMN)) {
                        forceIdx = i;
                    }
                }
                if (timeIdx < 0 || forceIdx < 0) {
                    String missing = timeIdx < 0 ? TIME_COLUMN : FORCE_COLUMN;
                    throw new TraceFormatException(source, lineNo, missing,
                            "the header has no column '" + missing + "' (expected a header row with "
                                    + TIME_COLUMN + " and " + FORCE_COLUMN + ", found: " + line.trim() + ")");
                }
                continue;
            }
            double t = field(line, timeIdx, columns, source, lineNo, TIME_COLUMN);
            double f = field(line, forceIdx, columns, source, lineNo, FORCE_COLUMN);
            if (!Double.isFinite(t)) {
                throw new TraceFormatException(source, lineNo, TIME_COLUMN, "time must be a finite number");
            }
            sink.accept(Math.round(t * 1e9), f);
            samples++;
        }
        if (timeIdx < 0) {
            throw new TraceFormatException(source, 0, null,
                    "the file is empty (expected a header row with " + TIME_COLUMN + " and " + FORCE_COLUMN + ")");
        }
        if (samples == 0) {
            throw new TraceFormatException(source, 0, null, "the file has a header but no samples");
        }
        return samples;
    }

    private static boolean isSkipped(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    /** The {@code index}-th comma-separated field of {@code line}, parsed as a number. */
    private static double field(String line, int index, int columns, String source, int lineNo, String name)
            throws TraceFormatException {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = line.indexOf(',', start) + 1;
            if (start == 0) {
                throw new TraceFormatException(source, lineNo, name,
                        "missing: the line has fewer fields than the header's " + columns);
            }
        }
        int end = line.indexOf(',', start);
        String text = (end < 0 ? line.substring(start) : line.substring(start, end)).trim();
        if (text.isEmpty()) {
            throw new TraceFormatException(source, lineNo, name, "empty value");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(source, lineNo, name, "not a number: '" + text + "'");
        }
    }
}
