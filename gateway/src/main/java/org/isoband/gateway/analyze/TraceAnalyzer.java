package org.isoband.gateway.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.DetectorListener;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.trace.TraceCsv;
import org.isoband.core.trace.TraceFormatException;

/** Runs a recording through the hold detector, as {@code isoband analyze} does. */
public final class TraceAnalyzer {
    private final DetectorConfig config;

    public TraceAnalyzer(DetectorConfig config) {
        this.config = config;
    }

    /**
     * Analyzes {@code file}, handing each rep to {@code onRep} as soon as it ends.
     *
     * @param keepSamples keep the samples in memory (for a plot)
     * @throws TraceFormatException the file is missing, unreadable or not in the analyze format
     */
    public TraceAnalysis analyze(Path file, boolean keepSamples, Consumer<RepEvent> onRep) throws TraceFormatException {
        return analyze(file, keepSamples, onRep, null);
    }

    /** As {@link #analyze(Path, boolean, Consumer)}, printing progress to {@code progress} for long files. */
    public TraceAnalysis analyze(Path file, boolean keepSamples, Consumer<RepEvent> onRep, PrintWriter progress)
            throws TraceFormatException {
        String source = file.toString();
        try (InputStream raw = Files.newInputStream(file);
             Reader reader = new BufferedReader(new InputStreamReader(
                     progress == null ? raw : new ProgressReport(raw, Files.size(file), "analyze " + file, progress),
                     StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
            return analyze(reader, source, keepSamples, onRep);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(source, 0, null, "no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notText(source);
        } catch (IOException e) {
            throw new TraceFormatException(source, 0, null, "cannot read: " + e.getMessage());
        }
    }

    public TraceAnalysis analyze(Reader reader, String source, boolean keepSamples, Consumer<RepEvent> onRep)
            throws TraceFormatException {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(config, new DetectorListener() {
            @Override
            public void onRep(RepEvent rep) {
                reps.add(rep);
                onRep.accept(rep);
            }
        });
        RecordedTrace samples = keepSamples ? new RecordedTrace() : null;
        TimeNotes notes = new TimeNotes(source);
        try {
            TraceCsv.read(reader, source, new TraceCsv.SampleSink() {
                @Override
                public void accept(long tNanos, double newtons) {
                    detector.accept(tNanos, newtons);
                    if (samples != null) {
                        samples.add(tNanos / 1e9, newtons);
                    }
                }

                @Override
                public void timeWentBack(int line, double fromS, double toS) {
                    notes.wentBack(line, fromS, toS);
                }

                @Override
                public void timeOutOfLine(int line, double timeS) {
                    notes.outOfLine(line, timeS);
                }

                @Override
                public void lineSkipped(TraceFormatException problem) {
                    notes.skipped(problem);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw notText(source);
            }
            throw new TraceFormatException(source, 0, null, "cannot read: " + e.getCause().getMessage());
        }
        detector.finish();
        return new TraceAnalysis(source, samples, reps, detector.counters(), config.holdTargetS(), notes.lines());
    }

    private static TraceFormatException notText(String source) {
        return new TraceFormatException(source, 0, null,
                "not a text CSV (not UTF-8 text: a picture or other binary file?); expected lines of t_s,force_n");
    }
}
