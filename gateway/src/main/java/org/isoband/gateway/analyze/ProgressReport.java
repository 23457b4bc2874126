package org.isoband.gateway.analyze;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Counts the bytes read from a large file and prints how far along it is, at most once a second, so that a
 * long analysis shows it is moving. Small files, done in a blink, print nothing.
 */
final class ProgressReport extends FilterInputStream {
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    private final long total;
    private final String label;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long read;
    private long lastReport = started;

    ProgressReport(InputStream in, long total, String label, PrintWriter err) {
        super(in);
        this.total = total;
        this.label = label;
        this.err = err;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        read += n;
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            err.printf(Locale.ROOT, "%s: %3.0f %% of %.0f MB read, %.0f s%n", label, 100.0 * read / total,
                    total / 1e6, (now - started) / 1e9);
            err.flush();
        }
    }
}
