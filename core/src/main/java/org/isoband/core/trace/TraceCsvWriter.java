package org.isoband.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes samples in the analyze CSV format ({@code t_s,force_n}, one sample a line, with {@code #} comment
 * lines first), as {@link TraceCsv} reads it back. Times are written to the microsecond, forces to 0.01 N.
 */
public final class TraceCsvWriter implements AutoCloseable {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(32);
    private boolean headerWritten;

    public TraceCsvWriter(Writer out) {
        this.out = out;
    }

    /** A comment line; only before the first sample. */
    public void comment(String text) throws IOException {
        if (headerWritten) {
            throw new IllegalStateException("comments go before the samples");
        }
        out.write("# " + text.replace('\n', ' ') + "\n");
    }

    public void sample(double seconds, double newtons) throws IOException {
        if (!headerWritten) {
            out.write(TraceCsv.TIME_COLUMN + "," + TraceCsv.FORCE_COLUMN + "\n");
            headerWritten = true;
        }
        line.setLength(0);
        line.append(String.format(Locale.ROOT, "%.6f,%.2f%n", seconds, newtons));
        out.write(line.toString());
    }

    /** For lambdas that cannot throw: wraps the I/O error. */
    public void sampleUnchecked(double seconds, double newtons) {
        try {
            sample(seconds, newtons);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!headerWritten) {
            out.write(TraceCsv.TIME_COLUMN + "," + TraceCsv.FORCE_COLUMN + "\n");
        }
        out.close();
    }
}
