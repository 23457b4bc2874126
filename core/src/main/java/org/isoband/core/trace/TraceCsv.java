package org.isoband.core.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads force recordings in the analyze format: a header row naming {@code t_s} (seconds) and
 * {@code force_n} (newtons) among any other columns, then one sample a line. Lines starting with
 * {@code #} and blank lines are skipped. {@code NaN} and {@code Infinity} are passed on as readings (the
 * detector drops and counts them); anything else that is not a plain decimal number is an error naming
 * the line and the field.
 *
 * <p>Time is the recording's own: when it goes back (a clock that restarted) or one line's time is out of
 * line with its neighbours, every sample is still passed on and the sink is told where
 * ({@link SampleSink#timeWentBack}, {@link SampleSink#timeOutOfLine}); a time beyond any clock (more than
 * {@value #MAX_TIME_S} s) skips that one line ({@link SampleSink#lineSkipped}).
 */
public final class TraceCsv {
    public static final String TIME_COLUMN = "t_s";
    public static final String FORCE_COLUMN = "force_n";
    /** Longer lines are no recording (a recording's line is a few dozen characters). */
    public static final int MAX_LINE_CHARS = 1 << 16;
    /** The detector's clock is in nanoseconds: about 292 years either way. */
    public static final double MAX_TIME_S = 9.0e9;
    private static final int ECHO_CHARS = 40;

    /** Receives each sample as it is read, and what the reader noticed about the recording's time. */
    @FunctionalInterface
    public interface SampleSink {
        void accept(long tNanos, double newtons);

        /** At {@code line} the time went back from {@code fromS} to {@code toS}: a new segment begins. */
        default void timeWentBack(int line, double fromS, double toS) {
        }

        /** The time of {@code line} is ahead of both its neighbours': the detector drops that one sample. */
        default void timeOutOfLine(int line, double timeS) {
        }

        /** {@code line} was skipped (the exception says why); the samples around it are kept. */
        default void lineSkipped(TraceFormatException problem) {
        }
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
        int lastLine = 0;
        double last = Double.NaN;
        double beforeLast = Double.NaN;
        StringBuilder buffer = new StringBuilder(128);
        String line;
        while ((line = readLine(in, buffer, source, lineNo + 1)) != null) {
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
                    if (name.equals(TIME_COLUMN) || name.equals(FORCE_COLUMN)) {
                        int seen = name.equals(TIME_COLUMN) ? timeIdx : forceIdx;
                        if (seen >= 0) {
                            throw new TraceFormatException(source, lineNo, name, "the header names column '" + name
                                    + "' twice (columns " + (seen + 1) + " and " + (i + 1) + "): which one is meant?");
                        }
                        if (name.equals(TIME_COLUMN)) {
                            timeIdx = i;
                        } else {
                            forceIdx = i;
                        }
                    }
                }
                if (timeIdx < 0 || forceIdx < 0) {
                    String missing = timeIdx < 0 ? TIME_COLUMN : FORCE_COLUMN;
                    throw new TraceFormatException(source, lineNo, missing,
                            "the header has no column '" + missing + "' (expected a header row with "
                                    + TIME_COLUMN + " and " + FORCE_COLUMN + ", found: " + echo(line.trim()) + ")");
                }
                continue;
            }
            double t = field(line, timeIdx, columns, source, lineNo, TIME_COLUMN);
            double f = field(line, forceIdx, columns, source, lineNo, FORCE_COLUMN);
            if (!Double.isFinite(t)) {
                throw new TraceFormatException(source, lineNo, TIME_COLUMN, "time must be a finite number");
            }
            if (Math.abs(t) > MAX_TIME_S) {
                sink.lineSkipped(new TraceFormatException(source, lineNo, TIME_COLUMN,
                        "time " + echo(fieldText(line, timeIdx)) + " s is beyond any clock (more than "
                                + MAX_TIME_S + " s): line skipped"));
                continue;
            }
            if (t < last) {
                if (t > beforeLast) {
                    sink.timeOutOfLine(lastLine, last);
                } else {
                    sink.timeWentBack(lineNo, last, t);
                }
            }
            beforeLast = t < last && t > beforeLast ? beforeLast : last;
            last = t;
            lastLine = lineNo;
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

    /** One line, at most {@link #MAX_LINE_CHARS} long: a longer one is no recording (and is not kept). */
    private static String readLine(BufferedReader in, StringBuilder buffer, String source, int lineNo)
            throws IOException, TraceFormatException {
        buffer.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c == 0) {
                throw new TraceFormatException(source, lineNo, null,
                        "not a text CSV (binary data: a NUL byte); expected lines of t_s,force_n");
            }
            if (buffer.length() >= MAX_LINE_CHARS) {
                throw new TraceFormatException(source, lineNo, null, "the line is longer than " + MAX_LINE_CHARS
                        + " characters: not a CSV recording (it begins " + echo(buffer) + ")");
            }
            buffer.append((char) c);
        }
        if (c < 0 && buffer.length() == 0) {
            return null;
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            end--;
        }
        return buffer.substring(0, end);
    }

    /** Text from the file, quoted and cut short, for a message. */
    private static String echo(CharSequence text) {
        String s = text.length() > ECHO_CHARS ? text.subSequence(0, ECHO_CHARS) + "..." : text.toString();
        return "'" + s.replaceAll("\\p{Cntrl}", "?") + "'";
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

    private static String fieldText(String line, int index) {
        int start = 0;
        for (int i = 0; i < index && start >= 0; i++) {
            start = line.indexOf(',', start) + 1;
        }
        int end = line.indexOf(',', start);
        return (end < 0 ? line.substring(start) : line.substring(start, end)).trim();
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
        if (!isDecimal(text)) {
            throw new TraceFormatException(source, lineNo, name, "not a number: " + echo(text));
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(source, lineNo, name, "not a number: " + echo(text));
        }
    }

    /**
     * A plain decimal number (digits, sign, point, exponent) or NaN/Infinity: Java's parser also takes
     * {@code 1d}, {@code 1f} and hexadecimal, which no recording means.
     */
    private static boolean isDecimal(String text) {
        String unsigned = text.charAt(0) == '+' || text.charAt(0) == '-' ? text.substring(1) : text;
        if (unsigned.equals("NaN") || unsigned.equals("Infinity")) {
            return true;
        }
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        return digit;
    }
}
