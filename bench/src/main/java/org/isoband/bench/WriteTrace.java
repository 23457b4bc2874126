package org.isoband.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic training session in the analyze CSV format ({@code t_s,force_n}):
 * {@code java -cp benchmarks.jar org.isoband.bench.WriteTrace OUT.csv [SECONDS] [HZ] [SEED]}
 * (default: one hour at 1 kHz). Numbers are formatted by hand: String.format would take longer than
 * the analysis being timed.
 */
public final class WriteTrace {
    private WriteTrace() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: WriteTrace OUT.csv [SECONDS=3600] [HZ=1000] [SEED=1]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3600;
        double hz = args.length > 2 ? Double.parseDouble(args[2]) : 1000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;

        ForceSignal session = Sessions.session(seconds, seed);
        long samples;
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            samples = write(session, hz, seed, w);
        }
        System.out.printf(Locale.ROOT, "samples=%d seconds=%.0f hz=%.0f contractions=%d%n",
                samples, seconds, hz, session.contractions());
    }

    /** Writes the header, a comment naming the session, and every sample; returns the number of samples. */
    static long write(ForceSignal session, double hz, long seed, Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        w.write(String.format(Locale.ROOT, "# synthetic session: %.0f s at %.0f Hz, seed %d, %d contractions%n",
                session.durationS(), hz, seed, session.contractions()));
        w.write("t_s,force_n\n");
        StringBuilder line = new StringBuilder(32);
        long[] count = {0};
        try {
            session.sample(hz, seed, (t, f) -> {
                line.setLength(0);
                fixed(line, Math.round(t * 1e6), 6).append(',');
                fixed(line, Math.round(f * 1e3), 3).append('\n');
                try {
                    w.append(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        return count[0];
    }

    /** Appends {@code scaled / 10^decimals} with exactly {@code decimals} digits after the point. */
    static StringBuilder fixed(StringBuilder sb, long scaled, int decimals) {
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        long unit = 1;
        for (int i = 0; i < decimals; i++) {
            unit *= 10;
        }
        sb.append(scaled / unit).append('.');
        String frac = Long.toString(scaled % unit);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(frac);
    }
}
