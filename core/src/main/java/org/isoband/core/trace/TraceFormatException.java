package org.isoband.core.trace;

/**
 * A recording that cannot be read, with where: the source (file name), the line (1-based, 0 for the file
 * as a whole) and the field.
 */
public final class TraceFormatException extends Exception {
    private final String source;
    private final int line;
    private final String field;

    public TraceFormatException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (field != null) {
            where.append(", field ").append(field);
        }
        return where + ": " + problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
